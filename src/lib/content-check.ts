/**
 * Reads and validates every content file without Astro: the same schemas as the
 * content collections, but all problems at once (Astro stops at the first schema
 * error and only logs unknown references). Used by the build integration before
 * Astro starts, and by the CLIs.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { z } from 'astro/zod';
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import { PersonSchema, type Person } from '../schemas/person.ts';
import { CategorySchema, LocationSchema, type Category, type Location } from '../schemas/taxonomy.ts';
import { SiteSchema, type Site } from '../schemas/site.ts';
import { parseSiteConfig } from './site-config.ts';
import { closestMatch } from './closest.ts';
import { problemsFromZod, type ContentProblem } from './content-problems.ts';
import { articlePath } from './paths.ts';
import { BACA_JUGA_PATTERN } from './baca-juga.ts';
import { isPlaceholderBody } from './new-article.ts';
import { liveUpdateProblems } from './live-updates.ts';
import { translations } from '../i18n/translator.ts';

export interface ArticleRecord {
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: ArticleData;
  body: string;
  /** Site-relative URL path from the permalink pattern. */
  path: string;
}

export interface ContentIndex {
  site: Site;
  people: Map<string, Person>;
  categories: Map<string, Category>;
  locations: Map<string, Location>;
  articles: ArticleRecord[];
  problems: ContentProblem[];
}

