/**
 * Pagefind's Node API with the guards the build needs: it reports failure as `errors`
 * arrays instead of throwing, and a call can stay pending forever while Astro exits 0
 * (issue 4), so every call gets a deadline and the service is always stopped.
 * Used by the build integration (`pagefind.ts`, through `search-indexer.ts`) and the dev index.
 */
import * as pagefindApi from 'pagefind';
import type { BundleWriter } from './search-indexer.ts';

export const PREFIX = '[warta:pagefind]';

export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefindApi.createIndex>>['index']>;

/** Runs `work` on a fresh index and always stops Pagefind's service, so no child process outlives the build. */
export async function withPagefind<T>(timeoutMs: number, work: (index: PagefindIndex) => Promise<T>): Promise<T> {
  try {
    const created = await deadline(pagefindApi.createIndex({}), timeoutMs, 'createIndex');
    assertNoErrors('createIndex', created.errors);
    if (!created.index) throw new Error(`${PREFIX} createIndex returned no index`);
    return await work(created.index);
  } finally {
    await pagefindApi.close();
  }
}

/**
 * Starts Pagefind's service for one bundle: pages are read from `site` by glob, and
 * `write` writes the bundle to `outputPath` and stops the service (freeing the indexer's
 * memory before the next bundle). A glob that matches no page is an error: every glob asked
 * for holds published stories. On any failure the service is stopped too.
 */
export async function pagefindBundle(site: string, outputPath: string, timeoutMs: number, options: { oneThread?: boolean } = {}): Promise<BundleWriter> {
  const fail = async (error: unknown): Promise<never> => {
    await pagefindApi.close();
    throw error;
  };
  const create = () => pagefindApi.createIndex({});
  const created = await deadline(options.oneThread ? onOneThread(create) : create(), timeoutMs, 'createIndex').catch(fail);
  if (created.errors.length > 0 || !created.index) return fail(new Error(`${PREFIX} createIndex failed: ${created.errors.join('; ') || 'no index'}`));
  const index = created.index;
  return {
    async add(glob) {
      try {
        const added = await deadline(index.addDirectory({ path: site, glob }), timeoutMs, 'addDirectory');
        assertNoErrors(`addDirectory ${glob}`, added.errors);
        if (added.page_count === 0) throw new Error(`${PREFIX} addDirectory found no pages for ${glob} in ${site}`);
      } catch (error) {
        await fail(error);
      }
    },
    async addFile(url, html) {
      try {
        const added = await deadline(index.addHTMLFile({ url, content: html }), timeoutMs, 'addHTMLFile');
        assertNoErrors(`addHTMLFile ${url}`, added.errors);
      } catch (error) {
        await fail(error);
      }
    },
    async write() {
      try {
        const written = await deadline(index.writeFiles({ outputPath }), timeoutMs, 'writeFiles');
        assertNoErrors('writeFiles', written.errors);
      } finally {
        await pagefindApi.close();
      }
    },
    async discard() {
      await pagefindApi.close();
    },
  };
}

/**
 * Runs `start` (which spawns Pagefind's service if it is not running) with the service's
 * thread pools (Rust's rayon and tokio) set to one thread. Beside Astro, which renders on one
 * core, a multi-threaded indexer took the other core and part of Astro's, and the article
 * pages rendered slower (measured at 10,000: 21–23 s on one thread, 25–37 s with all of them);
 * a lowered priority (nice 10) instead of one thread was no better. The variables are set
 * only while the child is spawned.
 */
function onOneThread<T>(start: () => T): T {
  const names = ['RAYON_NUM_THREADS', 'TOKIO_WORKER_THREADS'] as const;
  const saved = names.map((name) => process.env[name]);
  for (const name of names) process.env[name] = '1';
  try {
    return start();
  } finally {
    names.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  }
}

export function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`${PREFIX} ${step} failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

/** Rejects when `promise` has not settled after `ms`; the timer also keeps Node alive so a hang cannot end as exit 0. */
export function deadline<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${PREFIX} ${step} did not finish within ${ms} ms (Pagefind's service hung)`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
