/**
 * Feeds article pages to Pagefind folder by folder as Astro finishes writing them, and
 * writes the bundles (lib/search-shards.ts) one after another.
 *
 * Pagefind's `writeFiles` runs on one thread (~2.7 ms a story: 27 s at 10,000 here) and can
 * only start once every page is read; reading is the other ~13 s. Astro writes article
 * pages newest first, one at a time (`articles-first.ts`), so each month folder is complete
 * long before the last page: reading it then, on the second core, leaves only the write for
 * after the article pages. Folders are added only when every article-route path in them is
 * on disk, so Pagefind never reads a page Astro is still writing.
 *
 * Bundles are written in order and one at a time: a folder of the next bundle waits until
 * the current bundle is written and its Pagefind service stopped, so only one bundle's
 * pages are ever in the indexer's memory.
 */
import type { SearchShard } from '../lib/search-shards.ts';

/** One bundle being built: pages added by glob, then written (which also stops its service), or discarded. */
export interface BundleWriter {
  /** Pages matching `glob`; a glob that matches none is an error. */
  add(glob: string): Promise<void>;
  /** One page, by its URL and HTML (for a few pages; a glob reads many faster). */
  addFile(url: string, html: string): Promise<void>;
  write(): Promise<void>;
  /** Stops the service without writing. */
  discard(): Promise<void>;
}

export interface SearchIndexer {
  /** The article-route paths in the order Astro writes them (`articles-first.ts`). */
  plan(pathnames: string[]): void;
  /** The first `count` planned paths are on disk. */
  writtenBefore(count: number): void;
  /** Every article page is on disk: reads what is left and writes every bundle. */
  finish(): Promise<void>;
}

/**
 * Article pages Astro must render (not copy) before reading starts early. A warm build renders
 * the edited story and the few pages that show it and copies the rest: reading beside it would
 * start the service on one thread for a write that then runs alone (measured at 10,000: the
 * index finished 36 s after the last page instead of ~20 s).
 */
export const RENDERED_BEFORE_EARLY = 100;

/** Folder names that are safe in a glob as they are (the permalink's year, month, category…). */
const PLAIN = /^[\w.-]+(\/[\w.-]+)*$/;

/** `/2026/06/slug/` → `2026/06`, the folder whose `*\/index.html` holds the page. */
export function folderOf(pathname: string): string {
  return pathname.replace(/^\/+|\/+$/g, '').split('/').slice(0, -1).join('/');
}

/**
 * @param shards the bundles, newest first
 * @param shardGlobs each bundle's glob for reading it whole (`articleGlob`), used when no plan came
 * @param open starts a bundle's Pagefind service; `early` when Astro is still rendering article pages
 */
export function createSearchIndexer(
  shards: SearchShard[],
  shardGlobs: string[],
  open: (shard: SearchShard, early: boolean) => Promise<BundleWriter>,
): SearchIndexer {
  // The folders that hold published stories, per bundle: only these are read.
  const folders = shards.map((shard) => [...new Set(shard.urls.map(folderOf))]);
  const byFolder = new Map(folders.flatMap((list, s) => list.map((folder) => [folder, s] as const)));
  /** Folders in the order they complete: by the place of their last path in the plan. */
  let completion: { folder: string; last: number }[] = [];
  let next = 0;
  const queued = folders.map(() => [] as string[]);
  const added = folders.map(() => new Set<string>());
  let current = 0;
  /** The bundle being read; set and cleared by steps on the chain, so only one service runs at a time. */
  let writer: BundleWriter | undefined;
  let opened = -1;
  let chain: Promise<void> = Promise.resolve();
  let failed = false;
  let finishing = false;
  let rendered = 0;

  const run = (step: () => Promise<void>) => {
    chain = chain.then(step);
    // Reported by finish(); until then a failure must not become an unhandled rejection.
    chain.catch(() => {
      failed = true;
    });
  };
  const read = (s: number, glob: string) => {
    if (opened !== s) {
      opened = s;
      const early = !finishing;
      run(async () => {
        writer = await open(shards[s]!, early);
      });
    }
    run(() => writer!.add(glob));
  };

  /** Starts reading whatever the current bundle has queued; when it is complete, writes it and moves on. */
  const pump = (final: boolean) => {
    while (current < shards.length) {
      const s = current;
      for (const folder of queued[s]!.splice(0)) {
        added[s]!.add(folder);
        read(s, `${folder}/*/index.html`);
      }
      if (added[s]!.size < folders[s]!.length && !final) return;
      // Nothing read early (no plan, or folder names unsafe in a glob): the whole bundle at once.
      if (added[s]!.size === 0) read(s, shardGlobs[s]!);
      else for (const folder of folders[s]!.filter((f) => !added[s]!.has(f))) read(s, `${folder}/*/index.html`);
      run(async () => {
        await writer!.write();
        writer = undefined;
      });
      current++;
    }
  };

  return {
    plan(pathnames) {
      const last = new Map<string, number>();
      pathnames.forEach((pathname, i) => last.set(folderOf(pathname), i));
      const all = folders.flat();
      // A folder the plan does not have (it should), or an odd name: read everything at the end.
      if (!all.every((folder) => last.has(folder) && PLAIN.test(folder))) return;
      completion = all.map((folder) => ({ folder, last: last.get(folder)! })).sort((a, b) => a.last - b.last);
    },
    writtenBefore(count) {
      if (failed) return;
      rendered++;
      let moved = false;
      while (next < completion.length && completion[next]!.last < count) {
        const { folder } = completion[next++]!;
        queued[byFolder.get(folder)!]!.push(folder);
        moved = true;
      }
      if (rendered >= RENDERED_BEFORE_EARLY && (moved || rendered === RENDERED_BEFORE_EARLY)) pump(false);
    },
    async finish() {
      // Folders already queued go first; bundles not started are read whole.
      finishing = true;
      pump(true);
      await chain;
    },
  };
}
