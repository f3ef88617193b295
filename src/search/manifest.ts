/**
 * What a search bundle was built from, so a warm build can leave an unchanged bundle alone.
 *
 * Pagefind is given, per story, only the part of its page it indexes (`indexedHtml`): the
 * language, the headline and body marked `data-pagefind-body` and the filters, sort key and
 * metadata of `PagefindMeta.astro`. The manifest beside each bundle (`warta-manifest.json`)
 * records a digest of exactly that string per story, the indexer (the Pagefind version and a
 * digest of the code that cuts and indexes pages), every file the bundle was written as, and the
 * time and size of each story's page as it was read. A bundle is reused only when the same
 * stories with the same indexed text were written by the same indexer, with every file still
 * there. Anything else (a story edited, added, removed or moved to the archive, a file deleted, a
 * crashed build that left no manifest) rewrites it. A bundle is checked as it is written, and gets
 * its manifest only when it passed, so a reused bundle is one that was checked. A page that still
 * has the time and size recorded is not read again: its digest is the recorded one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_BUNDLE, type SearchShard } from './shards.ts';

export const MANIFEST = 'warta-manifest.json';

export interface BundleManifest {
  /** The Pagefind version and a digest of the code that cuts and indexes pages. */
  indexer: string;
  /** Story URL → digest of the HTML it was indexed from. */
  stories: Record<string, string>;
  /** Story URL → [mtime in ms, bytes] of its built page when it was read; none for a story without a page. */
  pages?: Record<string, [number, number]>;
  /** The `sourceDigest` of what the stories without a page were read from, when the bundle has any. */
  unwritten?: string;
  /** Every file of the bundle (path inside it → bytes), other bundles' folders excluded. */
  files: Record<string, number>;
}

type Wanted = Omit<BundleManifest, 'files'>;

const HEADER = /<header\b[^>]*\bclass="article-header"[^>]*\bdata-pagefind-body\b[^>]*>/;
const META = /<div\b[^>]*\bclass="pagefind-meta"[^>]*>[\s\S]*?<\/div>/;
/** The first element after the story's body that is never indexed (`ArticlePage.astro`). */
const AFTER_BODY = '<p class="reporter-code">';

/**
 * The part of an article page Pagefind indexes, as a page of its own: what it would read from
 * the whole page (text only from `data-pagefind-body`, filters/sort/meta from their attributes),
 * without the chrome, related stories and scripts that change when other stories do. Throws when
 * the page lacks a part, so a changed article template cannot silently empty the index.
 */
export function indexedHtml(page: string, url: string): string {
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(page)?.[1];
  const header = HEADER.exec(page);
  const end = page.lastIndexOf(AFTER_BODY);
  const meta = META.exec(page);
  if (!lang || !header || end < header.index || !meta) {
    const missing = !lang ? '<html lang>' : !header ? '<header class="article-header" data-pagefind-body>' : !meta ? '<div class="pagefind-meta">' : AFTER_BODY;
    throw new Error(`[warta:pagefind] ${url}: the article page has no ${missing}, which search indexing reads (components/article/ArticlePage.astro)`);
  }
  return `<!DOCTYPE html><html lang="${lang}"><body>${page.slice(header.index, end)}${meta[0]}</body></html>`;
}

export function digestOf(html: string): string {
  return createHash('sha256').update(html).digest('base64url').slice(0, 22);
}

/** True when `dir` holds a bundle written from exactly `wanted`, with all its files in place. */
export function bundleUpToDate(dir: string, wanted: Wanted): boolean {
  const had = readManifest(dir);
  return had !== undefined && had.indexer === wanted.indexer && sameEntries(had.stories, wanted.stories) && filesInPlace(dir, had);
}

