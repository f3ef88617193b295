/**
 * Reads and validates every content file without Astro: the same schemas as the
 * content collections, but all problems at once (Astro stops at the first schema
 * error and only logs unknown references). Used by the build integration before
 * Astro starts, and by the CLIs.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { z } from 'zod';
import type { ArticleData } from '../schemas/article.ts';
import { ID_MAX_LENGTH, isId } from '../schemas/id.ts';
import { PersonSchema, type Person } from '../schemas/person.ts';
import { CategorySchema, LocationSchema, type Category, type Location } from '../schemas/taxonomy.ts';
import { SiteSchema, type Site } from '../schemas/site.ts';
import { parseSiteConfig } from './site-config.ts';
import { closestMatch } from './closest.ts';
import { problemsFromZod, type ContentProblem } from './content-problems.ts';
import type { TranslationKey } from '../i18n/translator.ts';
import { articlePath } from './paths.ts';
import { BACA_JUGA_PATTERN } from './baca-juga.ts';
import { checkArticle, type ArticleRegistries } from './article-check.ts';
import { inputsDigest, writeWhole } from './cache-files.ts';

export interface ArticleRecord {
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: ArticleData;
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
export interface LoadOptions {
  /**
   * A file that keeps each article's check between runs, keyed by the file's size and times and by
   * everything else the check reads (site config, registries, this code): a build after a one-story
   * edit checks that story again, not all of them. Checks across files run every time.
   */
  cacheFile?: string;
}

