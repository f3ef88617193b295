/**
 * The WordPress import, end to end: two streaming passes over the WXR file (first
 * an index of ids, attachments, terms and old URLs; then conversion, one post at a
 * time), every file staged and moved into place only at the end, then comments and
 * view counts loaded into the store. The CLI (scripts/import-wordpress.ts) only
 * parses arguments and prints the report.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import * as yaml from 'js-yaml';
import { z } from 'astro/zod';
import type { Root as MdastRoot } from 'mdast';
import type { Storage, ImportedComment } from '../storage/storage.ts';
import { newId } from '../service/ids.ts';
import { SiteSchema, type Site } from '../../schemas/site.ts';
import { PersonSchema } from '../../schemas/person.ts';
import { CategorySchema, LocationSchema } from '../../schemas/taxonomy.ts';
import { articlePath, tagSlug } from '../../lib/paths.ts';
import { slugFromTitle } from '../../lib/new-article.ts';
import { toZonedIso, zonedParts } from '../../lib/dates.ts';
import { readWxr, type WxrSite } from '../../lib/wordpress/wxr-reader.ts';
import { wpautop } from '../../lib/wordpress/wpautop.ts';
import { expandShortcodes, emptyStats, type ShortcodeStats } from '../../lib/wordpress/shortcodes.ts';
import { markBareEmbeds } from '../../lib/wordpress/embeds.ts';
import { htmlToMdast, mdastToMarkdown, type ImageRef } from '../../lib/wordpress/html-to-markdown.ts';
import { compileBylinePatterns, liftByline } from '../../lib/wordpress/byline.ts';
import { attachmentSizes } from '../../lib/wordpress/php-unserialize.ts';
import { mapComments, decodeEntities, type WordpressComment } from '../../lib/wordpress/comments.ts';
import { wordpressDate, localDateFields } from '../../lib/wordpress/dates.ts';
import { inferPermalink, oldPath, type PermalinkSample } from '../../lib/wordpress/permalinks.ts';
import { netlifyRedirects, vercelRedirects, shortLinkMap, shortLinkScript, type Redirect, type ShortLink } from '../../lib/wordpress/redirects.ts';
import { parseMapping, serializeMapping, type WordpressMapping } from '../../lib/wordpress/mapping.ts';
import { decide, parseState, serializeState, sha256, type FileDecision, type ImportState } from '../../lib/wordpress/import-state.ts';
import { Staging } from '../../lib/wordpress/staging.ts';
import { appendRegistry, articleDocument, pageDocument, personDocument, type ArticleFrontmatter } from '../../lib/wordpress/documents.ts';

export interface ImportOptions {
  /** The WXR file. */
  file: string;
  /** Content folder (`content/`). */
  contentDir: string;
  /** Static files folder (`public/`); default: `public` beside the content folder. */
  publicDir?: string;
  /** A copy of `wp-content/uploads`: referenced images are copied and linked locally. */
  uploadsDir?: string;
  dryRun?: boolean;
  /** Where comments and view counts go; none in a dry run (or when the caller skips them). */
  storage?: Storage;
  /** Zone for a new site.yaml and for drafts' local dates when the site has none yet. */
  timeZone?: string;
  onProgress?(progress: { phase: 'reading' | 'converting'; done: number; total: number }): void;
}

type Counter = Record<FileDecision, number>;
const counter = (): Counter => ({ new: 0, changed: 0, unchanged: 0, edited: 0, foreign: 0, deleted: 0 });

export interface ImportReport {
  dryRun: boolean;
  articles: Counter;
  pages: Counter;
  /** Other files: people, registries, redirects, mapping, uploads. */
  otherFiles: Counter;
  /** Paths (relative to the project root) left alone because they were edited since the last import. */
  editedFiles: string[];
  /** Paths that exist but were not written by the import (id clash, or an existing file). */
  foreignFiles: string[];
  posts: { total: number; published: number; drafts: number; scheduled: number; trashed: number; autoDrafts: number; otherTypes: number };
  patterns: { dateline: number; reporter: number; editor: number; reporterFromAuthor: number; editorFromFallback: number; locationFromDefault: number };
  created: { people: string[]; categories: string[]; locations: string[] };
  comments: { approved: number; pending: number; spam: number; rejected: number; pingbacks: number; stored: number };
  views: number;
  embeds: Record<string, number>;
  shortcodes: { handled: Record<string, number>; dropped: Record<string, number>; unwrapped: Record<string, number>; unknown: Record<string, number> };
  images: { body: number; covers: number; coversWithoutSize: number; copied: number };
  redirects: { paths: number; shortLinks: number; permalink: string; keptWordpressPermalink: boolean };
  warnings: string[];
}

