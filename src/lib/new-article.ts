/**
 * What `npm run new` writes: a complete frontmatter with the date in the site's
 * zone, an id made from the Indonesian headline, and a placeholder body. The story
 * is a draft until a journalist replaces the placeholder and removes `draft: true`.
 * Pure: the CLI does the asking, the translating and the writing.
 */
import * as yaml from 'js-yaml';
import type { TranslationKey } from '../i18n/translator.ts';
import { ID_MAX_LENGTH, SLUG_MAX_LENGTH, isId } from '../schemas/id.ts';
import type { Person } from '../schemas/person.ts';
import { closestMatch } from './closest.ts';
import { toZonedIso, zonedParts } from './dates.ts';
import { tagSlug } from './paths.ts';

/** "Banjir Rendam Tiga Kecamatan di Ogan Ilir" → "banjir-rendam-tiga-kecamatan-di-ogan-ilir", cut at a word within SLUG_MAX_LENGTH. */
export function slugFromTitle(title: string, max = SLUG_MAX_LENGTH): string {
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

/** The registries the input must use. */
export interface Registries {
  people: Map<string, Pick<Person, 'roles'>>;
  categories: string[];
  locations: string[];
  articleIds: Set<string>;
}

/** The flags that name a registry entry, and which people may fill them. */
export type ChoiceField = 'reporter' | 'editor' | 'category' | 'location';
const ROLE_OF: Partial<Record<ChoiceField, 'reporter' | 'editor'>> = { reporter: 'reporter', editor: 'editor' };

/** The valid values of a flag, sorted: people filtered by the role the flag needs. */
export function choicesFor(field: ChoiceField, registries: Registries): string[] {
  const role = ROLE_OF[field];
  if (role) return [...registries.people].filter(([, p]) => p.roles.includes(role)).map(([id]) => id).sort();
  return [...(field === 'category' ? registries.categories : registries.locations)].sort();
}

/** One problem with the input, as a translation key and its parameters (the CLI speaks the site's language). */
export interface InputProblem {
  key: TranslationKey;
  params: Record<string, string>;
}

export type NewArticleResult =
  | { ok: true; id: string; relativePath: string; content: string }
  | { ok: false; problems: InputProblem[] };

/** `placeholder` is the body a journalist replaces, in the site's language (see `isPlaceholderBody`). */
export function newArticle(input: NewArticleInput, registries: Registries, now: Date, timeZone: string, placeholder: string): NewArticleResult {
  const problems: InputProblem[] = [];
  const checkChoice = (field: ChoiceField, values: string[]) => {
    const choices = choicesFor(field, registries);
    const params = { field, choices: choices.join(', ') };
    if (values.length === 0) return problems.push({ key: 'new.required', params });
    for (const value of values) {
      if (choices.includes(value)) continue;
      const person = ROLE_OF[field] ? registries.people.get(value) : undefined;
      if (person) {
        problems.push({ key: 'new.wrongRole', params: { ...params, value, role: ROLE_OF[field]!, roles: person.roles.join(', ') } });
        continue;
      }
      const suggestion = closestMatch(value, choices);
      problems.push(suggestion ? { key: 'new.unknownSuggest', params: { ...params, value, suggestion } } : { key: 'new.unknown', params: { ...params, value } });
    }
  };
  if (!input.title.trim()) problems.push({ key: 'new.titleRequired', params: {} });
  checkChoice('reporter', input.reporter);
  checkChoice('editor', input.editor ? [input.editor] : []);
  checkChoice('category', input.category ? [input.category] : []);
  checkChoice('location', input.location ? [input.location] : []);
  const id = input.slug ?? slugFromTitle(input.title);
  if (input.title.trim() && !isId(id)) problems.push({ key: 'new.slugInvalid', params: { value: id, max: String(ID_MAX_LENGTH) } });
  else if (registries.articleIds.has(id)) problems.push({ key: 'new.idTaken', params: { value: id } });
  if (problems.length > 0) return { ok: false, problems };

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
    // Never published by accident: the body is still the placeholder.
    draft: true,
  };
  // Dates stay unquoted-looking strings that our YAML reader keeps as text with the offset.
  const yamlText = yaml.dump(frontmatter, { lineWidth: -1 }).replace(/^date: '(.+)'$/m, 'date: $1');
  const content = `---\n${yamlText}---\n${placeholder}\n`;
  return { ok: true, id, relativePath: `articles/${p.year}/${String(p.month).padStart(2, '0')}/${id}.md`, content };
}

/** Whether a story's body still holds the placeholder `npm run new` wrote, in any of the site languages. */
export function isPlaceholderBody(body: string, placeholders: string[]): boolean {
  return placeholders.some((text) => body.includes(text));
}
