/**
 * A worker thread of `zopfliOnThreads` (gzip.ts). Zopfli is loaded here only: besides
 * the CPU it takes, its Emscripten runtime adds `uncaughtException` and `unhandledRejection`
 * handlers, which in a worker see only this thread's errors, not the build's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';
import { ZOPFLI } from './gzip.ts';

const { raws } = workerData as { raws: Uint8Array[] };
const made: Uint8Array[] = [];
for (const raw of raws) made.push(await gzipAsync(raw, ZOPFLI));
parentPort!.postMessage(made);
