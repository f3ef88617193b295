/**
 * Indexes article pages for search while Astro is still rendering the rest.
 *
 * Astro renders pages on one thread; Pagefind used to start only after the last page
 * (`astro:build:done`) and then spent ~29 s on 10,000 articles, most of it reading and
 * parsing each page (`addHTMLFile`: ~2 ms a page), the rest writing the bundle (issue 7).
 * Article pages are rendered last (the `[...path]` route), one after another, so a thread
 * started at `astro:build:start` can hand each finished page to Pagefind's service on the
 * second core and leave only `writeFiles` for the end.
 *
 * Pages go to Pagefind in one fixed order (newest first, as Astro renders them), never in
 * the order they happen to appear: Pagefind numbers pages by arrival and the bundle's file
 * names follow, so a fixed order keeps the bundle byte-identical from build to build
 * (checked: 300 pages in two orders give different bundles). A page counts as written when
 * its mtime is not older than the build's start (a previous build's file is never indexed)
 * and it ends with `</html>` (Astro writes a page in one call; this rules out a half-read).
 * At `finish` every page is on disk and is taken as it is.
 */
import { Worker } from 'node:worker_threads';
import { deadline } from './pagefind-service.ts';
import type { SearchFeedReply, SearchFeedWorkerData } from './search-feed-worker.ts';

export interface SearchFeedResult {
  /** Pages handed to Pagefind (it skips those without `data-pagefind-body`). */
  added: number;
  /** How long the thread waited for Astro to write pages, and spent adding and writing. */
  waitedMs: number;
  addMs: number;
  writeMs: number;
  /** Pages added only at `finish` (written late, or not ending in `</html>`). */
  addedAtFinish: number;
}

export interface SearchFeed {
  /** Adds what is left (and `extraPages`), writes the bundle to `outputPath`, stops Pagefind. */
  finish(outputPath: string, extraPages?: string[]): Promise<SearchFeedResult>;
  /** Stops the thread without writing (the build failed, or indexes another way). */
  cancel(): Promise<void>;
}

/**
 * @param site the folder Astro writes static pages to
 * @param pages article pages relative to `site` (`2025/01/slug/index.html`), in index order
 */
export function startSearchFeed(site: string, pages: string[], timeoutMs: number): SearchFeed {
  const workerData: SearchFeedWorkerData = { site, pages, notBefore: Date.now(), timeoutMs };
  const worker = new Worker(new URL('./search-feed-worker.ts', import.meta.url), { workerData });
  // A failed build must not wait for this thread; `finish` keeps the process alive with its deadline.
  worker.unref();
  let failure: Error | undefined;
  const settled = new Promise<SearchFeedResult>((resolve, reject) => {
    worker.on('message', (reply: SearchFeedReply) => {
      if (reply.type === 'done') resolve(reply.result);
      else reject(new Error(reply.message));
    });
    worker.on('error', (error) => reject(error));
    worker.on('exit', (code) => reject(new Error(`search indexing thread stopped (exit code ${code})`)));
  });
  // Reported at finish; until then an early failure must not crash the build as unhandled.
  settled.catch((error: Error) => {
    failure = error;
  });

  return {
    async finish(outputPath, extraPages = []) {
      if (failure) throw failure;
      worker.postMessage({ type: 'finish', outputPath, extraPages });
      try {
        // The thread puts a deadline on every Pagefind call; this one catches a thread that hangs itself.
        return await deadline(settled, timeoutMs, 'search indexing thread');
      } finally {
        await worker.terminate();
      }
    },
    async cancel() {
      await worker.terminate();
    },
  };
}
