/**
 * Pagefind writes its index files gzip'd by zlib. Every first search downloads the runtime's
 * WebAssembly, the page table and one word-index chunk per query word; Zopfli writes the same gzip
 * format 5–12% smaller, and Pagefind's browser side reads any valid gzip. Zopfli is about 100×
 * slower than zlib (~0.25 s for a 30 KB chunk), so it runs on worker threads while Astro renders,
 * and what it wrote is kept by the digest of what Pagefind wrote: a warm build compresses again
 * only the files Pagefind changed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { writeWhole } from '../lib/cache-files.ts';

export interface Shrunk {
  files: number;
  /** Files compressed this time (the rest came from the cache). */
  compressed: number;
  before: number;
  after: number;
}

/**
 * The files of a bundle a first search downloads whole: its page table, and in the bundle the
 * search page loads first, the runtime's WebAssembly and the word-index chunks (a merged bundle's
 * chunks come after the first answer, and at 10,000 stories there are 5× as many).
 */
export function firstSearchFiles(bundle: string, first: boolean): string[] {
  const files = fs.readdirSync(bundle).filter((name) => name.endsWith('.pf_meta') || (first && /^wasm\.[^.]+\.pagefind$/.test(name)));
  const index = path.join(bundle, 'index');
  const chunks = first && fs.existsSync(index) ? fs.readdirSync(index).map((name) => path.join('index', name)) : [];
  return [...files, ...chunks].map((name) => path.join(bundle, name));
}

/**
 * Rewrites each gzip file in `files` with `compress` (gzips of the same bytes, in order) when that
 * is smaller, taking earlier results from `cache` (a folder of its own, keyed by the file's digest
 * and `settings`, what decides `compress`'s output). A cached result is used only when it unpacks to
 * the same bytes. Afterwards `cache` holds exactly the results for these files, the size of one bundle.
 */
export async function shrinkGzipFiles(files: string[], cache: string, settings: string, compress: (raws: Uint8Array[]) => Promise<Uint8Array[]>): Promise<Shrunk> {
  const failed = (file: string, error: unknown) => new Error(`[warta] recompressing ${file} for search: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  fs.mkdirSync(cache, { recursive: true });
  const used = new Set<string>();
  const shrunk: Shrunk = { files: files.length, compressed: 0, before: 0, after: 0 };
  const read = files.map((file) => {
    try {
      const packed = fs.readFileSync(file);
      const raw = gunzipSync(packed);
      const name = `${createHash('sha256').update(settings).update(packed).digest('base64url')}.gz`;
      const kept = path.join(cache, name);
      used.add(name);
      const cached = fs.existsSync(kept) ? fs.readFileSync(kept) : undefined;
      // A build stopped while writing, or a disk that lost a block, must not reach readers.
      return { file, packed, raw, kept, smaller: cached && sameBytes(cached, raw) ? cached : undefined };
    } catch (error) {
      throw failed(file, error);
    }
  });
  const missing = read.filter((r) => !r.smaller);
  const made = await compress(missing.map((r) => r.raw));
  missing.forEach((r, i) => {
    const gz = Buffer.from(made[i]!);
    if (!sameBytes(gz, r.raw)) throw failed(r.file, new Error('the recompressed file does not unpack to the same bytes'));
    r.smaller = gz.length < r.packed.length ? gz : r.packed;
    writeWhole(r.kept, r.smaller);
    shrunk.compressed++;
  });
  for (const { file, packed, smaller } of read) {
    if (smaller!.length < packed.length) fs.writeFileSync(file, smaller!);
    shrunk.before += packed.length;
    shrunk.after += Math.min(smaller!.length, packed.length);
  }
  for (const name of fs.readdirSync(cache)) {
    if (/\.gz(\.\d+\.tmp)?$/.test(name) && !used.has(name)) fs.rmSync(path.join(cache, name));
  }
  return shrunk;
}

/** Deletes the cached files under `root` of bundles other than `bundles` (folders a new split no longer has). */
export function pruneGzipCache(root: string, bundles: string[]): void {
  const keep = new Set(bundles.map((dir) => path.resolve(dir)));
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !keep.has(path.resolve(entry.parentPath))) fs.rmSync(path.join(entry.parentPath, entry.name));
  }
}

function sameBytes(gz: Buffer, raw: Buffer): boolean {
  try {
    return gunzipSync(gz).equals(raw);
  } catch {
    return false;
  }
}

// Zopfli's defaults (15 passes, up to 15 blocks) took twice the time for 1% more on Pagefind's
// word-index chunks (30 s against 15.5 s for 61 chunks at 10,000 stories).
export const ZOPFLI = { numiterations: 5, blocksplittingmax: 3 };

/** `shrinkGzipFiles` with Zopfli, on worker threads so the thread that renders pages goes on. */
export function shrinkWithZopfli(files: string[], cache: string): Promise<Shrunk> {
  return shrinkGzipFiles(files, cache, `zopfli ${JSON.stringify(ZOPFLI)}`, (raws) => zopfliOnThreads(raws, Math.min(2, os.availableParallelism())));
}

/**
 * Zopfli gzips of `raws`, in order, on up to `threads` worker threads, each given about the same
 * bytes. After the last page a warm build waits for these: a one-story edit changes 6–8 word-index
 * chunks of the first-search bundle, 1.5 s on one thread.
 */
export async function zopfliOnThreads(raws: Uint8Array[], threads: number): Promise<Uint8Array[]> {
  const shares = Array.from({ length: Math.max(1, Math.min(threads, raws.length)) }, () => ({ bytes: 0, items: [] as number[] }));
  for (const i of raws.map((_, i) => i).sort((a, b) => raws[b]!.length - raws[a]!.length)) {
    const share = shares.reduce((least, s) => (s.bytes < least.bytes ? s : least));
    share.bytes += raws[i]!.length;
    share.items.push(i);
  }
  const out: Uint8Array[] = [];
  await Promise.all(
    shares
      .filter((s) => s.items.length > 0)
      .map(async (s) => {
        const made = await onWorker(s.items.map((i) => raws[i]!));
        s.items.forEach((i, k) => (out[i] = made[k]!));
      }),
  );
  return out;
}

function onWorker(raws: Uint8Array[]): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./gzip-worker.ts', import.meta.url), { workerData: { raws } });
    let answered = false;
    worker.once('message', (made: Uint8Array[]) => {
      answered = true;
      resolve(made);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`[warta] recompressing the search index stopped with exit code ${code}`));
    });
  });
}
