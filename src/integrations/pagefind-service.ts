/**
 * Pagefind's Node API with the guards the build needs: it reports failure as `errors`
 * arrays instead of throwing, answers `page_count: 0` for a folder it found nothing in,
 * and a call can stay pending forever while Astro exits 0 (issue 4, "Search with
 * Pagefind"). So every response is checked, every call gets a deadline, and the service
 * is always stopped (freeing the indexer's memory before the next bundle).
 */
import * as pagefindApi from 'pagefind';

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

/** One bundle being built: pages added by glob or one by one, then written (which also stops its service), or discarded. */
export interface BundleWriter {
  /** Pages matching `glob`; a glob that matches none is an error. */
  add(glob: string): Promise<void>;
  /** One page, by its URL and HTML (for a few pages; a glob reads many faster). */
  addFile(url: string, html: string): Promise<void>;
  write(): Promise<void>;
  /** Stops the service without writing. */
  discard(): Promise<void>;
}

/**
 * Starts Pagefind's service for one bundle, read from `site` and written to `outputPath`.
 * On any failure the service is stopped too.
 */
export async function pagefindBundle(site: string, outputPath: string, timeoutMs: number): Promise<BundleWriter> {
  const fail = async (error: unknown): Promise<never> => {
    await pagefindApi.close();
    throw error;
  };
  const created = await deadline(pagefindApi.createIndex({}), timeoutMs, 'createIndex').catch(fail);
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
