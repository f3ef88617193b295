/**
 * The thread behind `search-feed.ts`: waits for each article page in order, hands it to
 * Pagefind's service, and on `finish` adds what is left and writes the bundle.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { assertNoErrors, deadline, withPagefind } from './pagefind-service.ts';
import type { SearchFeedResult } from './search-feed.ts';

export interface SearchFeedWorkerData {
  site: string;
  pages: string[];
  /** The build's start (ms since epoch): older files are a previous build's. */
  notBefore: number;
  timeoutMs: number;
}
export type FinishMessage = { type: 'finish'; outputPath: string; extraPages: string[] };
export type SearchFeedReply = { type: 'done'; result: SearchFeedResult } | { type: 'failed'; message: string };

const { site, pages, notBefore, timeoutMs } = workerData as SearchFeedWorkerData;
const port = parentPort!;
/** How often to look again for the page Astro has not written yet. */
const POLL_MS = 20;

let finish: FinishMessage | undefined;
let wake: (() => void) | undefined;
port.on('message', (message: FinishMessage) => {
  finish = message;
  wake?.();
});

/** This build's page, or undefined while it is not (completely) written. */
async function readWritten(file: string, complete: boolean): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (stat.mtimeMs < notBefore) return undefined;
    const html = await fs.readFile(file, 'utf8');
    return complete || html.trimEnd().endsWith('</html>') ? html : undefined;
  } catch {
    return undefined;
  }
}

async function nextPage(relative: string): Promise<{ html?: string; late: boolean; waited: number }> {
  const file = path.join(site, relative);
  const start = performance.now();
  for (;;) {
    const done = finish !== undefined;
    const html = await readWritten(file, done);
    // At finish Astro has written everything: a page still missing is reported by the index check.
    if (html !== undefined || done) return { html, late: done, waited: performance.now() - start };
    await Promise.race([sleep(POLL_MS), new Promise<void>((resolve) => (wake = resolve))]);
  }
}

async function run(): Promise<SearchFeedResult> {
  return withPagefind(timeoutMs, async (index) => {
    const result: SearchFeedResult = { added: 0, waitedMs: 0, addMs: 0, writeMs: 0, addedAtFinish: 0 };
    const add = async (relative: string, html: string) => {
      const started = performance.now();
      const added = await deadline(index.addHTMLFile({ sourcePath: relative, content: html }), timeoutMs, `addHTMLFile ${relative}`);
      assertNoErrors(`addHTMLFile ${relative}`, added.errors);
      result.addMs += performance.now() - started;
      result.added++;
    };
    for (const relative of pages) {
      const { html, late, waited } = await nextPage(relative);
      result.waitedMs += waited;
      if (html === undefined) continue;
      if (late) result.addedAtFinish++;
      await add(relative, html);
    }
    while (!finish) await new Promise<void>((resolve) => (wake = resolve));
    // Stories that became due while the build ran: after every planned page, in the order given.
    for (const relative of finish.extraPages) {
      const html = await readWritten(path.join(site, relative), true);
      if (html === undefined) continue;
      result.addedAtFinish++;
      await add(relative, html);
    }
    const started = performance.now();
    const written = await deadline(index.writeFiles({ outputPath: finish.outputPath }), timeoutMs, 'writeFiles');
    assertNoErrors('writeFiles', written.errors);
    result.writeMs = performance.now() - started;
    return result;
  });
}

run().then(
  (result) => port.postMessage({ type: 'done', result } satisfies SearchFeedReply),
  (error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies SearchFeedReply),
);
