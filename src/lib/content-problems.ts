/**
 * Content problems: one record per mistake, turned into a message that names
 * the file, the line, the field, the bad value and the fix, in the site's language.
 * Modelled on Starlight's error map: every issue listed, none swallowed.
 */
import type { z } from 'zod';
import { createTranslator, type Locale, type TranslationKey } from '../i18n/translator.ts';
import { closestMatch } from './closest.ts';

export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/articles/2023/07/x.md`. */
  file: string;
  line?: number;
  /** Dotted field path, e.g. `cover.alt`. */
  field?: string;
  severity: 'error' | 'warning';
  key: TranslationKey;
  params: Record<string, string | number>;
}

/** The 1-based line of a frontmatter key, found by its top-level name (`cover` for `cover.alt`). */
export function lineOfField(frontmatter: string, field: string | undefined, firstLine = 2): number | undefined {
  if (!field) return undefined;
  const top = field.split('.')[0];
  const lines = frontmatter.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`${top}:`) || l.startsWith(`"${top}":`));
  return index === -1 ? undefined : firstLine + index;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Date ? 'date' : typeof v);
const show = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v));

interface IssueContext {
  file: string;
  /** Raw frontmatter text, for line numbers. */
  frontmatter?: string;
  /** Line of the first frontmatter line in the file (2 for Markdown, 1 for YAML files). */
  firstLine?: number;
  /** Known field names, for "did you mean" on unknown fields. */
  knownFields?: string[];
}

/** Converts zod issues (parsed with `reportInput: true`) into content problems. */
export function problemsFromZod(issues: z.core.$ZodIssue[], ctx: IssueContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || undefined;
    const base = { file: ctx.file, field, severity: 'error' as const };
    const line = (f?: string) => (ctx.frontmatter !== undefined ? lineOfField(ctx.frontmatter, f, ctx.firstLine) : undefined);
    const input = (issue as { input?: unknown }).input;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path.map(String), key].join('.');
        const suggestion = closestMatch(key, ctx.knownFields ?? []);
        problems.push({
          ...base,
          field: path,
          line: line(path),
          key: suggestion ? 'error.unknownFieldSuggest' : 'error.unknownField',
          params: { value: key, ...(suggestion ? { suggestion } : {}) },
        });
      }
      continue;
    }
    const custom = issue.code === 'custom' ? ((issue as { params?: { code?: string } }).params) : undefined;
    let key: TranslationKey;
    let params: Record<string, string | number> = {};
    if (custom?.code === 'required' || (issue.code === 'invalid_type' && input === undefined)) {
      key = field === 'cover.alt' ? 'error.requiredCoverAlt' : 'error.required';
      params = { field: issue.path.at(-1) === undefined ? '' : String(issue.path.at(-1)) };
    } else if (custom?.code === 'dateNoOffset' || custom?.code === 'dateInvalid') {
      key = custom.code === 'dateNoOffset' ? 'error.dateNoOffset' : 'error.dateInvalid';
      params = { ...((issue as { params?: Record<string, string> }).params ?? {}) };
      delete params.code;
    } else if (custom?.code === 'liveEndBeforeStart') {
      key = 'error.liveEndBeforeStart';
    } else if (issue.code === 'invalid_type') {
      key = 'error.invalidType';
      params = { expected: `type.${issue.expected}`, received: `type.${typeOf(input)}` };
    } else if (issue.code === 'invalid_value') {
      key = 'error.invalidValue';
      params = { value: show(input), options: issue.values.map(String).join(', ') };
    } else if (issue.code === 'too_small' && (input === '' || (Array.isArray(input) && input.length === 0))) {
      key = 'error.required';
      params = { field: String(issue.path.at(-1) ?? '') };
    } else if (issue.code === 'too_small') {
      key = 'error.tooShort';
      params = { minimum: Number(issue.minimum) };
    } else if (issue.code === 'too_big') {
      key = 'error.tooLong';
      params = { maximum: Number(issue.maximum) };
    } else if (issue.code === 'invalid_format') {
      key = 'error.invalidFormat';
      params = { value: show(input), format: issue.format === 'regex' ? issue.message : issue.format };
    } else {
      key = 'error.invalid';
      params = { message: issue.message };
    }
    problems.push({ ...base, line: line(field), key, params });
  }
  return problems;
}

/** One line per problem: `file:line  field: message`. Type names inside params are translated too. */
export function formatProblem(problem: ContentProblem, locale: Locale): string {
  const t = createTranslator(locale);
  const params = Object.fromEntries(
    Object.entries(problem.params).map(([k, v]) => [k, typeof v === 'string' && /^(type|registry)\.\w+$/.test(v) ? t(v as TranslationKey) : v]),
  );
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where}  ${field}${t(problem.key, params)}`;
}

/**
 * GitHub Actions workflow commands, so mistakes show on the pull request's lines
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 * Data is escaped as the runner expects: % CR LF, and also : , in properties.
 */
export function githubAnnotation(problem: ContentProblem, locale: Locale): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const message = formatProblem({ ...problem, file: '', line: undefined }, locale).trim();
  const props = [`file=${prop(problem.file)}`, ...(problem.line ? [`line=${problem.line}`] : []), `title=${prop(problem.field ? `warta: ${problem.field}` : 'warta')}`];
  return `::${problem.severity === 'warning' ? 'warning' : 'error'} ${props.join(',')}::${data(message)}`;
}

/** The whole report, errors first, prefixed with the tool's name as @astrojs/rss does; empty when there is nothing to say. */
export function formatReport(problems: ContentProblem[], locale: Locale): string {
  if (problems.length === 0) return '';
  const t = createTranslator(locale);
  const sorted = [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const header = errors > 0 ? t('error.summary', { count: errors }) : t('error.warningsHeader', { count: problems.length });
  return [`[warta] ${header}`, ...sorted.map((p) => `  ${p.severity === 'warning' ? '⚠' : '✖'} ${formatProblem(p, locale)}`)].join('\n');
}
