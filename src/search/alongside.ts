/**
 * Indexes search bundles while Astro renders the rest of the site, through Astro's public
 * prerenderer API (`setPrerenderer` at astro:build:start, wrapping Astro's own prerenderer):
 *
 * - the story pages render first: the first-search bundle's (its recompression is the longest work
 *   after its write), then the archived stories' search text (archive-text.ts), then the largest
 *   bundle's, so the longest work overlaps the most pages;
 * - the part of each story Pagefind indexes (`indexedHtml`) is staged as it renders, and once every
 *   story of a bundle is staged, Pagefind writes it, in its own process, while Astro renders on;
 * - a warm build renders only the stories a change touched: at the first page that is not a story
 *   every story page is final on disk, so a touched bundle is completed from the kept pages.
 *
 * At build:done `updateBundles` (manifest.ts) uses a bundle written here only when the
 * pages Astro wrote hold exactly the text it was written from; any other bundle is written after
 * the last page, as without this. So the render order decides only how much indexing overlaps
 * rendering, never what is indexed; the build log says how many pages rendered after each bundle
 * was handed over, and tests/site/incremental-build.test.ts fails when that falls to none (an Astro
 * that stops rendering in the listed order). `WARTA_SEARCH_ALONGSIDE=0` turns it off.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AstroPrerenderer, PrerenderResult } from 'astro';
import type { Plugin } from 'vite';
import { ARCHIVE_SEARCH_PATH, splitArchiveSearchPage } from './archive-text.ts';
import { digestOf, indexedHtml, pageFile, recordedDigest, type BundleManifest } from './manifest.ts';
import { SEARCH_BUNDLE, type SearchShard } from './shards.ts';
import { StagedPages } from './pagefind-service.ts';

/** A bundle Pagefind wrote while pages were rendered: where, from which text, and how much rendering it overlapped. */
export interface PreparedBundle {
  /** Story URL → digest of the indexed HTML it was written from (as in the bundle's manifest). */
  stories: Record<string, string>;
  /** The folder holding the written and checked bundle, to be moved into the site. */
  dir: string;
  /** Pages Astro rendered after the bundle was handed to Pagefind. */
  renderedAfter: number;
}

export interface SearchAlongside {
  /** For `setPrerenderer`: Astro's prerenderer, with the story pages first and each story's indexed text staged. */
  prerenderer(astro: AstroPrerenderer): AstroPrerenderer;
  /** The bundles handed to Pagefind: being written, or written. */
  writing(): string[];
  /** Waits for the bundles being written: those Pagefind wrote and checked, by bundle path. */
  settled(): Promise<Map<string, PreparedBundle>>;
  /** Deletes the staged pages and the prepared bundles not moved into the site. */
  dispose(): void;
}

/**
 * @param scratch a folder for the prepared bundles, on the site's file system (Astro's cache folder), emptied here
 * @param write writes the staged pages as a bundle into a folder and checks it (throws when wrong)
 * @param warn tells the build log why a bundle is left to be written after the last page
 * @param upToDate true when the site already holds this bundle written from these stories' text
 *   (a build that renders every page again, its text unchanged): it is not written again
 * @param site the folder the story pages are written to, to complete a bundle from the pages a
 *   warm build did not render; without it only bundles all of whose stories render are written here.
 *   Only with Astro's `build.concurrency` of 1: with more, story pages may still be rendering or
 *   being written when the first other page starts.
 * @param recorded what the bundle's manifest in `site` recorded (for the indexer of this build)
 */
