/**
 * Check-on-save: the editor runs `npm run check`'s per-article rules (`src/lib/article-check.ts`)
 * on the story about to be saved and returns the errors in the check's own words, so a story
 * the build would refuse never reaches a pull request. Warnings do not block a save; CI prints
 * them on the pull request as today.
 */
import { checkArticle } from '../lib/article-check.ts';
import { formatProblem } from '../lib/content-problems.ts';
import type { Locale } from '../i18n/translator.ts';

/** What the editor page carries for the check: the site's zone and language, and every registry id. */
export interface CheckSources {
  locale: Locale;
  timeZone: string;
  people: string[];
  categories: string[];
  locations: string[];
}

/**
 * The check's error messages for an entry as the editor saves it (`body` holds the Markdown,
 * every other key is frontmatter); empty when the story may be saved.
 */
export function checkEntry(entry: Record<string, unknown>, file: string, sources: CheckSources): string[] {
  const { body, ...frontmatter } = (withoutEmptyFields(entry) ?? {}) as Record<string, unknown>;
  const registries = { people: new Set(sources.people), categories: new Set(sources.categories), locations: new Set(sources.locations) };
  const { problems } = checkArticle({ file, data: frontmatter, frontmatter: '', body: typeof body === 'string' ? body : '' }, registries, sources.timeZone);
  return problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, sources.locale));
}

/**
 * The entry as the file will hold it: the editor hands its hooks every field, empty ones
 * included, and drops empty values only when it writes (`output.omit_empty_optional_fields`,
 * set by src/editor/config.ts, where every field is optional to the editor).
 */
export function withoutEmptyFields(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmptyFields).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).map(([k, v]) => [k, withoutEmptyFields(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value === '' || value === null ? undefined : value;
}