export function loadContent(contentDir: string, root = process.cwd(), options: LoadOptions = {}): ContentIndex {
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

  const articles: ArticleRecord[] = [];
  const seenIds = new Map<string, string>();
  // What the bodies of every readable article hold that is checked once all ids are known (a
  // "Baca juga" target), or reported in the same place (an image URL), valid frontmatter or not, so
  // broken links are reported in the same run as frontmatter mistakes. Not the bodies themselves:
  // at 200,000 stories they would be most of the build's memory.
  const bodyFindings: BodyFinding[] = [];
  const rightOfReplyRefs: { file: string; line?: number; id: string }[] = [];
  const verifiesRefs: { file: string; line?: number; id: string }[] = [];

  const cache = options.cacheFile ? readCheckCache(options.cacheFile, checkCacheKey(contentDir, root, { site, people, categories, locations })) : undefined;
  const registries = { people, categories, locations };
  for (const file of globFiles(contentDir, 'articles/**/*.{md,mdx}')) {
    const abs = path.join(contentDir, file);
    const relFile = rel(abs);
    const id = path.basename(file).replace(/\.mdx?$/, '');
    if (!isId(id)) {
      problems.push({ file: relFile, severity: 'error', key: 'error.slug', params: { value: id, example: 'banjir-rendam-kertapati', max: String(ID_MAX_LENGTH) } });
      continue;
    }
    const previous = seenIds.get(id);
    if (previous) {
      problems.push({ file: relFile, severity: 'error', key: 'error.duplicateId', params: { value: id, other: previous } });
      continue;
    }
    seenIds.set(id, relFile);

    let checked: FileCheck;
    if (cache) {
      const stat = fs.statSync(abs);
      // The change time too: a copy that keeps the modification time (rsync -a, tar) still sets it.
      const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
      const kept = cache.files.get(relFile);
      checked = kept?.stamp === stamp ? kept : { ...checkArticleFile(abs, relFile, registries, site), stamp };
      if (checked !== kept) cache.changed = true;
      cache.seen.set(relFile, checked);
    } else {
      checked = checkArticleFile(abs, relFile, registries, site);
    }
    problems.push(...checked.problems);
    bodyFindings.push(...checked.findings);
    if (checked.rightOfReply) rightOfReplyRefs.push({ file: relFile, ...checked.rightOfReply });
    if (checked.verifies) verifiesRefs.push({ file: relFile, ...checked.verifies });
    // Checked on every run: the image can go while the story stays as it was.
    if (checked.cover && !fs.existsSync(checked.cover.image)) {
      problems.push({ file: relFile, line: checked.cover.line, field: 'cover.src', severity: 'error', key: 'error.imageMissing', params: { value: checked.cover.src, path: rel(checked.cover.image) } });
    }
    if (checked.article) articles.push({ id, file: relFile, ...checked.article });
  }
  if (cache && (cache.changed || cache.seen.size !== cache.files.size)) writeCheckCache(cache);

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
    problems.push({ file: ref.file, line: ref.line, field: 'rightOfReply', severity: 'error', ...unknownId(ref.id, ids, 'error.unknownArticle', 'error.unknownArticleSuggest') });
  }
  // A follow-up names the story it verifies; that story must be one published as still being verified.
  const verifiedBy = new Map<string, string>();
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const ref of verifiesRefs) {
    const base = { file: ref.file, line: ref.line, field: 'verifies', severity: 'error' as const };
    if (!ids.has(ref.id)) {
      problems.push({ ...base, ...unknownId(ref.id, ids, 'error.unknownArticle', 'error.unknownArticleSuggest') });
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
  for (const finding of bodyFindings) {
    if (!('target' in finding)) {
      problems.push(finding);
      continue;
    }
    if (ids.has(finding.target)) continue;
    problems.push({ file: finding.file, line: finding.line, severity: 'error', ...unknownId(finding.target, ids, 'error.bacaJuga', 'error.bacaJugaSuggest') });
  }

  // Nothing half-valid is published: an article with any error stays out of the index.
  const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  return { site, people, categories, locations, articles: articles.filter((a) => !broken.has(a.file)), problems };
}

type BodyFinding = { file: string; line: number; target: string } | ContentProblem;

/** What one article file yields for the checks across files, and its record when it is valid. */
interface FileCheck {
  /** `size:mtimeMs:ctimeMs` of the file checked, in the cache. */
  stamp?: string;
  problems: ContentProblem[];
  findings: BodyFinding[];
  rightOfReply?: { line?: number; id: string };
  verifies?: { line?: number; id: string };
  /** A local cover: whether it is on disk is checked on every run. */
  cover?: { line?: number; src: string; image: string };
  article?: Pick<ArticleRecord, 'data' | 'path'>;
}

function checkArticleFile(abs: string, relFile: string, registries: ArticleRegistries, site: Site): FileCheck {
  const source = fs.readFileSync(abs, 'utf8');
  let parsedFile: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by input string; an options object disables that so edits are re-read.
    parsedFile = matter(source, { engines: { yaml: parseYaml as (s: string) => object } });
  } catch (error) {
    return { problems: [yamlProblem(relFile, error, 2)], findings: [] };
  }
  const result: FileCheck = { problems: [], findings: [] };
  const frontmatter = (parsedFile as unknown as { matter: string }).matter ?? '';
  const fmText = frontmatter.replace(/^\r?\n/, '');
  const bodyFirstLine = firstLineOf(source, parsedFile.content);
  parsedFile.content.split('\n').forEach((text, index) => {
    const line = bodyFirstLine + index;
    for (const match of text.matchAll(BACA_JUGA_PATTERN)) result.findings.push({ file: relFile, line, target: match[1]! });
    // Astro decodes every Markdown image URL with decodeURI; one that cannot be decoded
    // stops the story's rendering, so the page would be published without its text.
    for (const url of imageUrls(text)) {
      if (!decodable(url)) result.findings.push({ file: relFile, line, severity: 'error', key: 'error.imageUrl', params: { value: url, fixed: url.replace(/%(?![0-9A-Fa-f]{2})/g, '%25') } });
    }
  });
  const { data, problems, line } = checkArticle({ file: relFile, data: parsedFile.data, frontmatter: fmText, body: parsedFile.content, bodyFirstLine }, registries, site.timeZone);
  result.problems = problems;
  const raw = (data ?? parsedFile.data) as Record<string, unknown>;
  const rightOfReply = raw.rightOfReply;
  if (typeof rightOfReply === 'string' && rightOfReply.trim() !== '') result.rightOfReply = { line: line('rightOfReply'), id: rightOfReply.trim() };
  const verifies = raw.verifies;
  if (typeof verifies === 'string' && verifies.trim() !== '') result.verifies = { line: line('verifies'), id: verifies.trim() };
  const coverSrc = (raw.cover as { src?: unknown } | undefined)?.src;
  if (typeof coverSrc === 'string' && coverSrc !== '' && !/^https?:/.test(coverSrc)) {
    result.cover = { line: line('cover'), src: coverSrc, image: path.resolve(path.dirname(abs), coverSrc) };
  }
  if (data) result.article = { data, path: articlePath(site.permalink, { id: path.basename(abs).replace(/\.mdx?$/, ''), date: data.date, category: data.category }, site.timeZone) };
  return result;
}

