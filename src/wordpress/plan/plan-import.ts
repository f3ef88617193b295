/**
 * The plan: before any post is converted, decide the site (its zone, its permalink),
 * every post's id, file, new path and draft state, and every old URL's redirect:
 * each post's and page's `<link>`, its `?p=` short link, and the category and tag
 * archives of published posts.
 */
import path from 'node:path';
import * as yaml from 'js-yaml';
import { SiteSchema, type Site } from '../../schemas/site.ts';
import { articlePath, normalisePath, tagSlug } from '../../lib/paths.ts';
import { zonedParts } from '../../lib/dates.ts';
import type { ExportIndex, ItemSummary } from '../read/export-index.ts';
import { termKey } from '../read/export-index.ts';
import { plainTitle } from '../convert/text.ts';
import type { WordpressMapping } from './mapping.ts';
import type { Registries } from './registries.ts';
import { wordpressDate, zoneForOffset, type ExportClock } from './dates.ts';
import { decodeSlug, idFrom, uniqueId } from './ids.ts';
import { inferPermalink, oldPath, type PermalinkSample } from './permalinks.ts';
import type { ImportState } from '../write/import-state.ts';

export type WithheldReason = 'password' | 'private' | 'untitled';

export interface PostPlan {
  wpId: string;
  kind: 'article' | 'page';
  id: string;
  /** File path relative to the project root, `.md` (the converter may make it `.mdx`). */
  file: string;
  title: string;
  date?: Date;
  category?: string;
  newPath: string;
  /** The post's old path on the WordPress site (decoded), when it had one of its own. */
  oldPath?: string;
  aliases: string[];
  draft: boolean;
  /** Why a post WordPress showed (or would show) is imported as a draft. */
  withheld: WithheldReason[];
}

export interface Redirect {
  from: string;
  to: string;
}

export interface ImportPlan {
  site: Site;
  /** site.yaml text when the site has none yet. */
  siteDoc?: string;
  baseUrl: string;
  clock: ExportClock;
  /** Makes comment ids unique in the store: `wordpress:<host>:`. */
  sourcePrefix: string;
  posts: Map<string, PostPlan>;
  /** Every old path that changed, for the host redirect files. */
  redirects: Redirect[];
  /** Old paths of pages, categories and tags: static redirect pages in public/ (articles have aliases). */
  redirectPages: Redirect[];
  shortLinks: Array<{ id: string; to: string }>;
  pageWpIds: Set<string>;
  /** Old path (with trailing slash) → new path, for links inside bodies. */
  oldToNew: Map<string, string>;
  inferredPermalink?: string;
  skipped: { trashed: number; autoDrafts: number };
}

/** Paths Warta's own routes use: a page may not take them. */
const RESERVED = new Set(['kategori', 'tag', 'cari', 'indeks', 'arsip', 'penulis', 'lokasi', 'halaman', 'moderasi', 'offline', 'api', '404', 'wordpress', 'uploads', 'rss-xml', 'sw-js']);

export interface PlanInput {
  index: ExportIndex;
  mapping: WordpressMapping;
  registries: Registries;
  state: ImportState;
  /** Parsed site.yaml when the site has one. */
  existingSite?: Site;
  /** Article and page ids already in content/ that the import did not write. */
  takenIds: Set<string>;
  contentDir: string;
  root: string;
  /** Zone for a new site.yaml when the export's clock gives none. */
  defaultTimeZone: string;
}

