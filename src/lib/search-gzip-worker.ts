/**
 * The worker thread of `shrinkInWorker` (search-gzip.ts). Zopfli is loaded here only: besides
 * the CPU it takes, its Emscripten runtime adds `uncaughtException` and `unhandledRejection`
 * handlers, which in a worker see only this thread's errors, not the build's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';
import { shrinkGzipFiles } from './search-gzip.ts';

// Zopfli's defaults (15 passes, up to 15 blocks) took twice the time for 1% more on Pagefind's
// word-index chunks (30 s against 15.5 s for 61 chunks at 10,000 stories).
const SETTINGS = { numiterations: 5, blocksplittingmax: 3 };

const { files, cache } = workerData as { files: string[]; cache: string };
parentPort!.postMessage(await shrinkGzipFiles(files, cache, `zopfli ${JSON.stringify(SETTINGS)}`, (raw) => gzipAsync(raw, SETTINGS)));