interface Attachment {
  url: string;
  alt: string;
  caption: string;
  title: string;
  width?: number;
  height?: number;
}

interface PostPlan {
  wpId: string;
  kind: 'article' | 'page';
  id: string;
  /** File path relative to the project root. */
  file: string;
  date?: Date;
  category?: string;
  newPath: string;
  aliases: string[];
  draft: boolean;
}

const ARTICLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const toPosix = (p: string) => p.split(path.sep).join('/');
const readText = (abs: string) => (fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined);
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
const plain = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
const normPlace = (s: string) => s.toUpperCase().replace(/\s+/g, ' ').trim();
const isPublishedLike = (status: string) => status === 'publish' || status === 'future';
const IMPORTED_TYPES = new Set(['post', 'page']);

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function idFor(slug: string, title: string, wpId: string): string {
  const decoded = decodeSlug(slug).toLowerCase();
  if (ARTICLE_ID.test(decoded)) return decoded;
  const fromSlug = tagSlug(decoded).replace(/_/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (fromSlug && ARTICLE_ID.test(fromSlug)) return fromSlug;
  const fromTitle = slugFromTitle(title);
  return fromTitle && ARTICLE_ID.test(fromTitle) ? fromTitle : `post-${wpId}`;
}

export async function importWordpress(options: ImportOptions): Promise<ImportReport> {
  const contentDir = path.resolve(options.contentDir);
  const root = path.dirname(contentDir);
  const publicDir = path.resolve(options.publicDir ?? path.join(root, 'public'));
  const rel = (abs: string) => toPosix(path.relative(root, abs));
  const dryRun = options.dryRun ?? false;
  const wpDir = path.join(contentDir, 'wordpress');
  const mappingFile = path.join(wpDir, 'mapping.yaml');
  const stateFile = path.join(wpDir, 'state.json');

  const report: ImportReport = {
    dryRun,
    articles: counter(),
    pages: counter(),
    otherFiles: counter(),
    editedFiles: [],
    foreignFiles: [],
    posts: { total: 0, published: 0, drafts: 0, scheduled: 0, trashed: 0, autoDrafts: 0, otherTypes: 0 },
    patterns: { dateline: 0, reporter: 0, editor: 0, reporterFromAuthor: 0, editorFromFallback: 0, locationFromDefault: 0 },
    created: { people: [], categories: [], locations: [] },
    comments: { approved: 0, pending: 0, spam: 0, rejected: 0, pingbacks: 0, stored: 0 },
    views: 0,
    embeds: {},
    shortcodes: { handled: {}, dropped: {}, unwrapped: {}, unknown: {} },
    images: { body: 0, covers: 0, coversWithoutSize: 0, copied: 0 },
    redirects: { paths: 0, shortLinks: 0, permalink: '', keptWordpressPermalink: false },
    warnings: [],
  };

  const state: ImportState = parseState(readText(stateFile));
  const mappingText = readText(mappingFile);
  const mapping: WordpressMapping = parseMapping(mappingText, rel(mappingFile));
  const patterns = compileBylinePatterns(mapping.patterns);

  // ---- Pass 1: index -------------------------------------------------------------
  let wxrSite: WxrSite | undefined;
  const authors = new Map<string, { id: string; displayName: string }>();
  const categoryTerms = new Map<string, { name: string }>();
  const attachments = new Map<string, Attachment>();
  const sizeByUrl = new Map<string, { width: number; height: number }>();
  const samples: PermalinkSample[] = [];
  const items: Array<{ wpId: string; type: string; status: string; slug: string; title: string; dateGmt: string; dateLocal: string; local?: ReturnType<typeof localDateFields>; link: string; categories: string[]; parent: string; menuOrder: number }> = [];
  const datelineVotes = new Map<string, number>();
  let totalToConvert = 0;
  let read = 0;

  for await (const record of readWxr(options.file)) {
    if (record.kind === 'site') wxrSite = record.site;
    else if (record.kind === 'author') authors.set(record.author.login, { id: record.author.id, displayName: decodeEntities(record.author.displayName) });
    else if (record.kind === 'term' && record.term.taxonomy === 'category') categoryTerms.set(record.term.slug, { name: decodeEntities(record.term.name) });
    else if (record.kind === 'item') {
      const it = record.item;
      options.onProgress?.({ phase: 'reading', done: ++read, total: 0 });
      if (it.type === 'attachment') {
        const sizes = attachmentSizes(it.meta.get('_wp_attachment_metadata') ?? '');
        const att: Attachment = { url: it.attachmentUrl || it.link, alt: it.meta.get('_wp_attachment_image_alt')?.trim() ?? '', caption: plain(it.excerpt), title: decodeEntities(it.title), width: sizes.width, height: sizes.height };
        attachments.set(it.id, att);
        if (att.width && att.height) sizeByUrl.set(att.url, { width: att.width, height: att.height });
        const dir = att.url.slice(0, att.url.lastIndexOf('/') + 1);
        for (const s of sizes.sizes) sizeByUrl.set(dir + s.file, { width: s.width, height: s.height });
        continue;
      }
      if (!IMPORTED_TYPES.has(it.type)) {
        report.posts.otherTypes++;
        continue;
      }
      const cats = it.terms.filter((t) => t.taxonomy === 'category').map((t) => t.slug);
      for (const t of it.terms) if (t.taxonomy === 'category' && !categoryTerms.has(t.slug)) categoryTerms.set(t.slug, { name: decodeEntities(t.name) });
      items.push({ wpId: it.id, type: it.type, status: it.status, slug: it.slug, title: decodeEntities(it.title), dateGmt: it.dateGmt, dateLocal: it.date, link: it.link, categories: cats, parent: it.parent, menuOrder: it.menuOrder, local: localDateFields(it.date) });
      if (it.status !== 'trash' && it.status !== 'auto-draft') totalToConvert++;
      if (it.type === 'post') {
        const head = plain(it.content.slice(0, 400));
        for (const re of patterns.dateline) {
          const m = re.exec(head);
          if (m?.groups?.place && m.index === 0) {
            const place = normPlace(m.groups.place);
            datelineVotes.set(place, (datelineVotes.get(place) ?? 0) + 1);
            break;
          }
        }
      }
    }
  }
  if (!wxrSite) throw new Error(`${path.basename(options.file)}: no channel found; is this a WordPress export?`);
  const baseUrl = wxrSite.baseUrl || wxrSite.link;
  const sourcePrefix = `wordpress:${(() => {
    try {
      return new URL(baseUrl).hostname.replace(/^www\./, '');
    } catch {
      return 'site';
    }
  })()}:`;

  // ---- Existing content ---------------------------------------------------------
  const siteFile = path.join(contentDir, 'site.yaml');
  const siteText = readText(siteFile);
  const loadYaml = (abs: string): unknown => {
    const t = readText(abs);
    return t === undefined ? undefined : yaml.load(t, { schema: yaml.CORE_SCHEMA });
  };
  const existingCategories = z.array(CategorySchema).catch([]).parse(loadYaml(path.join(contentDir, 'categories.yaml')) ?? []);
  const existingLocations = z.array(LocationSchema).catch([]).parse(loadYaml(path.join(contentDir, 'locations.yaml')) ?? []);
  const people = new Map<string, { name: string; code: string; roles: Set<string>; existing: boolean }>();
  for (const f of fs.existsSync(path.join(contentDir, 'people')) ? fs.globSync('*.{yaml,yml}', { cwd: path.join(contentDir, 'people') }) : []) {
    const parsed = PersonSchema.safeParse(loadYaml(path.join(contentDir, 'people', f)));
    if (parsed.success) people.set(f.replace(/\.ya?ml$/, ''), { name: parsed.data.name, code: parsed.data.code, roles: new Set(parsed.data.roles), existing: true });
  }
  const ownedFiles = new Set(Object.keys(state.files));
  const takenArticleIds = new Set<string>();
  for (const f of fs.existsSync(path.join(contentDir, 'articles')) ? fs.globSync('articles/**/*.{md,mdx}', { cwd: contentDir }) : []) {
    if (!ownedFiles.has(rel(path.join(contentDir, f)))) takenArticleIds.add(path.basename(f).replace(/\.mdx?$/, ''));
  }
  const takenPageIds = new Set<string>();
  for (const f of fs.existsSync(path.join(contentDir, 'pages')) ? fs.globSync('pages/*.{md,mdx}', { cwd: contentDir }) : []) {
    if (!ownedFiles.has(rel(path.join(contentDir, f)))) takenPageIds.add(path.basename(f).replace(/\.mdx?$/, ''));
  }

  // ---- Site, permalink ------------------------------------------------------------
  const timeZone0 = options.timeZone ?? 'Asia/Jakarta';
  const sampleFor = (it: (typeof items)[number], category: string): PermalinkSample | undefined => {
    const p = oldPath(it.link, baseUrl);
    if (!p || !it.local) return undefined;
    return { path: p, slug: decodeSlug(it.slug), year: it.local.year, month: it.local.month, day: it.local.day, category };
  };
  for (const it of items) {
    if (it.type !== 'post' || it.status !== 'publish') continue;
    const s = sampleFor(it, it.categories[0] ?? '');
    if (s) samples.push(s);
  }
  const inferred = inferPermalink(samples);
  let site: Site;
  let siteDoc: string | undefined;
  if (siteText === undefined) {
    const language = wxrSite.language.toLowerCase().startsWith('en') ? 'en' : 'id';
    const input = {
      name: decodeEntities(wxrSite.title) || 'Portal Berita',
      description: decodeEntities(wxrSite.description) || decodeEntities(wxrSite.title) || 'Portal Berita',
      url: wxrSite.link || baseUrl,
      locale: language,
      timeZone: timeZone0,
      datelineLabel: decodeEntities(wxrSite.title) || 'Portal Berita',
      permalink: inferred ?? '/:year/:month/:slug/',
    };
    site = SiteSchema.parse(input);
    siteDoc = `# Written by the WordPress import; every key is documented in src/schemas/site.ts.\n${yaml.dump(input, { lineWidth: -1 })}`;
  } else {
    const parsed = SiteSchema.safeParse(yaml.load(siteText, { schema: yaml.CORE_SCHEMA }));
    if (!parsed.success) throw new Error(`${rel(siteFile)} is not valid; run npm run check and fix it before importing`);
    site = parsed.data;
  }
  report.redirects.permalink = site.permalink;
  report.redirects.keptWordpressPermalink = inferred !== undefined && inferred === site.permalink;

  // ---- Mapping: categories and authors --------------------------------------------
  const categoryIds = new Map(existingCategories.map((c) => [c.id, c]));
  const newCategories: Array<{ id: string; name: string }> = [];
  for (const [slug, term] of categoryTerms) {
    if (slug in mapping.categories) continue;
    if (slug === 'uncategorized' || slug === 'tak-berkategori') {
      mapping.categories[slug] = null;
      continue;
    }
    const byName = existingCategories.find((c) => c.name.toLowerCase() === term.name.toLowerCase());
    mapping.categories[slug] = byName?.id ?? (tagSlug(decodeSlug(slug)) || tagSlug(term.name) || 'umum');
  }
  const ensureCategory = (id: string, name: string) => {
    if (categoryIds.has(id)) return;
    categoryIds.set(id, { id, name });
    newCategories.push({ id, name });
  };
  const categoryOf = (slugs: string[]): string => {
    for (const s of slugs) {
      const id = mapping.categories[s];
      if (id) {
        ensureCategory(id, categoryTerms.get(s)?.name ?? titleCase(id.replace(/-/g, ' ')));
        return id;
      }
    }
    const fallback = mapping.defaults.category ?? existingCategories[0]?.id ?? 'umum';
    ensureCategory(fallback, fallback === 'umum' ? 'Umum' : titleCase(fallback.replace(/-/g, ' ')));
    return fallback;
  };

  const personByKey = (key: string) => {
    const k = key.toLowerCase().trim();
    for (const [id, p] of people) if (p.code.toLowerCase() === k || p.name.toLowerCase() === k || id === tagSlug(key)) return id;
    return undefined;
  };
  const ensurePerson = (id: string, name: string, code: string, role: string) => {
    const p = people.get(id);
    if (p) p.roles.add(role);
    else {
      people.set(id, { name, code, roles: new Set([role]), existing: false });
      report.created.people.push(id);
    }
    return id;
  };
  for (const [login, a] of authors) {
    if (login in mapping.authors) continue;
    mapping.authors[login] = personByKey(a.displayName) ?? personByKey(login) ?? (tagSlug(a.displayName) || tagSlug(login) || 'redaksi');
  }
  const authorPerson = (login: string, role: string) => {
    const id = mapping.authors[login] ?? (tagSlug(login) || 'redaksi');
    mapping.authors[login] ??= id;
    const display = authors.get(login)?.displayName ?? login;
    return ensurePerson(id, people.get(id)?.name ?? display, people.get(id)?.code ?? display, role);
  };
  const bylinePerson = (table: Record<string, string>, key: string, role: string) => {
    const id = table[key] ?? personByKey(key) ?? tagSlug(key);
    table[key] = id;
    return ensurePerson(id, people.get(id)?.name ?? key, people.get(id)?.code ?? key, role);
  };

  const locationIds = new Map(existingLocations.map((l) => [l.id, l]));
  const newLocations: Array<{ id: string; name: string; dateline: string }> = [];
  const locationFor = (place: string): string => {
    const key = normPlace(place);
    let id = mapping.locations[key];
    if (!id) {
      id = [...locationIds.values()].find((l) => normPlace(l.dateline) === key || normPlace(l.name) === key)?.id ?? tagSlug(key.toLowerCase());
      mapping.locations[key] = id;
    }
    if (!locationIds.has(id)) {
      const entry = { id, name: titleCase(key), dateline: key };
      locationIds.set(id, entry);
      newLocations.push(entry);
      report.created.locations.push(id);
    }
    return id;
  };
  const defaultLocation = (): string => {
    if (mapping.defaults.location) return mapping.defaults.location;
    if (existingLocations[0]) return existingLocations[0].id;
    const top = [...datelineVotes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    return top ? locationFor(top[0]) : locationFor(site.name.toUpperCase());
  };

  // ---- Plans: ids, paths, aliases, redirects ----------------------------------------
  const plans = new Map<string, PostPlan>();
  const redirects: Redirect[] = [];
  const shortLinks: ShortLink[] = [];
  const pageWpIds = new Set<string>();
  const oldToNew = new Map<string, string>();
  const usedArticleIds = new Set(takenArticleIds);
  const usedPageIds = new Set(takenPageIds);
  for (const it of items) {
    if (it.status === 'trash') {
      report.posts.trashed++;
      continue;
    }
    if (it.status === 'auto-draft') {
      report.posts.autoDrafts++;
      continue;
    }
    const kind = it.type === 'page' ? 'page' : 'article';
    const used = kind === 'page' ? usedPageIds : usedArticleIds;
    let id = state.posts[it.wpId];
    if (!id || used.has(id)) {
      id = idFor(it.slug, it.title, it.wpId);
      if (used.has(id)) id = `${id}-${it.wpId}`;
    }
    used.add(id);
    const draft = !isPublishedLike(it.status);
    let plan: PostPlan;
    if (kind === 'page') {
      pageWpIds.add(it.wpId);
      plan = { wpId: it.wpId, kind, id, file: rel(path.join(contentDir, 'pages', `${id}.md`)), newPath: `/${id}/`, aliases: [], draft };
    } else {
      const date = wordpressDate(it.dateGmt, it.dateLocal, site.timeZone) ?? new Date(0);
      const category = categoryOf(it.categories);
      const p = zonedParts(date, site.timeZone);
      const newPath = articlePath(site.permalink, { id, date, category }, site.timeZone);
      plan = { wpId: it.wpId, kind, id, file: rel(path.join(contentDir, 'articles', String(p.year), String(p.month).padStart(2, '0'), `${id}.md`)), date, category, newPath, aliases: [], draft };
    }
    const old = it.status === 'publish' ? oldPath(it.link, baseUrl) : undefined;
    if (old && old !== plan.newPath && old.replace(/\/?$/, '/') !== plan.newPath) {
      redirects.push({ from: old, to: plan.newPath });
      if (kind === 'article') plan.aliases.push(old.endsWith('/') ? old : `${old}/`);
    }
    if (old) oldToNew.set(old.replace(/\/?$/, '/'), plan.newPath);
    if (!draft) shortLinks.push({ id: it.wpId, to: plan.newPath });
    plans.set(it.wpId, plan);
  }
  report.redirects.paths = redirects.length;
  report.redirects.shortLinks = shortLinks.length;

  // ---- Pass 2: convert ------------------------------------------------------------
  const staging = new Staging(root, dryRun);
  const stats: ShortcodeStats = emptyStats();
  const commentsFile = dryRun ? '' : path.join(staging.dir, '.comments.jsonl');
  let commentBuffer: string[] = [];
  const flushComments = () => {
    if (!dryRun && commentBuffer.length > 0) fs.appendFileSync(commentsFile, commentBuffer.join(''));
    commentBuffer = [];
  };
  const views: Array<{ articleId: string; views: number }> = [];
  const newsroomUserIds = new Set([...authors.values()].map((a) => a.id));
  // Files of earlier runs stay recorded unless this run replaces or removes them.
  const writtenFiles = new Map<string, string>(Object.entries(state.files));
  const stateArticleFiles = new Map<string, string>();
  for (const f of Object.keys(state.files)) if (f.includes('/articles/')) stateArticleFiles.set(path.basename(f).replace(/\.mdx?$/, ''), f);

  const stageFile = (relPath: string, content: string | Buffer, count: Counter, options2: { silentForeign?: boolean } = {}): FileDecision => {
    const abs = path.join(root, relPath);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs) : undefined;
    const d = decide(content, current, state.files[relPath]);
    count[d]++;
    if (d === 'new' || d === 'changed') {
      staging.write(relPath, content);
      writtenFiles.set(relPath, sha256(content));
    } else if (d === 'unchanged') {
      writtenFiles.set(relPath, sha256(content));
    } else if (d === 'edited') {
      report.editedFiles.push(relPath);
      writtenFiles.set(relPath, state.files[relPath]!);
    } else if (d === 'foreign' && !options2.silentForeign) {
      report.foreignFiles.push(relPath);
    } else if (d === 'deleted') {
      writtenFiles.set(relPath, state.files[relPath]!);
    }
    return d;
  };

  const copyUpload = (url: string, fromDir: string): string | undefined => {
    if (!options.uploadsDir) return undefined;
    const m = /\/wp-content\/uploads\/(.+)$/.exec(url.split(/[?#]/)[0]!);
    if (!m) return undefined;
    const relUpload = decodeSlug(m[1]!);
    const source = path.join(options.uploadsDir, relUpload);
    if (!fs.existsSync(source)) return undefined;
    const target = path.join(contentDir, 'uploads', relUpload);
    const relTarget = rel(target);
    if (!writtenFiles.has(relTarget)) {
      const current = fs.existsSync(target) ? fs.statSync(target).size === fs.statSync(source).size && sha256(fs.readFileSync(target)) === sha256(fs.readFileSync(source)) : false;
      if (!current) staging.copy(relTarget, source);
      writtenFiles.set(relTarget, sha256(fs.readFileSync(source)));
      report.images.copied++;
    }
    return toPosix(path.relative(fromDir, target)).replace(/^(?!\.)/, './');
  };
  const sizeOf = (url: string) => {
    const known = sizeByUrl.get(url.split(/[?#]/)[0]!);
    if (known) return known;
    const m = /-(\d{2,5})x(\d{2,5})\.\w+$/.exec(url.split(/[?#]/)[0]!);
    return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
  };
  const siteHost = (() => {
    try {
      return new URL(baseUrl).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  })();
  const rewriteLink = (href: string) => {
    let url: URL;
    try {
      url = new URL(href, baseUrl);
    } catch {
      return href;
    }
    if (url.hostname.replace(/^www\./, '') !== siteHost) return href;
    const p = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    if (p && plans.has(p)) return plans.get(p)!.newPath;
    const old = oldPath(url.href.split('#')[0]!, baseUrl);
    return (old && oldToNew.get(old.replace(/\/?$/, '/'))) || href;
  };

  let converted = 0;
  for await (const record of readWxr(options.file)) {
    if (record.kind !== 'item') continue;
    const it = record.item;
    const plan = plans.get(it.id);
    if (!plan || !IMPORTED_TYPES.has(it.type)) continue;
    options.onProgress?.({ phase: 'converting', done: ++converted, total: totalToConvert });
    const title = decodeEntities(it.title) || plan.id;
    const fileDir = path.dirname(path.join(root, plan.file));

    const imageRef = (ref: ImageRef): ImageRef => {
      const local = copyUpload(ref.src, fileDir);
      if (local) return { src: local };
      const size = ref.width && ref.height ? { width: ref.width, height: ref.height } : sizeOf(ref.src);
      return { src: ref.src, ...size };
    };
    let html = expandShortcodes(it.content, {
      rules: mapping.shortcodes,
      attachment: (id) => {
        const a = attachments.get(id);
        return a && { url: a.url, alt: a.alt || a.title, caption: a.caption, width: a.width, height: a.height };
      },
    }, stats);
    html = markBareEmbeds(html).text;
    html = wpautop(html);
    const body = htmlToMdast(html, { embedTitle: title, image: imageRef, link: rewriteLink });
    for (const [k, v] of body.embeds) report.embeds[k] = (report.embeds[k] ?? 0) + v;
    report.images.body += body.images;
    const mdx = body.embeds.size > 0;

    if (plan.kind === 'page') {
      const text = pageDocument({ title, ...(it.menuOrder ? { order: it.menuOrder } : {}) }, mdastToMarkdown(body.tree as MdastRoot, mdx));
      const file = mdx ? plan.file.replace(/\.md$/, '.mdx') : plan.file;
      stageFile(file, text, report.pages);
      state.posts[plan.wpId] = plan.id;
      continue;
    }

    report.posts.total++;
    if (plan.draft) report.posts.drafts++;
    else if (it.status === 'future') report.posts.scheduled++;
    else report.posts.published++;

    const lifted = liftByline(body.tree, patterns);
    let location: string;
    if (lifted.place) {
      report.patterns.dateline++;
      location = locationFor(lifted.place);
    } else {
      report.patterns.locationFromDefault++;
      location = defaultLocation();
    }
    let reporter: string[];
    if (lifted.codes && lifted.codes.length > 0) {
      report.patterns.reporter++;
      reporter = lifted.codes.map((c) => bylinePerson(mapping.reporters, c, 'reporter'));
    } else {
      report.patterns.reporterFromAuthor++;
      reporter = [authorPerson(it.creator, 'reporter')];
    }
    let editor: string;
    if (lifted.editor) {
      report.patterns.editor++;
      editor = bylinePerson(mapping.editors, lifted.editor, 'editor');
    } else {
      report.patterns.editorFromFallback++;
      editor = mapping.defaults.editor ? ensurePerson(mapping.defaults.editor, mapping.defaults.editor, mapping.defaults.editor, 'editor') : authorPerson(it.creator, 'editor');
    }

    const tags: string[] = [];
    for (const t of it.terms.filter((t) => t.taxonomy === 'post_tag')) {
      const name = decodeEntities(t.name).trim();
      if (!name) continue;
      if (!(name in mapping.tags)) mapping.tags[name] = name;
      const mapped = mapping.tags[name];
      if (mapped && tagSlug(mapped) && !tags.includes(mapped)) tags.push(mapped);
    }

    let cover: ArticleFrontmatter['cover'];
    const thumb = it.meta.get('_thumbnail_id');
    const att = thumb ? attachments.get(thumb.trim()) : undefined;
    if (att) {
      const local = copyUpload(att.url, fileDir);
      const size = att.width && att.height ? { width: att.width, height: att.height } : sizeOf(att.url);
      const alt = att.alt || att.caption || att.title || title;
      if (local) cover = { src: local, alt, ...(att.caption ? { caption: att.caption } : {}) };
      else if (size) cover = { src: att.url, alt, width: size.width, height: size.height, ...(att.caption ? { caption: att.caption } : {}) };
      else report.images.coversWithoutSize++;
      if (cover) report.images.covers++;
    }

    const summary = plain(it.excerpt);
    const fm: ArticleFrontmatter = {
      title,
      date: toZonedIso(plan.date!, site.timeZone),
      location,
      reporter,
      editor,
      category: plan.category!,
      tags,
      ...(summary ? { summary } : {}),
      ...(cover ? { cover } : {}),
      ...(plan.draft ? { draft: true } : {}),
      ...(it.sticky ? { headline: true } : {}),
      aliases: plan.aliases,
    };
    const file = mdx ? plan.file.replace(/\.md$/, '.mdx') : plan.file;
    // The article moved (new month, or .md ↔ .mdx): the old file goes if untouched.
    const previous = state.posts[plan.wpId] === plan.id ? stateArticleFiles.get(plan.id) : undefined;
    if (previous && previous !== file && fs.existsSync(path.join(root, previous)) && sha256(fs.readFileSync(path.join(root, previous))) === state.files[previous]) {
      staging.remove(previous);
      writtenFiles.delete(previous);
    }
    stageFile(file, articleDocument(fm, mdastToMarkdown(body.tree, mdx)), report.articles);
    state.posts[plan.wpId] = plan.id;

    const { comments, skipped } = mapComments(it.comments, { articleId: plan.id, sourcePrefix, timeZone: site.timeZone, newsroomUserIds });
    report.comments.pingbacks += skipped;
    for (const c of comments) {
      report.comments[c.status]++;
      commentBuffer.push(`${JSON.stringify(c)}\n`);
    }
    if (commentBuffer.length > 1000) flushComments();
    let count = 0;
    for (const key of mapping.viewMetaKeys) {
      const n = Number(it.meta.get(key)?.trim());
      if (Number.isFinite(n) && n > count) count = Math.floor(n);
    }
    if (count > 0) views.push({ articleId: plan.id, views: count });
  }
  flushComments();
  report.views = views.length;
  for (const key of ['handled', 'dropped', 'unwrapped', 'unknown'] as const) report.shortcodes[key] = Object.fromEntries([...stats[key]].sort((a, b) => b[1] - a[1]));

  // ---- Registries, people, site, redirects, mapping, state --------------------------
  if (siteDoc) stageFile(rel(siteFile), siteDoc, report.otherFiles);
  if (newCategories.length > 0) {
    report.created.categories = newCategories.map((c) => c.id);
    const f = path.join(contentDir, 'categories.yaml');
    staging.write(rel(f), appendRegistry(readText(f), newCategories));
    report.otherFiles.changed++;
  }
  if (newLocations.length > 0) {
    const f = path.join(contentDir, 'locations.yaml');
    staging.write(rel(f), appendRegistry(readText(f), newLocations));
    report.otherFiles.changed++;
  }
  for (const [id, p] of [...people].sort(([a], [b]) => a.localeCompare(b))) {
    if (p.existing && !state.files[rel(path.join(contentDir, 'people', `${id}.yaml`))]) continue;
    const roles = ['reporter', 'editor', 'photographer'].filter((r) => p.roles.has(r));
    stageFile(rel(path.join(contentDir, 'people', `${id}.yaml`)), personDocument({ name: p.name, code: p.code, roles }), report.otherFiles, { silentForeign: true });
  }
  report.created.people = report.created.people.filter((id) => !people.get(id)?.existing);

  const redirectsFile = path.join(publicDir, '_redirects');
  stageFile(rel(redirectsFile), netlifyRedirects(readText(redirectsFile) ?? '', redirects), report.otherFiles, { silentForeign: true });
  stageFile(rel(path.join(publicDir, 'wordpress/shortlinks.json')), shortLinkMap(shortLinks), report.otherFiles);
  stageFile(rel(path.join(publicDir, 'wordpress/shortlinks.js')), shortLinkScript('/wordpress/shortlinks.json'), report.otherFiles);
  stageFile(rel(path.join(wpDir, 'vercel-redirects.json')), vercelRedirects(redirects, shortLinks, pageWpIds), report.otherFiles);

  const mappingNext = serializeMapping(mapping);
  const mappingChanged = mappingText === undefined || JSON.stringify(parseMapping(mappingText, rel(mappingFile))) !== JSON.stringify(parseMapping(mappingNext, rel(mappingFile)));
  if (mappingChanged) {
    staging.write(rel(mappingFile), mappingNext);
    report.otherFiles[mappingText === undefined ? 'new' : 'changed']++;
  }

  const nextState: ImportState = { version: 1, posts: state.posts, files: Object.fromEntries(writtenFiles) };
  const stateNext = serializeState(nextState);
  if (stateNext !== readText(stateFile)) staging.write(rel(stateFile), stateNext);

  if (dryRun) return report;
  try {
    staging.commit();
    if (options.storage) {
      report.comments.stored = await loadComments(commentsFile, options.storage);
      await options.storage.raiseViewTotals(views);
    }
  } finally {
    staging.discard();
  }
  return report;
}

/** Streams the staged comments into the store in batches (parents always come before replies). */
async function loadComments(file: string, storage: Storage): Promise<number> {
  if (!fs.existsSync(file)) return 0;
  let stored = 0;
  let batch: ImportedComment[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const c = JSON.parse(line) as WordpressComment;
    batch.push({ ...c, id: newId(new Date(c.createdAt)) });
    if (batch.length >= 500) {
      stored += await storage.importComments(batch);
      batch = [];
    }
  }
  stored += await storage.importComments(batch);
  return stored;
}
