import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleUpToDate, clearBundle, digestOf, indexedHtml, MANIFEST, updateBundles, writeManifest } from '../../../src/search/manifest.ts';

/** What a bundle written from `pages` by `indexer` records, files apart. */
const manifestOf = (pages: Map<string, string>, indexer: string) => ({ indexer, stories: Object.fromEntries([...pages].map(([url, html]) => [url, digestOf(html)])) });

const META = '<div class="pagefind-meta" hidden data-pagefind-ignore><span data-pagefind-filter="kategori">Politik</span><span data-pagefind-sort="tanggal[data-value]" data-value="2026-06-01T10:00:00+07:00"></span></div>';
const page = (body: string, related = 'Terkait A') =>
  `<!DOCTYPE html><html lang="id"><head><title>x</title><script src="/_astro/a.js"></script></head><body><header class="site-header" data-pagefind-ignore>Menu</header>` +
  `<article><header class="article-header" data-pagefind-body><h1>Judul</h1></header><p class="byline">Oleh Dodi</p>` +
  `<div class="article-body" id="isi-berita" data-pagefind-body><div><p>${body}</p></div></div>` +
  `<p class="reporter-code">( dod )</p><section class="related" data-pagefind-ignore>${related}</section>${META}</article></body></html>`;

describe('indexedHtml', () => {
  it('keeps the language, the headline and body, and the filters, without the chrome or related stories', () => {
    const html = indexedHtml(page('Isi berita.'), '/2026/06/a/');
    expect(html).toBe(
      '<!DOCTYPE html><html lang="id"><body><header class="article-header" data-pagefind-body><h1>Judul</h1></header><p class="byline">Oleh Dodi</p>' +
        `<div class="article-body" id="isi-berita" data-pagefind-body><div><p>Isi berita.</p></div></div>${META}</body></html>`,
    );
  });

  it('is the same when only the page around the story changes, and differs when the story does', () => {
    expect(indexedHtml(page('Isi.', 'Terkait B'), '/a/')).toBe(indexedHtml(page('Isi.', 'Terkait A'), '/a/'));
    expect(indexedHtml(page('Isi diperbarui.'), '/a/')).not.toBe(indexedHtml(page('Isi.'), '/a/'));
  });

  it('stops the build with the URL and the missing part when the article template lacks one', () => {
    expect(() => indexedHtml(page('Isi.').replace(META, ''), '/2026/06/a/')).toThrow(/\/2026\/06\/a\/: the article page has no <div class="pagefind-meta">/);
    expect(() => indexedHtml(page('Isi.').replace(' data-pagefind-body><h1>', '><h1>'), '/a/')).toThrow(/no <header class="article-header" data-pagefind-body>/);
  });
});

describe('a bundle manifest', () => {
  let dir: string;
  const pages = new Map([['/a/', 'A'], ['/b/', 'B']]);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-manifest-'));
    fs.mkdirSync(path.join(dir, 'fragment'));
    fs.writeFileSync(path.join(dir, 'pagefind.js'), 'js');
    fs.writeFileSync(path.join(dir, 'fragment', 'id_1.pf_fragment'), 'f');
    fs.mkdirSync(path.join(dir, 'arsip'));
    fs.writeFileSync(path.join(dir, 'arsip', 'pagefind.js'), 'other bundle');
    writeManifest(dir, manifestOf(pages, '1.6.0'), new Set(['arsip']));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets a bundle written from the same stories with the same Pagefind be kept', () => {
    expect(bundleUpToDate(dir, manifestOf(new Map([['/b/', 'B'], ['/a/', 'A']]), '1.6.0'))).toBe(true);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')).files).sort()).toEqual(['fragment/id_1.pf_fragment', 'pagefind.js']);
  });

  it('asks for a rewrite when a story changed, came or went, or Pagefind is another version', () => {
    expect(bundleUpToDate(dir, manifestOf(new Map([['/a/', 'A2'], ['/b/', 'B']]), '1.6.0'))).toBe(false);
    expect(bundleUpToDate(dir, manifestOf(new Map([['/a/', 'A']]), '1.6.0'))).toBe(false);
    expect(bundleUpToDate(dir, manifestOf(new Map([...pages, ['/c/', 'C']]), '1.6.0'))).toBe(false);
    expect(bundleUpToDate(dir, manifestOf(pages, '1.7.0'))).toBe(false);
  });

  it('asks for a rewrite when a file of the bundle is missing or changed size, or there is no manifest', () => {
    fs.writeFileSync(path.join(dir, 'pagefind.js'), 'changed');
    expect(bundleUpToDate(dir, manifestOf(pages, '1.6.0'))).toBe(false);
    fs.rmSync(path.join(dir, 'pagefind.js'));
    expect(bundleUpToDate(dir, manifestOf(pages, '1.6.0'))).toBe(false);
    expect(bundleUpToDate(path.join(dir, 'arsip'), manifestOf(pages, '1.6.0'))).toBe(false);
  });

  it('clears a bundle for rewriting but keeps the folders of the bundles inside it', () => {
    clearBundle(dir, new Set(['arsip']));
    expect(fs.readdirSync(dir)).toEqual(['arsip']);
    expect(fs.readFileSync(path.join(dir, 'arsip', 'pagefind.js'), 'utf8')).toBe('other bundle');
  });
});

