/**
 * What `npm run new` writes: a complete frontmatter with the date in the site's
 * zone, an id made from the Indonesian headline, and an empty body with a hint.
 * Pure: the CLI does the asking and the writing.
 */
import * as yaml from 'js-yaml';
import { toZonedIso, zonedParts } from './dates.ts';
import { tagSlug } from './paths.ts';

export const MAX_SLUG = 60;

/** "Banjir Rendam Tiga Kecamatan di Ogan Ilir" → "banjir-rendam-tiga-kecamatan-di-ogan-ilir", cut at a word under 60 chars. */
export function slugFromTitle(title: string, max = MAX_SLUG): string {
  const slug = tagSlug(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : max);
}

export interface NewArticleInput {
  title: string;
  reporter: string[];
  editor: string;
  category: string;
  location: string;
  tags: string[];
  slug?: string;
}

/** Registry ids the input must use; each error lists the valid ones. */
export interface Registries {
  people: string[];
  categories: string[];
  locations: string[];
  articleIds: Set<string>;
}

export type NewArticleResult =
  | { ok: true; id: string; relativePath: string; content: string }
  | { ok: false; errors: string[] };

/** `bodyHint` is the placeholder body, in the site's language. */
export function newArticle(input: NewArticleInput, registries: Registries, now: Date, timeZone: string, bodyHint: string): NewArticleResult {
  const errors: string[] = [];
  const check = (field: string, values: string[], known: string[]) => {
    const list = [...known].sort();
    for (const value of values) {
      if (!list.includes(value)) errors.push(`--${field} "${value}" is unknown. Valid: ${list.join(', ')}`);
    }
  };
  if (!input.title.trim()) errors.push('--title is required, e.g. --title "Banjir Rendam Tiga Kecamatan di Ogan Ilir"');
  if (input.reporter.length === 0) errors.push('--reporter is required (a person id; repeat or separate with commas for a co-byline)');
  check('reporter', input.reporter, registries.people);
  check('editor', [input.editor], registries.people);
  check('category', [input.category], registries.categories);
  check('location', [input.location], registries.locations);
  const id = input.slug ?? slugFromTitle(input.title);
  if (input.title.trim() && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) errors.push(`--slug "${id}" must use lower-case letters, digits and hyphens`);
  if (registries.articleIds.has(id)) errors.push(`an article with the id "${id}" already exists; choose another title or pass --slug`);
  if (errors.length > 0) return { ok: false, errors };

  const p = zonedParts(now, timeZone);
  // Seconds are dropped: a journalist reads and edits "13:05", not "13:05:42".
  const date = toZonedIso(new Date(Math.floor(now.getTime() / 60_000) * 60_000), timeZone);
  const frontmatter = {
    title: input.title.trim(),
    date,
    location: input.location,
    reporter: input.reporter.length === 1 ? input.reporter[0] : input.reporter,
    editor: input.editor,
    category: input.category,
    tags: input.tags,
  };
  // Dates stay unquoted-looking strings that our YAML reader keeps as text with the offset.
  const yamlText = yaml.dump(frontmatter, { lineWidth: -1 }).replace(/^date: '(.+)'$/m, 'date: $1');
  const content = `---\n${yamlText}---\n${bodyHint}\n`;
  return { ok: true, id, relativePath: `articles/${p.year}/${String(p.month).padStart(2, '0')}/${id}.md`, content };
}