/** Deletes a bundle's files before it is rewritten (Pagefind does not remove old ones), keeping the folders of `others`. */
export function clearBundle(dir: string, others: Set<string>): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (!others.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** Records what `dir` was just written from, with its files as they are now; written last, so a crash leaves no manifest. */
export function writeManifest(dir: string, manifest: Wanted, others: Set<string>): void {
  const files: Record<string, number> = {};
  // Not into the other bundles' folders: the archive's holds a file per story.
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => !others.has(entry.name));
  for (const top of entries) {
    const inside = top.isDirectory() ? fs.readdirSync(path.join(dir, top.name), { recursive: true, withFileTypes: true }) : [top];
    for (const entry of inside) {
      if (!entry.isFile()) continue;
      const file = path.relative(dir, path.join(entry.parentPath, entry.name));
      if (file !== MANIFEST) files[file] = fs.statSync(path.join(dir, file)).size;
    }
  }
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ ...manifest, files } satisfies BundleManifest));
}

/**
 * Brings the bundles under `site` in line with the plan: removes archive folders the plan no
 * longer has, and rewrites (with `write`, one bundle after another) each bundle that is not
 * up to date; `write` must check what it wrote and throw when it is wrong. Returns the bundles it
 * rewrote, and of those the ones it moved into place from `prepared`.
 *
 * `unwritten`: stories without a built page (rendered on request, lib/archive.ts), as pages
 * holding what Pagefind indexes, by URL. `prepared`: bundles written and checked in a folder of
 * their own while the pages were rendered (alongside.ts), by bundle path; one
 * is moved into place instead of writing the bundle only when it was written from exactly the
 * text the pages on disk hold now. It may still be being written (`writing` names those bundles):
 * the other bundles are checked first, while Pagefind and Zopfli work, and nothing is written
 * before it has settled, so one Pagefind runs at a time.
 */
/** Pages by URL, read as they are asked for (a `Map` is one). */
export interface PagesByUrl {
  get(url: string): string | undefined;
  /**
   * A digest of everything `get` answers from, when it has one: while it is the one a bundle's
   * manifest recorded, the text of that bundle's stories without a page is what was indexed, and
   * their recorded digests stand without reading them.
   */
  sourceDigest?(): string;
}

