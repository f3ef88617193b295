/** The worker thread of `shrinkInWorker` (search-gzip.ts): Zopfli's WebAssembly runs here. */
import { parentPort, workerData } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';
import { shrinkGzipFiles } from './search-gzip.ts';

const { files, cache } = workerData as { files: string[]; cache: string };
// Zopfli's defaults (15 passes, up to 15 blocks) took twice the time for 1% more on Pagefind's
// word-index chunks (30 s against 15.5 s for 61 chunks at 10,000 stories).
parentPort!.postMessage(await shrinkGzipFiles(files, cache, (raw) => gzipAsync(raw, { numiterations: 5, blocksplittingmax: 3 })));
