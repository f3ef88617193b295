/**
 * Pagefind writes its index files gzip'd by zlib. Every first search downloads the runtime's
 * WebAssembly, the page table and one word-index chunk per query word; Zopfli writes the same gzip
 * format 5–12% smaller, and Pagefind's browser side reads any valid gzip. Zopfli is about 100×
 * slower than zlib (~0.25 s for a 30 KB chunk), so it runs on a worker thread while Astro renders,
 * and what it wrote is kept by the digest of what Pagefind wrote: a warm build compresses again
 * only the files Pagefind changed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

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
 * Rewrites each gzip file in `files` with `compress` (a gzip of the same bytes) when that is
 * smaller, taking earlier results from `cache` (a folder of its own, keyed by the file's digest and
 * `settings`, what decides `compress`'s output). A cached result is used only when it unpacks to the
 * same bytes. Afterwards `cache` holds exactly the results for these files, the size of one bundle.
 */
export async function shrinkGzipFiles(files: string[], cache: string, settings: string, compress: (raw: Uint8Array) => Promise<Uint8Array>): Promise<Shrunk> {
  fs.mkdirSync(cache, { recursive: true });
  const used = new Set<string>();
  const shrunk: Shrunk = { files: files.length, compressed: 0, before: 0, after: 0 };
  for (const file of files) {
    try {
      const packed = fs.readFileSync(file);
      const raw = gunzipSync(packed);
      const name = `${createHash('sha256').update(settings).update(packed).digest('base64url')}.gz`;
      const kept = path.join(cache, name);
      used.add(name);
      let smaller = fs.existsSync(kept) ? fs.readFileSync(kept) : undefined;
      // A build stopped while writing, or a disk that lost a block, must not reach readers.
      if (smaller && !sameBytes(smaller, raw)) smaller = undefined;
      if (!smaller) {
        const made = Buffer.from(await compress(raw));
        if (!sameBytes(made, raw)) throw new Error('the recompressed file does not unpack to the same bytes');
        smaller = made.length < packed.length ? made : packed;
        fs.writeFileSync(`${kept}.tmp`, smaller);
        fs.renameSync(`${kept}.tmp`, kept);
        shrunk.compressed++;
      }
      if (smaller.length < packed.length) fs.writeFileSync(file, smaller);
      shrunk.before += packed.length;
      shrunk.after += Math.min(smaller.length, packed.length);
    } catch (error) {
      throw new Error(`[warta] recompressing ${file} for search: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  for (const name of fs.readdirSync(cache)) {
    if (/\.gz(\.tmp)?$/.test(name) && !used.has(name)) fs.rmSync(path.join(cache, name));
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

/** `shrinkGzipFiles` with Zopfli, on a worker thread so the thread that renders pages goes on. */
export function shrinkInWorker(files: string[], cache: string): Promise<Shrunk> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-gzip-worker.ts', import.meta.url), { workerData: { files, cache } });
    let answered = false;
    worker.once('message', (shrunk: Shrunk) => {
      answered = true;
      resolve(shrunk);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`[warta] recompressing the search index (${cache}) stopped with exit code ${code}`));
    });
  });
}