export async function updateBundles(
  site: string,
  shards: SearchShard[],
  indexer: string,
  write: (pages: Map<string, string>, dir: string, shard: SearchShard) => Promise<void>,
  {
    unwritten = new Map(),
    prepared = new Map(),
    writing = [],
  }: { unwritten?: PagesByUrl; prepared?: Map<string, { stories: Record<string, string>; dir: string }> | Promise<Map<string, { stories: Record<string, string>; dir: string }>>; writing?: string[] } = {},
): Promise<{ rewritten: string[]; moved: string[] }> {
  // The archive bundles are folders inside the recent one's, kept when that one is rewritten.
  const inner = new Set(shards.slice(1).map((s) => s.bundlePath.slice(SEARCH_BUNDLE.length).replace(/\/$/, '')));
  const root = path.join(site, SEARCH_BUNDLE);
  for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (name.startsWith('arsip') && !inner.has(name)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
  const rewritten: string[] = [];
  const moved: string[] = [];
  const later = (shard: SearchShard) => Number(writing.includes(shard.bundlePath));
  for (const [i, shard] of [...shards.entries()].sort(([, a], [, b]) => later(a) - later(b))) {
    const dir = path.join(site, shard.bundlePath);
    const others = i === 0 ? inner : new Set<string>();
    const { manifest, read, anyRead } = digestStories(site, shard.urls, indexer, readManifest(dir), unwritten);
    if (bundleUpToDate(dir, manifest)) {
      // The same text from pages written again: record their new times, so the next build need not read them.
      if (anyRead) writeManifest(dir, manifest, others);
      continue;
    }
    const ready = (await prepared).get(shard.bundlePath);
    if (ready && sameEntries(ready.stories, manifest.stories)) {
      clearBundle(dir, others);
      moveInto(ready.dir, dir);
      moved.push(shard.bundlePath);
    } else {
      // A story left unread above: its page, or its text on request when it has none.
      const unread = (url: string) => indexedHtml(unwritten.get(url) ?? fs.readFileSync(pageFile(site, url), 'utf8'), url);
      const pages = new Map(shard.urls.map((url) => [url, read.get(url) ?? unread(url)]));
      clearBundle(dir, others);
      // `write` checks what it wrote (and throws): only a bundle that passed gets a manifest, and so is reused.
      await write(pages, dir, shard);
    }
    writeManifest(dir, manifest, others);
    rewritten.push(shard.bundlePath);
  }
  return { rewritten, moved };
}

/**
 * The manifest a bundle of `urls` would have now. A story whose page has the time and size `had`
 * recorded keeps its digest unread (a page Astro did not write again holds what was indexed), as
 * does a story rendered on request while `unwritten`'s source is the one `had` recorded; any other
 * page is read and cut (`read`, by URL), as is every other story rendered on request.
 * The time and size are taken before reading, so a page that changes in between is read next time.
 */
function digestStories(site: string, urls: string[], indexer: string, had: BundleManifest | undefined, unwritten: PagesByUrl) {
  const known = had?.indexer === indexer ? had : undefined;
  const stories: Record<string, string> = {};
  const pages: Record<string, [number, number]> = {};
  const read = new Map<string, string>();
  let anyRead = false;
  const source = unwritten.sourceDigest?.();
  // The same source holds the same stories without a page, with the same text: a story recorded without one is still one.
  const sameSource = source !== undefined && known?.unwritten === source;
  let anyUnwritten = false;
  for (const url of urls) {
    const recorded = sameSource && known.pages?.[url] === undefined ? known.stories[url] : undefined;
    if (recorded !== undefined) {
      stories[url] = recorded;
      anyUnwritten = true;
      continue;
    }
    const onRequest = unwritten.get(url);
    if (onRequest !== undefined) {
      read.set(url, indexedHtml(onRequest, url));
      stories[url] = digestOf(read.get(url)!);
      anyUnwritten = true;
      // Recorded with the new source, so the next build need not read it.
      anyRead ||= source !== undefined;
      continue;
    }
    const file = pageFile(site, url);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new Error(`[warta:pagefind] the page of the published story ${url} is missing (${file})`);
    pages[url] = [stat.mtimeMs, stat.size];
    const digest = recordedDigest(known, url, stat);
    if (digest !== undefined) {
      stories[url] = digest;
      continue;
    }
    read.set(url, indexedHtml(fs.readFileSync(file, 'utf8'), url));
    stories[url] = digestOf(read.get(url)!);
    anyRead = true;
  }
  return { manifest: { indexer, stories, pages, ...(anyUnwritten && source !== undefined ? { unwritten: source } : {}) } satisfies Wanted, read, anyRead };
}

/**
 * The digest `had` recorded for the story at `url`, while its page still has the time and size it
 * had when it was read (a page Astro did not write again holds what was indexed); else undefined.
 */
export function recordedDigest(had: Pick<BundleManifest, 'stories' | 'pages'> | undefined, url: string, page: fs.Stats): string | undefined {
  const recorded = had?.pages?.[url];
  return recorded?.[0] === page.mtimeMs && recorded[1] === page.size ? had!.stories[url] : undefined;
}

/** Moves every file and folder of `from` into `to` (renamed: the same file system; copied across two). */
function moveInto(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    try {
      fs.renameSync(path.join(from, name), path.join(to, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      fs.cpSync(path.join(from, name), path.join(to, name), { recursive: true });
    }
  }
  fs.rmSync(from, { recursive: true, force: true });
}

/** The manifest beside a bundle, if there is one. */
export function readManifest(dir: string): BundleManifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as BundleManifest | null;
    // Anything else is a file this code did not write whole: no manifest, so the bundle is rewritten.
    const whole = typeof manifest === 'object' && manifest !== null && typeof manifest.stories === 'object' && manifest.stories !== null && typeof manifest.files === 'object' && manifest.files !== null;
    return whole ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function filesInPlace(dir: string, had: BundleManifest): boolean {
  return Object.entries(had.files).every(([file, bytes]) => fs.statSync(path.join(dir, file), { throwIfNoEntry: false })?.size === bytes);
}

/** The file of a story's page in the built site. */
export function pageFile(site: string, url: string): string {
  return path.join(site, url.endsWith('/') ? `${url}index.html` : url);
}

function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