// YAML's core schema keeps `2023-07-05 13:00:00` a string, so we can tell a
// missing offset from a real one (the default schema would silently read it as UTC).
const parseYaml = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA });
const ARTICLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function loadContent(contentDir: string, root = process.cwd()): ContentIndex {
  const problems: ContentProblem[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

  const readYamlFile = (abs: string): unknown => {
    try {
      return parseYaml(fs.readFileSync(abs, 'utf8'));
    } catch (error) {
      problems.push(yamlProblem(rel(abs), error, 1));
      return undefined;
    }
  };

  // Site configuration: without it nothing else can be checked meaningfully, so a
  // placeholder stands in and the site's problems lead the report.
  const siteResult = parseSiteConfig(contentDir, root);
  problems.push(...siteResult.problems);
  const site = siteResult.site ?? SiteSchema.parse({ name: 'Warta', description: 'Warta', url: 'http://localhost', datelineLabel: 'Warta' });

  const people = new Map<string, Person>();
  for (const file of globFiles(contentDir, 'people/*.{yaml,yml}')) {
    const abs = path.join(contentDir, file);
    const id = path.basename(file).replace(/\.ya?ml$/, '');
    const raw = readYamlFile(abs);
    if (raw === undefined) continue;
    const parsed = PersonSchema.safeParse(raw, { reportInput: true });
    if (parsed.success) people.set(id, { id, ...parsed.data });
    else problems.push(...problemsFromZod(parsed.error.issues, { file: rel(abs), frontmatter: fs.readFileSync(abs, 'utf8'), firstLine: 1, knownFields: Object.keys(PersonSchema.shape) }));
  }

  const categories = loadRegistry(path.join(contentDir, 'categories.yaml'), CategorySchema);
  const locations = loadRegistry(path.join(contentDir, 'locations.yaml'), LocationSchema);

  function loadRegistry<S extends typeof CategorySchema | typeof LocationSchema>(abs: string, schema: S) {
    const map = new Map<string, z.output<S>>();
    if (!fs.existsSync(abs)) return map;
    const raw = readYamlFile(abs);
    if (raw === undefined) return map;
    const parsed = z.array(schema).safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      problems.push(...problemsFromZod(parsed.error.issues, { file: rel(abs), knownFields: Object.keys(schema.shape) }));
      return map;
    }
    for (const entry of parsed.data) {
      if (map.has(entry.id)) problems.push({ file: rel(abs), field: 'id', severity: 'error', key: 'error.duplicateId', params: { value: entry.id, other: rel(abs) } });
      map.set(entry.id, entry);
    }
    return map;
  }

  const schema = articleSchema({ timeZone: site.timeZone });
  const knownFields = Object.keys(schema.shape);
  const articles: ArticleRecord[] = [];
  const seenIds = new Map<string, string>();
  // Bodies of every readable article, valid frontmatter or not, so broken "Baca juga"
  // links are reported in the same run as frontmatter mistakes.
  const bodies: { file: string; body: string; firstLine: number }[] = [];
  const rightOfReplyRefs: { file: string; line?: number; id: string }[] = [];
  const verifiesRefs: { file: string; line?: number; id: string }[] = [];

  for (const file of globFiles(contentDir, 'articles/**/*.{md,mdx}')) {
    const abs = path.join(contentDir, file);
    const relFile = rel(abs);
    const id = path.basename(file).replace(/\.mdx?$/, '');
    if (!ARTICLE_ID.test(id)) {
      problems.push({ file: relFile, severity: 'error', key: 'error.slug', params: { value: id, example: 'banjir-rendam-kertapati' } });
      continue;
    }
    const previous = seenIds.get(id);
    if (previous) {
      problems.push({ file: relFile, severity: 'error', key: 'error.duplicateId', params: { value: id, other: previous } });
      continue;
    }
    seenIds.set(id, relFile);

    const source = fs.readFileSync(abs, 'utf8');
    let parsedFile: matter.GrayMatterFile<string>;
    try {
      // gray-matter caches by input string; an options object disables that so edits are re-read.
      parsedFile = matter(source, { engines: { yaml: parseYaml as (s: string) => object } });
    } catch (error) {
      problems.push(yamlProblem(relFile, error, 2));
      continue;
    }
    const frontmatter = (parsedFile as unknown as { matter: string }).matter ?? '';
    const fmText = frontmatter.replace(/^\r?\n/, '');
    bodies.push({ file: relFile, body: parsedFile.content, firstLine: source.split('\n').length - parsedFile.content.split('\n').length + 1 });
    const result = schema.safeParse(parsedFile.data, { reportInput: true });
    const line = (field: string) => {
      const index = fmText.split('\n').findIndex((l) => l.startsWith(`${field}:`));
      return index === -1 ? undefined : index + 2;
    };
    if (!result.success) problems.push(...problemsFromZod(result.error.issues, { file: relFile, frontmatter: fmText, firstLine: 2, knownFields }));
    // References are checked even when other fields are wrong, so one run names every problem.
    const invalid = new Set(result.success ? [] : result.error.issues.map((issue) => String(issue.path[0])));
    const raw = (result.success ? result.data : parsedFile.data) as Record<string, unknown>;
    const ids = (field: string): string[] => {
      if (invalid.has(field)) return [];
      const value = raw[field];
      return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
    };
    const checkRef = (field: string, registry: Map<string, unknown>, name: 'people' | 'categories' | 'locations') => {
      for (const value of ids(field)) {
        if (registry.has(value)) continue;
        const suggestion = closestMatch(value, registry.keys());
        problems.push({
          file: relFile,
          line: line(field),
          field,
          severity: 'error',
          key: suggestion ? 'error.unknownIdSuggest' : 'error.unknownId',
          params: { value, registry: `registry.${name}`, ...(suggestion ? { suggestion } : {}) },
        });
      }
    };
    checkRef('location', locations, 'locations');
    checkRef('category', categories, 'categories');
    checkRef('editor', people, 'people');
    checkRef('reporter', people, 'people');
    for (const id of ids('rightOfReply')) rightOfReplyRefs.push({ file: relFile, line: line('rightOfReply'), id });
    for (const id of ids('verifies')) verifiesRefs.push({ file: relFile, line: line('verifies'), id });
    const ai = invalid.has('ai') ? undefined : (raw.ai as { cover?: unknown } | undefined);
    if (ai?.cover !== undefined && raw.cover === undefined) {
      problems.push({ file: relFile, line: line('ai'), field: 'ai.cover', severity: 'error', key: 'error.aiCoverWithoutCover', params: {} });
    }
    if (!invalid.has('live')) {
      const updates = liveUpdateProblems(parsedFile.content, raw.live !== undefined, site.timeZone);
      const firstLine = source.split('\n').length - parsedFile.content.split('\n').length + 1;
      for (const p of updates) problems.push({ file: relFile, line: firstLine + p.line, severity: 'error', key: p.key, params: p.params });
    }
    const coverSrc = (raw.cover as { src?: unknown } | undefined)?.src;
    if (typeof coverSrc === 'string' && coverSrc !== '' && !/^https?:/.test(coverSrc)) {
      const image = path.resolve(path.dirname(abs), coverSrc);
      if (!fs.existsSync(image)) {
        problems.push({ file: relFile, line: line('cover'), field: 'cover.src', severity: 'error', key: 'error.imageMissing', params: { value: coverSrc, path: rel(image) } });
      }
    }
    if (!result.success) continue;
    const data = result.data;

    problems.push(...articleWarnings(data, relFile, line));
    if (isPlaceholderBody(parsedFile.content, PLACEHOLDERS)) {
      problems.push(data.draft ? { file: relFile, severity: 'warning', key: 'warning.placeholderDraft', params: {} } : { file: relFile, severity: 'error', key: 'error.placeholder', params: {} });
    }
    articles.push({ id, file: relFile, data, body: parsedFile.content, path: articlePath(site.permalink, { id, date: data.date, category: data.category }, site.timeZone) });
  }

  // URLs (and aliases) must be unique, or one story silently replaces another.
  const urls = new Map<string, string>();
  for (const article of articles) {
    for (const url of [article.path, ...article.data.aliases]) {
      const owner = urls.get(url);
      if (owner && owner !== article.file) {
        problems.push({ file: article.file, field: url === article.path ? undefined : 'aliases', severity: 'error', key: 'error.duplicateUrl', params: { value: url, other: owner } });
      } else {
        urls.set(url, article.file);
      }
    }
  }

  // "Baca juga" links must point at real articles; the Markdown plugin fails too, but
  // here every broken link in every file is reported at once.
  const ids = new Set(seenIds.keys());
  for (const ref of rightOfReplyRefs) {
    if (ids.has(ref.id)) continue;
    const suggestion = closestMatch(ref.id, ids);
    problems.push({
      file: ref.file,
      line: ref.line,
      field: 'rightOfReply',
      severity: 'error',
      key: suggestion ? 'error.unknownArticleSuggest' : 'error.unknownArticle',
      params: { value: ref.id, ...(suggestion ? { suggestion } : {}) },
    });
  }
  // A follow-up names the story it verifies; that story must be one published as still being verified.
  const verifiedBy = new Map<string, string>();
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const ref of verifiesRefs) {
    const base = { file: ref.file, line: ref.line, field: 'verifies', severity: 'error' as const };
    if (!ids.has(ref.id)) {
      const suggestion = closestMatch(ref.id, ids);
      problems.push({ ...base, key: suggestion ? 'error.unknownArticleSuggest' : 'error.unknownArticle', params: { value: ref.id, ...(suggestion ? { suggestion } : {}) } });
      continue;
    }
    const target = byId.get(ref.id);
    if (target && target.data.verification !== 'pending') {
      problems.push({ ...base, key: 'error.verifiesNotPending', params: { value: ref.id } });
      continue;
    }
    const other = verifiedBy.get(ref.id);
    if (other) problems.push({ ...base, key: 'error.verifiedTwice', params: { value: ref.id, other } });
    else verifiedBy.set(ref.id, ref.file);
  }
  for (const { file, body, firstLine } of bodies) {
    body.split('\n').forEach((text, index) => {
      for (const match of text.matchAll(BACA_JUGA_PATTERN)) {
        const target = match[1]!;
        if (ids.has(target)) continue;
        const suggestion = closestMatch(target, ids);
        problems.push({
          file,
          line: firstLine + index,
          severity: 'error',
          key: suggestion ? 'error.bacaJugaSuggest' : 'error.bacaJuga',
          params: { value: target, ...(suggestion ? { suggestion } : {}) },
        });
      }
    });
  }

  // Nothing half-valid is published: an article with any error stays out of the index.
  const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  return { site, people, categories, locations, articles: articles.filter((a) => !broken.has(a.file)), problems };
}

/** The body `npm run new` writes, in every language, so a story published unwritten is caught. */
const PLACEHOLDERS = Object.values(translations).map((table) => table['new.bodyHint']);

/** Headline and summary limits: Google shows about 110 and 160 characters before cutting. */
export const TITLE_MAX = 110;
export const SUMMARY_MAX = 160;

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

function yamlProblem(file: string, error: unknown, firstLine: number): ContentProblem {
  const e = error as { mark?: { line: number }; reason?: string; message?: string };
  return {
    file,
    line: e.mark ? firstLine + e.mark.line : undefined,
    severity: 'error',
    key: 'error.yaml',
    params: { reason: e.reason ?? e.message ?? String(error) },
  };
}

function globFiles(dir: string, pattern: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.globSync(pattern, { cwd: dir }).sort();
}
