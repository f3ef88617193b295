import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import matter from 'gray-matter';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSearchFiles, pruneGzipCache, shrinkWithZopfli, zopfliOnThreads } from '../../../src/search/gzip.ts';

// A real story (Liputan ABN, Palembang, in the demo content), cut into pages of a paragraph each.
const story = fs.readFileSync(new URL('../../../content/articles/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri.md', import.meta.url), 'utf8');
const paragraphs = matter(story, {}).content.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const pages = paragraphs.map((p, i) => ({ url: `/2023/07/berita-${i}/`, content: `<html lang="id"><body><article data-pagefind-body><h1>Berita ${i}</h1><p>${esc(p)}</p></article></body></html>` }));

let root: string;

/** Writes a Pagefind bundle of `of` into `dir` with Pagefind's own Node API. */
async function writeBundle(dir: string, of: typeof pages) {
  const { index } = await pagefind.createIndex({});
  for (const page of of) await index!.addHTMLFile(page);
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
}

/** Every file under `dir`, by its path inside it. */
function filesIn(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-search-gzip-'));
  await writeBundle(path.join(root, 'written'), pages);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('recompressing the files a first search downloads', () => {
  it('lists the page table, the WebAssembly and the word-index chunks of the first bundle, and only the page table of a merged one', () => {
    const dir = path.join(root, 'written');
    const names = (first: boolean) => firstSearchFiles(dir, first).map((f) => path.relative(dir, f));
    expect(names(true).filter((n) => n.endsWith('.pf_meta'))).toHaveLength(1);
    expect(names(true)).toContain('wasm.id.pagefind');
    expect(names(true).some((n) => n.startsWith(`index${path.sep}`) && n.endsWith('.pf_index'))).toBe(true);
    expect(names(false)).toEqual(names(true).filter((n) => n.endsWith('.pf_meta')));
  });

  /** A copy of the bundle Pagefind wrote, in a folder of its own. */
  const copy = (name: string) => {
    const dir = path.join(root, name);
    fs.cpSync(path.join(root, 'written'), dir, { recursive: true });
    return dir;
  };
  const digests = (files: string[]) => new Set(files.map((f) => fs.readFileSync(f).toString('base64')));

  it('writes every listed file smaller or as it was, each holding the same bytes once gunzipped, and leaves the rest alone', async () => {
    const dir = copy('first');
    const before = filesIn(dir);
    const listed = new Set(firstSearchFiles(dir, true).map((f) => path.relative(dir, f)));
    const shrunk = await shrinkWithZopfli(firstSearchFiles(dir, true), path.join(root, 'cache-first'));
    const after = filesIn(dir);
    expect(shrunk).toMatchObject({ files: listed.size, compressed: listed.size });
    expect(shrunk.after).toBeLessThan(shrunk.before * 0.97);
    for (const [name, was] of before) {
      const now = after.get(name)!;
      if (!listed.has(name)) expect(now.equals(was), name).toBe(true);
      else {
        expect(now.length, name).toBeLessThanOrEqual(was.length);
        expect(gunzipSync(now).equals(gunzipSync(was)), name).toBe(true);
      }
    }
  });

  it('takes what it compressed from its cache when Pagefind writes the same files again', async () => {
    const cache = path.join(root, 'cache-again');
    const [one, two] = [copy('again-1'), copy('again-2')];
    await shrinkWithZopfli(firstSearchFiles(one, true), cache);
    const shrunk = await shrinkWithZopfli(firstSearchFiles(two, true), cache);
    expect(shrunk.compressed).toBe(0);
    const [first, again] = [filesIn(one), filesIn(two)];
    for (const [name, bytes] of first) expect(again.get(name)!.equals(bytes), name).toBe(true);
  });

  it('compresses only the files Pagefind changed, and keeps in its cache only what the latest write needs', async () => {
    const cache = path.join(root, 'cache-changed');
    const before = copy('before-change');
    const earlier = digests(firstSearchFiles(before, true));
    await shrinkWithZopfli(firstSearchFiles(before, true), cache);
    const dir = path.join(root, 'changed');
    await writeBundle(dir, [...pages.slice(1), { url: '/2023/07/koreksi/', content: '<html lang="id"><body><article data-pagefind-body><h1>Koreksi</h1><p>Ralat nama narasumber.</p></article></body></html>' }]);
    const files = firstSearchFiles(dir, true);
    const now = digests(files);
    const changed = [...now].filter((d) => !earlier.has(d)).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(now.size);
    const shrunk = await shrinkWithZopfli(files, cache);
    expect(shrunk.compressed).toBe(changed);
    expect(fs.readdirSync(cache)).toHaveLength(now.size);
  });

  it('does not trust a damaged cached file, and compresses that file again', async () => {
    const cache = path.join(root, 'cache-damaged');
    const [one, two] = [copy('damaged-1'), copy('damaged-2')];
    await shrinkWithZopfli(firstSearchFiles(one, true), cache);
    const victim = path.join(cache, fs.readdirSync(cache)[0]!);
    fs.writeFileSync(victim, fs.readFileSync(victim).subarray(0, 100));
    const shrunk = await shrinkWithZopfli(firstSearchFiles(two, true), cache);
    expect(shrunk.compressed).toBe(1);
    const [first, again] = [filesIn(one), filesIn(two)];
    for (const [name, bytes] of first) expect(again.get(name)!.equals(bytes), name).toBe(true);
  });

  it("drops the cached files of bundles a new split no longer has, keeping the others'", () => {
    const cache = path.join(root, 'cache-split');
    for (const bundle of ['pagefind', 'pagefind/arsip', 'pagefind/arsip-2019']) {
      fs.mkdirSync(path.join(cache, bundle), { recursive: true });
      fs.writeFileSync(path.join(cache, bundle, 'a.gz'), 'x');
    }
    pruneGzipCache(cache, [path.join(cache, 'pagefind/'), path.join(cache, 'pagefind/arsip/')]);
    expect(['pagefind', 'pagefind/arsip', 'pagefind/arsip-2019'].map((b) => fs.existsSync(path.join(cache, b, 'a.gz')))).toEqual([true, true, false]);
  });

  it('gives back each gzip in the order it was asked for when two threads share the work', async () => {
    const raws = paragraphs.map((p, i) => Buffer.from(p.repeat(i + 1)));
    const made = await zopfliOnThreads(raws, 2);
    expect(made).toHaveLength(raws.length);
    made.forEach((gz, i) => expect(gunzipSync(gz).equals(raws[i]!), `paragraph ${i}`).toBe(true));
    expect(await zopfliOnThreads([], 2)).toEqual([]);
  });

  it('fails naming the file when a listed file is not gzip', async () => {
    const dir = copy('not-gzip');
    const meta = firstSearchFiles(dir, false)[0]!;
    fs.writeFileSync(meta, 'not gzip');
    await expect(shrinkWithZopfli([meta], path.join(root, 'cache-bad'))).rejects.toThrow(`recompressing ${meta} for search`);
  });

  it("leaves a bundle Pagefind's own pagefind.js answers exactly as before", async () => {
    const original = globalThis.fetch;
    // pagefind.js fetches its files; in Node they are read from disk.
    globalThis.fetch = (async (u: string | URL) => new Response(fs.readFileSync(String(u).split('?')[0]!))) as typeof fetch;
    try {
      const answers = async (dir: string) => {
        const api = (await import(/* @vite-ignore */ `${dir}/pagefind.js?${dir}`)) as {
          options(o: Record<string, unknown>): Promise<void>;
          search(q: string): Promise<{ results: { id: string; score: number; data(): Promise<{ url: string; excerpt: string }> }[] }>;
        };
        await api.options({ basePath: `${dir}/`, baseUrl: '/' });
        const out = [];
        for (const q of ['polda', 'polda sumsel', 'media sosial']) {
          const { results } = await api.search(q);
          out.push({ q, results: await Promise.all(results.map(async (r) => ({ score: r.score, ...(await r.data()) }))) });
        }
        return out;
      };
      const dir = copy('answers');
      await shrinkWithZopfli(firstSearchFiles(dir, true), path.join(root, 'cache-answers'));
      const [was, now] = [await answers(path.join(root, 'written')), await answers(dir)];
      expect(was.map((a) => [a.q, a.results.length > 0])).toEqual([['polda', true], ['polda sumsel', true], ['media sosial', true]]);
      expect(now).toEqual(was);
    } finally {
      globalThis.fetch = original;
    }
  });
});