export function planImport(input: PlanInput): ImportPlan {
  const { index, mapping, registries, state, contentDir, root } = input;
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const baseUrl = index.site.baseUrl;
  const host = (() => {
    try {
      return new URL(baseUrl).hostname.replace(/^www\./, '');
    } catch {
      return 'site';
    }
  })();

  // ---- Site: zone, permalink --------------------------------------------------------
  const exportZone = index.offsetMinutes !== undefined ? zoneForOffset(index.offsetMinutes) : undefined;
  const samples: PermalinkSample[] = [];
  for (const it of index.items) {
    if (it.type !== 'post' || it.status !== 'publish' || !it.local) continue;
    const p = oldPath(it.link, baseUrl);
    if (p) samples.push({ path: p, slug: decodeSlug(it.slug), year: it.local.year, month: it.local.month, day: it.local.day, category: it.categories[0] ?? '' });
  }
  const inferred = inferPermalink(samples);
  let site: Site;
  let siteDoc: string | undefined;
  if (input.existingSite) site = input.existingSite;
  else {
    const title = plainTitle(index.site.title);
    const siteInput = {
      name: title || 'Portal Berita',
      description: plainTitle(index.site.description) || title || 'Portal Berita',
      url: (index.site.link || baseUrl).replace(/\/+$/, ''),
      locale: index.site.language.toLowerCase().startsWith('en') ? 'en' : 'id',
      timeZone: exportZone ?? input.defaultTimeZone,
      datelineLabel: title || 'Portal Berita',
      permalink: inferred ?? '/:year/:month/:slug/',
    };
    site = SiteSchema.parse(siteInput);
    siteDoc = `# Written by the WordPress import; every key is documented in src/schemas/site.ts.\n${yaml.dump(siteInput, { lineWidth: -1 })}`;
  }
  const clock: ExportClock = { timeZone: site.timeZone, offsetMinutes: index.offsetMinutes };

  // ---- Posts ------------------------------------------------------------------------
  const posts = new Map<string, PostPlan>();
  const redirects: Redirect[] = [];
  const redirectPages: Redirect[] = [];
  const shortLinks: Array<{ id: string; to: string }> = [];
  const pageWpIds = new Set<string>();
  const oldToNew = new Map<string, string>();
  const used = new Set([...input.takenIds, ...RESERVED]);
  const skipped = { trashed: 0, autoDrafts: 0 };
  const liveCategories = new Set<string>();
  const liveTags = new Map<string, string>();
  /** Categories some published article has as its section: Warta builds their pages. */
  const sections = new Set<string>();

  const idOf = (it: ItemSummary, title: string) => {
    const previous = state.posts[it.wpId];
    if (previous && !used.has(previous)) return previous;
    return uniqueId(idFrom([it.slug, title], `${it.type === 'page' ? 'halaman' : 'berita'}-${it.wpId}`), used);
  };

  for (const it of index.items) {
    if (it.status === 'trash') {
      skipped.trashed++;
      continue;
    }
    if (it.status === 'auto-draft' || it.status === 'inherit') {
      skipped.autoDrafts++;
      continue;
    }
    const title = plainTitle(it.title);
    const id = idOf(it, title);
    used.add(id);
    const publishedInWordpress = it.status === 'publish' || it.status === 'future';
    const withheld: WithheldReason[] = [];
    if (it.password) withheld.push('password');
    if (it.status === 'private') withheld.push('private');
    if (!title) withheld.push('untitled');
    const draft = !publishedInWordpress || withheld.length > 0;
    const kind = it.type === 'page' ? 'page' : 'article';
    let plan: PostPlan;
    if (kind === 'page') {
      pageWpIds.add(it.wpId);
      plan = { wpId: it.wpId, kind, id, title, file: rel(path.join(contentDir, 'pages', `${id}.md`)), newPath: `/${id}/`, aliases: [], draft, withheld };
    } else {
      const date = wordpressDate(it.dateGmt, it.dateLocal, clock) ?? new Date(0);
      const category = registries.categoryFor(it.categories);
      const p = zonedParts(date, site.timeZone);
      const newPath = articlePath(site.permalink, { id, date, category }, site.timeZone);
      plan = { wpId: it.wpId, kind, id, title, file: rel(path.join(contentDir, 'articles', String(p.year), String(p.month).padStart(2, '0'), `${id}.md`)), date, category, newPath, aliases: [], draft, withheld };
    }
    const old = it.status === 'publish' ? oldPath(it.link, baseUrl) : undefined;
    if (old) {
      plan.oldPath = normalisePath(old);
      oldToNew.set(normalisePath(old), plan.newPath);
      if (normalisePath(old) !== plan.newPath && !draft) {
        redirects.push({ from: normalisePath(old), to: plan.newPath });
        if (kind === 'article') plan.aliases.push(normalisePath(old));
        else redirectPages.push({ from: normalisePath(old), to: plan.newPath });
      }
    }
    if (!draft) {
      shortLinks.push({ id: it.wpId, to: plan.newPath });
      if (kind === 'article') {
        sections.add(plan.category!);
        for (const c of it.categories) liveCategories.add(c);
        for (const t of it.tags) liveTags.set(t.slug, t.name);
      }
    }
    posts.set(it.wpId, plan);
  }

  // ---- Category and tag archives of published posts ---------------------------------
  const builtPaths = new Set([...posts.values()].filter((p) => !p.draft).map((p) => p.newPath));
  const redirected = new Set(redirects.map((r) => r.from));
  const termRedirect = (from: string, to: string) => {
    if (from === to || builtPaths.has(from) || redirected.has(from)) return;
    redirected.add(from);
    redirects.push({ from, to });
    redirectPages.push({ from, to });
  };
  const categoryPath = (slug: string): string => {
    const chain: string[] = [];
    let s: string | undefined = slug;
    for (let guard = 0; s && guard < 10; guard++) {
      chain.unshift(decodeSlug(s));
      s = index.terms.get(termKey('category', s))?.parent || undefined;
    }
    return `${mapping.wordpressUrls.categoryBase}${chain.join('/')}/`;
  };
  const tagPath = (name: string) => {
    const mapped = name in mapping.tags ? mapping.tags[name] : name;
    return mapped && tagSlug(mapped) ? `/tag/${tagSlug(mapped)}/` : '/';
  };
  for (const slug of liveCategories) {
    const id = registries.categoryOfTerm(slug);
    // A category that is no article's section lives on as a tag (see secondaryCategoryTags).
    const to = id && sections.has(id) ? `/kategori/${id}/` : id ? tagPath(index.terms.get(termKey('category', slug))?.name ?? id) : '/';
    termRedirect(categoryPath(slug), to);
    // WordPress answers a child category at its own slug too.
    termRedirect(`${mapping.wordpressUrls.categoryBase}${decodeSlug(slug)}/`, to);
  }
  for (const [slug, name] of liveTags) termRedirect(`${mapping.wordpressUrls.tagBase}${decodeSlug(slug)}/`, tagPath(name));

  return { site, siteDoc, baseUrl, clock, sourcePrefix: `wordpress:${host}:`, posts, redirects, redirectPages, shortLinks, pageWpIds, oldToNew, inferredPermalink: inferred, skipped };
}