/**
 * What every article's check depends on besides its own file: the site config and registries as
 * read, the folders, and the code that checks (this folder, the schemas, the messages' keys) with
 * the libraries it calls, by the lockfile.
 */
function checkCacheKey(contentDir: string, root: string, shared: object): string {
  const src = path.resolve(import.meta.dirname, '..');
  const code = fs.globSync(['lib/**/*.ts', 'schemas/**/*.ts', 'i18n/*'], { cwd: src }).sort().map((file) => path.join(src, file));
  const lock = path.resolve(src, '../package-lock.json');
  return inputsDigest(fs.existsSync(lock) ? [...code, lock] : code, `${contentDir}\0${root}\0`, v8.serialize(shared)).toString('hex');
}

interface CheckCache {
  file: string;
  key: string;
  /** The checks kept from the last run, by file. */
  files: Map<string, FileCheck>;
  /** This run's checks, by file: written back when any differs. */
  seen: Map<string, FileCheck>;
  changed: boolean;
}

function readCheckCache(file: string, key: string): CheckCache {
  const cache: CheckCache = { file, key, files: new Map(), seen: new Map(), changed: false };
  try {
    const kept = v8.deserialize(fs.readFileSync(file)) as { key: string; files: Map<string, FileCheck> };
    if (kept.key === key) cache.files = kept.files;
  } catch {
    // No cache yet, or one an older Node wrote: every file is checked.
  }
  return cache;
}

function writeCheckCache({ file, key, seen }: CheckCache): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Whole, so a build that reads it meanwhile sees one run's or the other's.
    writeWhole(file, v8.serialize({ key, files: seen }));
  } catch (error) {
    console.warn(`[warta] could not keep the content check for the next run in ${file}: ${(error as Error).message}`);
  }
}

/** The message for a reference to an id no article has: with the closest id as a suggestion when there is one. */
function unknownId(value: string, ids: Set<string>, key: TranslationKey, keyWithSuggestion: TranslationKey): Pick<ContentProblem, 'key' | 'params'> {
  const suggestion = closestMatch(value, ids);
  return suggestion ? { key: keyWithSuggestion, params: { value, suggestion } } : { key, params: { value } };
}

/** The line `body` starts on in `source`: counted in the frontmatter before it, not by splitting both (10,000 files). */
function firstLineOf(source: string, body: string): number {
  if (!source.endsWith(body)) return source.split('\n').length - body.split('\n').length + 1;
  let lines = 1;
  for (let i = source.indexOf('\n'), end = source.length - body.length; i !== -1 && i < end; i = source.indexOf('\n', i + 1)) lines++;
  return lines;
}

const IMAGE_URL = /!\[[^\]]*\]\(\s*<?([^\s)>]+)|^\s*\[[^\]]+\]:\s*<?([^\s>]+)/g;

/** URLs of Markdown images and link definitions on one line of a body. */
export function imageUrls(line: string): string[] {
  return [...line.matchAll(IMAGE_URL)].map((m) => (m[1] ?? m[2])!);
}

function decodable(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
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
