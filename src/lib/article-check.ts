/**
 * The rules for one article's frontmatter and body, without the file system: the schema,
 * the registry references (people, categories, locations), the advice that does not block
 * publishing, and the placeholder body of `npm run new`. `npm run check` and the build run
 * it on every file (`content-check.ts`); the browser editor runs it before a story is saved,
 * so both refuse the same stories with the same messages.
 *
 * Checks across files (duplicate URLs, "Baca juga" targets, right-of-reply targets, a cover
 * file on disk) stay in `content-check.ts`: they need the whole content folder.
 */
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import { translations } from '../i18n/translator.ts';
import { closestMatch } from './closest.ts';
import { problemsFromZod, type ContentProblem } from './content-problems.ts';
import { isPlaceholderBody } from './new-article.ts';
import { liveUpdateProblems } from './live-updates.ts';

/** The registries an article refers to, by id. */
export interface ArticleRegistries {
  people: { has(id: string): boolean; keys(): Iterable<string> };
  categories: { has(id: string): boolean; keys(): Iterable<string> };
  locations: { has(id: string): boolean; keys(): Iterable<string> };
}

export interface ArticleInput {
  /** Path relative to the project root, named in every problem. */
  file: string;
  /** Parsed frontmatter (YAML core schema, so dates without an offset stay strings). */
  data: unknown;
  /** Frontmatter text as written, for line numbers; empty when unknown. */
  frontmatter: string;
  body: string;
  /** Line of the body's first line in the file, for problems inside the body; unknown leaves them without a line. */
  bodyFirstLine?: number;
}

export interface ArticleCheck {
  /** The parsed frontmatter when the schema accepts it (references may still be wrong). */
  data?: ArticleData;
  problems: ContentProblem[];
  /** Top-level fields named in a problem, for callers that report lines. */
  line: (field: string) => number | undefined;
}

/** Headline and summary limits: Google shows about 110 and 160 characters before cutting. */
export const TITLE_MAX = 110;
export const SUMMARY_MAX = 160;

/** The body `npm run new` writes, in every language, so a story published unwritten is caught. */
const PLACEHOLDERS = Object.values(translations).map((table) => table['new.bodyHint']);

// Built once per zone: `extend` per article cost measurable time on a 10,000-story check.
const schemas = new Map<string, ReturnType<typeof articleSchema>>();
function schemaFor(timeZone: string) {
  let schema = schemas.get(timeZone);
  if (!schema) schemas.set(timeZone, (schema = articleSchema({ timeZone })));
  return schema;
}

export function checkArticle(input: ArticleInput, registries: ArticleRegistries, timeZone: string): ArticleCheck {
  const { file, frontmatter } = input;
  const problems: ContentProblem[] = [];
  const schema = schemaFor(timeZone);
  const line = (field: string) => {
    const index = frontmatter.split('\n').findIndex((l) => l.startsWith(`${field}:`));
    return index === -1 ? undefined : index + 2;
  };
  const result = schema.safeParse(input.data, { reportInput: true });
  if (!result.success) problems.push(...problemsFromZod(result.error.issues, { file, frontmatter, firstLine: 2, knownFields: Object.keys(schema.shape) }));
  // References are checked even when other fields are wrong, so one run names every problem.
  const invalid = new Set(result.success ? [] : result.error.issues.map((issue) => String(issue.path[0])));
  const raw = (result.success ? result.data : (input.data ?? {})) as Record<string, unknown>;
  const ids = (field: string): string[] => {
    if (invalid.has(field)) return [];
    const value = raw[field];
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  };
  const checkRef = (field: string, registry: ArticleRegistries[keyof ArticleRegistries], name: keyof ArticleRegistries) => {
    for (const value of ids(field)) {
      if (registry.has(value)) continue;
      const suggestion = closestMatch(value, registry.keys());
      problems.push({
        file,
        line: line(field),
        field,
        severity: 'error',
        key: suggestion ? 'error.unknownIdSuggest' : 'error.unknownId',
        params: { value, registry: `registry.${name}`, ...(suggestion ? { suggestion } : {}) },
      });
    }
  };
  checkRef('location', registries.locations, 'locations');
  checkRef('category', registries.categories, 'categories');
  checkRef('editor', registries.people, 'people');
  checkRef('reporter', registries.people, 'people');
  const ai = invalid.has('ai') ? undefined : (raw.ai as { cover?: unknown } | undefined);
  if (ai?.cover !== undefined && raw.cover === undefined) {
    problems.push({ file, line: line('ai'), field: 'ai.cover', severity: 'error', key: 'error.aiCoverWithoutCover', params: {} });
  }
  if (!invalid.has('live')) {
    for (const p of liveUpdateProblems(input.body, raw.live !== undefined, timeZone)) {
      problems.push({ file, line: input.bodyFirstLine === undefined ? undefined : input.bodyFirstLine + p.line, severity: 'error', key: p.key, params: p.params });
    }
  }
  if (!result.success) return { problems, line };

  const data = result.data;
  problems.push(...articleWarnings(data, file, line));
  if (isPlaceholderBody(input.body, PLACEHOLDERS)) {
    problems.push(data.draft ? { file, severity: 'warning', key: 'warning.placeholderDraft', params: {} } : { file, severity: 'error', key: 'error.placeholder', params: {} });
  }
  return { data, problems, line };
}

/** Advice that does not block publishing. */
function articleWarnings(data: ArticleData, file: string, line: (field: string) => number | undefined): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const warn = (field: string, key: ContentProblem['key'], params: ContentProblem['params'] = {}) =>
    warnings.push({ file, line: line(field.split('.')[0]!), field, severity: 'warning', key, params });
  // A long headline is fine on the page when a short one is given for search results.
  if (data.title.length > TITLE_MAX && !data.seoTitle) warn('title', 'warning.longTitle', { length: data.title.length, max: TITLE_MAX });
  if (data.summary && data.summary.length > SUMMARY_MAX) warn('summary', 'warning.longSummary', { length: data.summary.length, max: SUMMARY_MAX });
  if (!data.cover) warnings.push({ file, severity: 'warning', key: 'warning.noCover', params: {} });
  else if (!data.cover.credit) warn('cover.credit', 'warning.coverCredit');
  return warnings;
}