export function searchAlongside(
  shards: SearchShard[],
  { scratch, write, warn, upToDate = () => false, site, recorded = () => undefined }: {
    scratch: string;
    write: (staged: StagedPages, dir: string, shard: SearchShard) => Promise<void>;
    warn: (message: string) => void;
    upToDate?: (shard: SearchShard, stories: Record<string, string>) => boolean;
    site?: string;
    recorded?: (shard: SearchShard) => Pick<BundleManifest, 'stories' | 'pages'> | undefined;
  },
): SearchAlongside {
  /** A story's path as Astro asks for it → its URL and bundle. */
  const stories = new Map<string, { url: string; i: number }>();
  // Keyed as a request's URL spells its path (percent-encoded); Warta sets no `base` and writes
  // directory pages, so that is the story's URL as the plan has it.
  shards.forEach((shard, i) => shard.urls.forEach((url) => stories.set(keyOf(url), { url, i })));
  /**
   * The bundle a first search loads goes first: after Pagefind's write, each of its word-index
   * chunks is recompressed (gzip.ts), the longest work after a bundle's last story (13–18 s
   * at 10,000 stories, against 0.6 s for the archive's page table). Then the largest first.
   */
  const later = (i: number) => Number(shards[i]!.bundlePath !== SEARCH_BUNDLE);
  const rank = shards.map((_, i) => i).sort((a, b) => later(a) - later(b) || shards[b]!.urls.length - shards[a]!.urls.length || a - b);
  const bundles = shards.map((shard) => ({ left: new Set(shard.urls), stories: {} as Record<string, string>, staged: undefined as StagedPages | undefined, handed: false, handedAt: 0, queued: false, unreadable: false }));
  const prepared = new Map<string, PreparedBundle>();
  let rendered = 0;
  /** Set at the first page that is not a story: every story page has been rendered or kept by then. */
  let storiesDone = false;
  /** The paths Astro prerenders (keys as `stories`'). */
  const listed = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  /** Staged pages being removed, beside the queue: the next bundle's write need not wait for them. */
  const removals: Promise<void>[] = [];
  /** Removes staged pages off the rendering thread; a folder left behind goes with the scratch folder. */
  const removeLater = (staged: StagedPages) => removals.push(staged.remove().catch((error) => warn(`staged search pages could not be removed (${staged.dir}): ${error instanceof Error ? error.message : String(error)}`)));
  fs.rmSync(scratch, { recursive: true, force: true });

  /** Stages one story's indexed part; false when its page lacks a part search reads. */
  function stage(i: number, url: string, html: string): boolean {
    const bundle = bundles[i]!;
    let indexed: string;
    try {
      indexed = indexedHtml(html, url);
    } catch {
      // A page search cannot read: the bundle is written after the last page, where that is reported.
      bundle.unreadable = true;
      bundle.staged?.dispose();
      return false;
    }
    bundle.left.delete(url);
    bundle.stories[url] = digestOf(indexed);
    // Staged in the scratch folder, which the next build empties, should this one stop half way.
    (bundle.staged ??= new StagedPages(scratch)).add(url, indexed);
    return true;
  }

  function take(url: string, i: number, html: string) {
    const bundle = bundles[i]!;
    if (bundle.unreadable || bundle.handed || !bundle.left.has(url)) return;
    if (stage(i, url, html) && bundle.left.size === 0) handOver(i);
  }

  /** Every story of bundle `i` is staged: Pagefind writes it, unless the site already holds it. */
  function handOver(i: number) {
    const bundle = bundles[i]!;
    bundle.handed = true;
    bundle.handedAt = rendered;
    const shard = shards[i]!;
    const staged = bundle.staged!;
    let unchanged = false;
    try {
      unchanged = upToDate(shard, bundle.stories);
    } catch {
      // Decided again after the last page, from the manifest as it is then.
    }
    if (unchanged) {
      removeLater(staged);
      return;
    }
    // One bundle at a time, as after the last page: Pagefind's memory is the largest bundle's.
    bundle.queued = true;
    queue = queue.then(async () => {
      const dir = path.join(scratch, String(i));
      try {
        await write(staged, dir, shard);
        prepared.set(shard.bundlePath, { stories: bundle.stories, dir, renderedAfter: 0 });
      } catch (error) {
        // Written again after the last page, where a failure stops the build.
        warn(`${shard.bundlePath} could not be written while pages rendered, so it is written after the last page: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        removeLater(staged);
      }
    });
  }

  /**
   * Called when the first page that is not a story is rendered: the stories come first, so every
   * story page is then final on disk, rendered by this build or kept from the last. A bundle some
   * of whose stories this build rendered (a warm build: an edit, or a page listing it) is completed
   * from the pages on disk and handed over, while Astro renders the listings. A page the bundle's
   * manifest recorded with the same time and size keeps its recorded digest, so a bundle whose
   * text did not change is found up to date without reading its pages.
   */
  function completeFromDisk() {
    if (!site) return;
    for (const [i, bundle] of bundles.entries()) {
      if (bundle.unreadable || bundle.handed || bundle.left.size === 0 || Object.keys(bundle.stories).length === 0) continue;
      try {
        completeOne(i, site);
      } catch (error) {
        // Only the overlap is lost: the bundle is written after the last page, where errors stop the build.
        bundle.unreadable = true;
        bundle.staged?.dispose();
        warn(`${shards[i]!.bundlePath} could not be completed from the pages on disk, so it is written after the last page: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  function completeOne(i: number, site: string) {
    const bundle = bundles[i]!;
    // A story Astro does not render (rendered on request) has no page of this build: it is indexed after the last page.
    if ([...bundle.left].some((url) => !listed.has(keyOf(url)))) return;
    const had = recorded(shards[i]!);
    const digests = { ...bundle.stories };
    let allRecorded = true;
    for (const url of bundle.left) {
      const stat = fs.statSync(pageFile(site, url), { throwIfNoEntry: false });
      if (!stat) return;
      const digest = recordedDigest(had, url, stat);
      if (digest === undefined) allRecorded = false;
      else digests[url] = digest;
    }
    if (allRecorded && upToDate(shards[i]!, digests)) {
      bundle.handed = true;
      bundle.staged?.dispose();
      return;
    }
    for (const url of [...bundle.left]) if (!stage(i, url, fs.readFileSync(pageFile(site, url), 'utf8'))) return;
    handOver(i);
  }

  return {
    prerenderer(astro) {
      return {
        name: 'warta:search-alongside',
        setup: astro.setup && (() => astro.setup!()),
        getStaticPaths: async () =>
          storiesFirst(await astro.getStaticPaths(), (pathname) => {
            const key = keyOf(pathname);
            listed.add(key);
            // The archived stories' search text (archive-text.ts) right after the first bundle's stories.
            if (key.startsWith(ARCHIVE_SEARCH_PATH)) return 1;
            const story = stories.get(key);
            const g = story && rank.indexOf(story.i);
            return g && g + 1;
          }),
        async render(request, options) {
          const key = keyOf(request.url);
          const story = stories.get(key);
          const archived = !story && key.startsWith(ARCHIVE_SEARCH_PATH);
          if (!story && !archived && !storiesDone) {
            storiesDone = true;
            completeFromDisk();
          }
          const result = await astro.render(request, options);
          rendered++;
          const response = result instanceof Response ? result : (result as PrerenderResult).response;
          if (story && response.ok) take(story.url, story.i, await response.clone().text());
          if (archived && response.ok) {
            for (const [url, html] of splitArchiveSearchPage(await response.clone().text())) {
              const of = stories.get(keyOf(url));
              if (of) take(of.url, of.i, html);
            }
          }
          return result;
        },
        collectStaticImages: astro.collectStaticImages && (() => astro.collectStaticImages!()),
        teardown: astro.teardown && (() => astro.teardown!()),
      };
    },
    writing() {
      return shards.filter((_, i) => bundles[i]!.queued).map((s) => s.bundlePath);
    },
    async settled() {
      await queue;
      await Promise.all(removals);
      for (const [bundlePath, bundle] of prepared) bundle.renderedAfter = rendered - bundles[shards.findIndex((s) => s.bundlePath === bundlePath)]!.handedAt;
      return prepared;
    },
    dispose() {
      for (const bundle of bundles) if (bundle.left.size > 0) bundle.staged?.dispose();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * With an adapter of today's kind (`entrypointResolution: "auto"`, as Node, Netlify and Vercel are),
 * Astro builds its own prerender entry only when no prerenderer is set, on the assumption that an
 * adapter setting one bundles an entry of its own (astro/dist/core/build/vite-build-config.js);
 * wrapping Astro's prerenderer needs Astro's entry, so this names it (the package's public
 * `astro/entrypoints/prerender`) for the `prerender` build environment. Without it the build stops
 * before rendering ("rolldownOptions.input should not be an html file"): every build test fails.
 */
export function prerenderEntry(): Plugin {
  return {
    name: 'warta:prerender-entry',
    apply: 'build',
    configEnvironment(name) {
      if (name === 'prerender') return { build: { rolldownOptions: { input: 'astro/entrypoints/prerender' } } };
    },
  };
}

/**
 * The paths with the stories' first, grouped by `group` (lowest first), each group in Astro's
 * order; `group` is undefined for a path that is not a story. A path two routes both list is
 * rendered by the first in Astro's order (its route priority), so only that entry may move.
 */
export function storiesFirst<T extends { pathname: string }>(paths: T[], group: (pathname: string) => number | undefined): T[] {
  const seen = new Set<string>();
  const groups: T[][] = [];
  const rest: T[] = [];
  for (const entry of paths) {
    const key = pathKey(entry.pathname);
    const g = seen.has(key) ? undefined : group(entry.pathname);
    if (g === undefined) rest.push(entry);
    else (groups[g] ??= []).push(entry);
    seen.add(key);
  }
  return [...groups.flatMap((g) => g ?? []), ...rest];
}

function pathKey(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

/** The key of a URL or site-relative path, as a request spells its path (percent-encoded). */
function keyOf(url: string): string {
  return pathKey(new URL(url, 'http://localhost').pathname);
}