describe('updating the bundles of a built site', () => {
  let site: string;
  const shards = [{ bundlePath: '/pagefind/', urls: ['/2026/06/a/'] }] as Parameters<typeof updateBundles>[1];
  beforeEach(() => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-site-'));
    fs.mkdirSync(path.join(site, '2026/06/a'), { recursive: true });
    fs.writeFileSync(path.join(site, '2026/06/a/index.html'), page('Isi berita.'));
  });
  afterEach(() => fs.rmSync(site, { recursive: true, force: true }));
  const writer = (calls: string[], fail = false) => async (pages: Map<string, string>, dir: string) => {
    calls.push([...pages.keys()].join());
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pagefind.js'), 'js');
    if (fail) throw new Error('the search index is wrong: 1 published article is not in the index');
  };

  it('leaves a bundle written and checked from the same stories as it is, without writing it again', async () => {
    const calls: string[] = [];
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual(['/pagefind/']);
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual([]);
    expect(calls).toEqual(['/2026/06/a/']);
  });

  it('gives a bundle that failed its check no manifest, so the next build writes it again', async () => {
    const calls: string[] = [];
    await expect(updateBundles(site, shards, '1.6.0', writer(calls, true))).rejects.toThrow(/search index is wrong/);
    expect(fs.existsSync(path.join(site, 'pagefind', MANIFEST))).toBe(false);
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual(['/pagefind/']);
    expect(calls).toHaveLength(2);
  });

  /** Gives the page the same size and time but content no build could index: reading it would stop the update. */
  const spoil = (file: string) => {
    const { mtime, size } = fs.statSync(file);
    fs.writeFileSync(file, 'x'.repeat(size));
    fs.utimesSync(file, mtime, mtime);
  };
  const pageA = () => path.join(site, '2026/06/a/index.html');
  // A whole second: a time set through utimes has less precision than the file system's own.
  const settle = (file: string, ms = Math.floor(Date.now() / 1000) * 1000 - 60_000) => fs.utimesSync(file, new Date(ms), new Date(ms));

  it('does not read a page again while it has the time and size it had when read, and reads it once written again', async () => {
    const calls: string[] = [];
    settle(pageA());
    await updateBundles(site, shards, '1.6.0', writer(calls));
    spoil(pageA());
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual([]);
    settle(pageA(), fs.statSync(pageA()).mtimeMs + 1000);
    await expect(updateBundles(site, shards, '1.6.0', writer(calls))).rejects.toThrow(/has no <html lang>/);
    expect(calls).toHaveLength(1);
  });

  it('reads every page again for another indexer', async () => {
    const calls: string[] = [];
    settle(pageA());
    await updateBundles(site, shards, '1.6.0', writer(calls));
    spoil(pageA());
    await expect(updateBundles(site, shards, '1.6.0, other code', writer(calls))).rejects.toThrow(/has no <html lang>/);
  });

  it('records the new times of pages written again with the same text, keeping the bundle, so the next build reads none', async () => {
    const calls: string[] = [];
    settle(pageA());
    await updateBundles(site, shards, '1.6.0', writer(calls));
    fs.writeFileSync(pageA(), fs.readFileSync(pageA(), 'utf8').replace('Terkait A', 'Terkait B'));
    settle(pageA(), Math.floor(Date.now() / 1000) * 1000);
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual([]);
    spoil(pageA());
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('rewrites a bundle when an edited page is among unread ones, reading them all for Pagefind', async () => {
    const calls: string[] = [];
    fs.mkdirSync(path.join(site, '2026/06/b'), { recursive: true });
    fs.writeFileSync(path.join(site, '2026/06/b/index.html'), page('Isi kedua.'));
    const two = [{ bundlePath: '/pagefind/', urls: ['/2026/06/a/', '/2026/06/b/'] }] as Parameters<typeof updateBundles>[1];
    const seen: Map<string, string>[] = [];
    const keep = async (pages: Map<string, string>, dir: string) => {
      seen.push(pages);
      await writer(calls)(pages, dir);
    };
    await updateBundles(site, two, '1.6.0', keep);
    fs.writeFileSync(path.join(site, '2026/06/b/index.html'), page('Isi kedua, diperbaiki.'));
    expect((await updateBundles(site, two, '1.6.0', keep)).rewritten).toEqual(['/pagefind/']);
    expect([...seen[1]!.keys()]).toEqual(['/2026/06/a/', '/2026/06/b/']);
    expect(seen[1]!.get('/2026/06/a/')).toContain('Isi berita.');
    expect(seen[1]!.get('/2026/06/b/')).toContain('diperbaiki');
  });

  /** A bundle written while the pages rendered, into a folder of its own, from `html` as the page of /2026/06/a/. */
  const preparedFrom = (html: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-prepared-'));
    fs.writeFileSync(path.join(dir, 'pagefind.js'), 'prepared');
    fs.mkdirSync(path.join(dir, 'fragment'));
    fs.writeFileSync(path.join(dir, 'fragment', 'id_1.pf_fragment'), 'f');
    return new Map([['/pagefind/', { stories: { '/2026/06/a/': digestOf(indexedHtml(html, '/2026/06/a/')) }, dir }]]);
  };

  it('moves a bundle written while the pages rendered into place when the written pages hold the text it was written from', async () => {
    const calls: string[] = [];
    const prepared = preparedFrom(page('Isi berita.', 'Terkait lain'));
    expect(await updateBundles(site, shards, '1.6.0', writer(calls), { prepared })).toEqual({ rewritten: ['/pagefind/'], moved: ['/pagefind/'] });
    expect(calls).toEqual([]);
    expect(fs.readFileSync(path.join(site, 'pagefind', 'pagefind.js'), 'utf8')).toBe('prepared');
    expect(fs.existsSync(prepared.get('/pagefind/')!.dir)).toBe(false);
    // Its manifest is the one a bundle written after the last page would have: the next build keeps it.
    expect((await updateBundles(site, shards, '1.6.0', writer(calls))).rewritten).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('replaces the files of the bundle in place with the prepared ones, keeping the archive bundles inside it', async () => {
    fs.mkdirSync(path.join(site, 'pagefind', 'arsip'), { recursive: true });
    fs.writeFileSync(path.join(site, 'pagefind', 'arsip', 'pagefind-entry.json'), 'archive');
    // An archive bundle up to date (of no stories, for brevity), so this update leaves it alone.
    writeManifest(path.join(site, 'pagefind', 'arsip'), { indexer: '1.6.0', stories: {} }, new Set());
    fs.mkdirSync(path.join(site, 'pagefind', 'fragment'));
    fs.writeFileSync(path.join(site, 'pagefind', 'fragment', 'id_old.pf_fragment'), 'old');
    fs.writeFileSync(path.join(site, 'pagefind', 'pagefind.old.pf_meta'), 'old');
    const prepared = preparedFrom(page('Isi berita.'));
    const withArchive = [...shards, { bundlePath: '/pagefind/arsip/', urls: [] }] as Parameters<typeof updateBundles>[1];
    expect(await updateBundles(site, withArchive, '1.6.0', writer([]), { prepared })).toEqual({ rewritten: ['/pagefind/'], moved: ['/pagefind/'] });
    expect(fs.globSync('**/*', { cwd: path.join(site, 'pagefind') }).sort()).toEqual(
      ['arsip', 'arsip/pagefind-entry.json', `arsip/${MANIFEST}`, 'fragment', 'fragment/id_1.pf_fragment', 'pagefind.js', MANIFEST].sort(),
    );
  });

  it('checks the other bundles while one is still being written, and writes none of them before that one is done', async () => {
    const events: string[] = [];
    const archived = page('Isi berita lama.');
    const unwritten = { get: (url: string) => (url === '/2024/01/b/' ? (events.push(`read ${url}`), archived) : undefined) };
    const withArchive = [...shards, { bundlePath: '/pagefind/arsip/', urls: ['/2024/01/b/'] }] as Parameters<typeof updateBundles>[1];
    let settle!: (bundles: ReturnType<typeof preparedFrom>) => void;
    const prepared = new Promise<ReturnType<typeof preparedFrom>>((resolve) => (settle = resolve));
    const write = writer(events);
    const updating = updateBundles(site, withArchive, '1.6.0', write, { unwritten, prepared, writing: ['/pagefind/'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(['read /2024/01/b/']);
    events.push('written');
    settle(preparedFrom(page('Isi berita.')));
    expect(await updating).toEqual({ rewritten: ['/pagefind/arsip/', '/pagefind/'], moved: ['/pagefind/'] });
    expect(events).toEqual(['read /2024/01/b/', 'written', '/2024/01/b/']);
    expect(fs.readFileSync(path.join(site, 'pagefind', 'pagefind.js'), 'utf8')).toBe('prepared');
    expect(fs.readFileSync(path.join(site, 'pagefind', 'arsip', 'pagefind.js'), 'utf8')).toBe('js');
  });

  it('takes the recorded text of stories rendered on request while their source is the one recorded, and reads them when it changes', async () => {
    const archive = [{ bundlePath: '/pagefind/', urls: ['/2026/06/a/', '/2024/01/b/'] }] as Parameters<typeof updateBundles>[1];
    const reads: string[] = [];
    const onRequest = (source: string, body = 'Isi berita lama.') => ({
      get: (url: string) => (url === '/2024/01/b/' ? (reads.push(url), page(body)) : undefined),
      sourceDigest: () => source,
    });
    const calls: string[] = [];
    expect((await updateBundles(site, archive, '1.6.0', writer(calls), { unwritten: onRequest('s1') })).rewritten).toEqual(['/pagefind/']);
    expect(reads).toEqual(['/2024/01/b/']);
    // The same source: not read, and the bundle kept.
    expect((await updateBundles(site, archive, '1.6.0', writer(calls), { unwritten: onRequest('s1', 'Tidak terbaca') })).rewritten).toEqual([]);
    expect(reads).toEqual(['/2024/01/b/']);
    // Another source with the same text: read, kept, and the new source recorded, so the next build reads nothing.
    expect((await updateBundles(site, archive, '1.6.0', writer(calls), { unwritten: onRequest('s2') })).rewritten).toEqual([]);
    expect((await updateBundles(site, archive, '1.6.0', writer(calls), { unwritten: onRequest('s2', 'Tidak terbaca') })).rewritten).toEqual([]);
    expect(reads).toEqual(['/2024/01/b/', '/2024/01/b/']);
    // Another source with another text: read and written again.
    expect((await updateBundles(site, archive, '1.6.0', writer(calls), { unwritten: onRequest('s3', 'Isi diperbaiki.') })).rewritten).toEqual(['/pagefind/']);
    expect(calls).toEqual(['/2026/06/a/,/2024/01/b/', '/2026/06/a/,/2024/01/b/']);
    // Another indexer reads it whatever the source.
    await updateBundles(site, archive, '1.7.0', writer(calls), { unwritten: onRequest('s3', 'Isi diperbaiki.') });
    expect(reads).toHaveLength(4);
  });

  it('writes a bundle again with the text of its stories rendered on request when a written page changed and their source did not', async () => {
    const archive = [{ bundlePath: '/pagefind/', urls: ['/2026/06/a/', '/2024/01/b/'] }] as Parameters<typeof updateBundles>[1];
    const unwritten = { get: (url: string) => (url === '/2024/01/b/' ? page('Isi berita lama.') : undefined), sourceDigest: () => 's1' };
    const written: Map<string, string>[] = [];
    const write = async (pages: Map<string, string>, dir: string) => {
      written.push(pages);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'pagefind.js'), 'js');
    };
    await updateBundles(site, archive, '1.6.0', write, { unwritten });
    fs.writeFileSync(pageA(), page('Isi berita diperbaiki.'));
    expect((await updateBundles(site, archive, '1.6.0', write, { unwritten })).rewritten).toEqual(['/pagefind/']);
    expect(written[1]!.get('/2024/01/b/')).toBe(indexedHtml(page('Isi berita lama.'), '/2024/01/b/'));
    expect(written[1]!.get('/2026/06/a/')).toContain('Isi berita diperbaiki.');
  });

  it('writes the bundle from the written pages when they differ from what the prepared bundle was written from', async () => {
    const calls: string[] = [];
    const prepared = preparedFrom(page('Isi sebelum diperbaiki.'));
    expect(await updateBundles(site, shards, '1.6.0', writer(calls), { prepared })).toEqual({ rewritten: ['/pagefind/'], moved: [] });
    expect(calls).toEqual(['/2026/06/a/']);
    expect(fs.readFileSync(path.join(site, 'pagefind', 'pagefind.js'), 'utf8')).toBe('js');
    fs.rmSync(prepared.get('/pagefind/')!.dir, { recursive: true, force: true });
  });
});
