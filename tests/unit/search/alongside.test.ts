import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearch } from '../../../src/search/pagefind.ts';
import { searchAlongside, storiesFirst } from '../../../src/search/alongside.ts';
import { digestOf, indexedHtml } from '../../../src/search/manifest.ts';
import type { SearchShard } from '../../../src/search/shards.ts';

const META = '<div class="pagefind-meta" hidden data-pagefind-ignore><span data-pagefind-filter="kategori">Politik</span></div>';
const story = (text: string) =>
  `<!DOCTYPE html><html lang="id"><body><nav>Menu</nav><header class="article-header" data-pagefind-body><h1>${text}</h1></header>` +
  `<div class="article-body" data-pagefind-body><p>Isi ${text}.</p></div><p class="reporter-code">( dod )</p><aside>Terkait</aside>${META}</body></html>`;

const PAGES: Record<string, string> = {
  '/2026/06/a/': story('A'),
  '/2026/06/b/': story('B'),
  '/2026/07/c/': story('C'),
  '/tag/banjir/': '<!DOCTYPE html><html lang="id"><body>Tag</body></html>',
  '/kategori/politik/': '<!DOCTYPE html><html lang="id"><body>Kategori</body></html>',
};
const SHARDS: SearchShard[] = [
  { bundlePath: '/pagefind/', urls: ['/2026/07/c/'] },
  { bundlePath: '/pagefind/arsip/', urls: ['/2026/06/b/', '/2026/06/a/'] },
];

/** Astro's prerenderer as the wrapper sees it: paths in route order, each render answered with the page and its incremental-build metadata. */
function astroPrerenderer(order: string[], pages = PAGES, status = (_: string) => 200): AstroPrerenderer & { rendered: string[] } {
  const rendered: string[] = [];
  return {
    name: 'astro:default',
    rendered,
    async getStaticPaths() {
      return order.map((pathname) => ({ pathname: pathname.replace(/\/$/, ''), route: { route: pathname.startsWith('/20') ? '/[...path]' : pathname } as never }));
    },
    async render(request) {
      const pathname = new URL(request.url).pathname;
      rendered.push(pathname);
      return { response: new Response(pages[pathname] ?? '', { status: status(pathname) }), metadata: { page: pathname } as never };
    },
  };
}

/** Renders every path as Astro's build does: the wrapper's list, in its order, one page at a time. */
async function renderAll(prerenderer: AstroPrerenderer, cached: string[] = []) {
  const results = [];
  for (const { pathname } of await prerenderer.getStaticPaths()) {
    // A page Astro's incremental build keeps from the last build is listed but not rendered.
    if (cached.includes(`${pathname}/`)) continue;
    results.push(await prerenderer.render(new Request(`http://localhost${pathname}/`), { routeData: {} as never, collectMetadata: true }));
  }
  return results;
}

describe('indexing search bundles while the pages render', () => {
  let scratch: string;
  /** Each bundle written: which bundle, the staged pages it was written from (URL → HTML), and how many pages had rendered by then. */
  let writes: { bundle: string; staged: Record<string, string>; renderedBefore: number }[];
  let warnings: string[];
  let astro: ReturnType<typeof astroPrerenderer>;
  const write = async (staged: { dir: string }, dir: string, shard: SearchShard) => {
    const files = fs.readdirSync(staged.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const pages = Object.fromEntries(files.map((f) => ['/' + path.relative(staged.dir, f.parentPath) + '/', fs.readFileSync(path.join(f.parentPath, f.name), 'utf8')]));
    writes.push({ bundle: shard.bundlePath, staged: pages, renderedBefore: astro.rendered.length });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pagefind-entry.json'), shard.bundlePath);
  };
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-alongside-'));
    writes = [];
    warnings = [];
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('renders the story pages first, the first-search bundle\'s first, and writes each bundle from the indexed part of its pages once its last story is rendered', async () => {
    astro = astroPrerenderer(['/tag/banjir/', '/2026/06/a/', '/kategori/politik/', '/2026/06/b/', '/2026/07/c/']);
    const alongside = searchAlongside(SHARDS, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m) });
    await renderAll(alongside.prerenderer(astro));
    expect(astro.rendered).toEqual(['/2026/07/c/', '/2026/06/a/', '/2026/06/b/', '/tag/banjir/', '/kategori/politik/']);
    const prepared = await alongside.settled();

    expect(writes.map((w) => [w.bundle, Object.keys(w.staged).sort()])).toEqual([
      ['/pagefind/', ['/2026/07/c/']],
      ['/pagefind/arsip/', ['/2026/06/a/', '/2026/06/b/']],
    ]);
    expect(writes[1]!.staged['/2026/06/a/']).toBe(indexedHtml(PAGES['/2026/06/a/']!, '/2026/06/a/'));
    // Pagefind started on the first-search bundle before the archive's stories and the listings were rendered.
    expect(writes[0]!.renderedBefore).toBe(1);
    // The archive was handed to Pagefind before the listings rendered.
    expect(prepared.get('/pagefind/arsip/')).toEqual({
      stories: { '/2026/06/a/': digestOf(indexedHtml(story('A'), '/2026/06/a/')), '/2026/06/b/': digestOf(indexedHtml(story('B'), '/2026/06/b/')) },
      dir: path.join(scratch, 'search', '1'),
      renderedAfter: 2,
    });
    expect(prepared.get('/pagefind/')!.renderedAfter).toBe(4);
    expect(fs.readFileSync(path.join(prepared.get('/pagefind/arsip/')!.dir, 'pagefind-entry.json'), 'utf8')).toBe('/pagefind/arsip/');
    alongside.dispose();
    expect(fs.existsSync(path.join(scratch, 'search'))).toBe(false);
  });

  it('after the first-search bundle, renders the largest archive bundle\'s stories first', async () => {
    const shards: SearchShard[] = [
      { bundlePath: '/pagefind/', urls: ['/2026/07/c/'] },
      { bundlePath: '/pagefind/arsip-2025/', urls: ['/2025/03/d/'] },
      { bundlePath: '/pagefind/arsip-2026/', urls: ['/2026/06/b/', '/2026/06/a/'] },
    ];
    astro = astroPrerenderer(['/2025/03/d/', '/2026/06/a/', '/tag/banjir/', '/2026/06/b/', '/2026/07/c/'], { ...PAGES, '/2025/03/d/': story('D') });
    const alongside = searchAlongside(shards, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m) });
    await renderAll(alongside.prerenderer(astro));
    expect(astro.rendered).toEqual(['/2026/07/c/', '/2026/06/a/', '/2026/06/b/', '/2025/03/d/', '/tag/banjir/']);
    await alongside.settled();
    expect(writes.map((w) => w.bundle)).toEqual(['/pagefind/', '/pagefind/arsip-2026/', '/pagefind/arsip-2025/']);
    alongside.dispose();
  });

  it('stages the archived stories from the pages of their search text, rendered right after the first bundle, and writes their bundle while the listings render', async () => {
    const archived = (url: string, text: string) =>
      `<warta-archived data-url="${url}"><header class="article-header" data-pagefind-body><h1>${text}</h1></header><div class="article-body" data-pagefind-body><p>Isi ${text}.</p></div><p class="reporter-code"></p>${META}</warta-archived>`;
    const searchText = `<html lang="id"><head><meta name="robots" content="noindex"></head><body>${archived('/2024/01/x/', 'X')}${archived('/2024/01/y/', 'Y')}</body></html>`;
    const shards: SearchShard[] = [
      { bundlePath: '/pagefind/', urls: ['/2026/07/c/'] },
      { bundlePath: '/pagefind/arsip/', urls: ['/2026/06/b/', '/2024/01/y/', '/2024/01/x/'] },
    ];
    astro = astroPrerenderer(['/tag/banjir/', '/2026/06/b/', '/_arsip-cari/1/', '/kategori/politik/', '/2026/07/c/'], { ...PAGES, '/_arsip-cari/1/': searchText });
    const alongside = searchAlongside(shards, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m) });
    await renderAll(alongside.prerenderer(astro));
    expect(astro.rendered).toEqual(['/2026/07/c/', '/_arsip-cari/1/', '/2026/06/b/', '/tag/banjir/', '/kategori/politik/']);
    const prepared = await alongside.settled();
    expect(writes.map((w) => [w.bundle, Object.keys(w.staged).sort(), w.renderedBefore])).toEqual([
      ['/pagefind/', ['/2026/07/c/'], 1],
      ['/pagefind/arsip/', ['/2024/01/x/', '/2024/01/y/', '/2026/06/b/'], 3],
    ]);
    expect(writes[1]!.staged['/2024/01/x/']).toBe(indexedHtml(`<html lang="id"><body>${archived('/2024/01/x/', 'X')}</body></html>`, '/2024/01/x/'));
    expect(writes[1]!.staged['/2024/01/x/']).toContain('Isi X.');
    expect(prepared.get('/pagefind/arsip/')!.renderedAfter).toBe(2);
    expect(warnings).toEqual([]);
    alongside.dispose();
  });

  it("returns Astro's result untouched, the incremental build's metadata included", async () => {
    astro = astroPrerenderer(['/2026/07/c/', '/tag/banjir/']);
    const alongside = searchAlongside(SHARDS, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m) });
    const [first, second] = (await renderAll(alongside.prerenderer(astro))) as { response: Response; metadata: unknown }[];
    expect(first!.metadata).toEqual({ page: '/2026/07/c/' });
    expect(await first!.response.text()).toBe(PAGES['/2026/07/c/']);
    expect(await second!.response.text()).toBe(PAGES['/tag/banjir/']);
    await alongside.settled();
    alongside.dispose();
  });

  it('moves a story path listed by two routes only with the route Astro renders it by, ahead of the other', () => {
    // Astro renders a path by the first route listing it (route priority) and skips it for the next.
    const paths = [{ pathname: '/tag/x', route: 'tag' }, { pathname: '/tentang', route: 'page' }, { pathname: '/2026/06/a', route: 'story' }, { pathname: '/tentang/', route: 'story' }];
    const stories = new Set(['/2026/06/a', '/tentang']);
    expect(storiesFirst(paths, (p) => (stories.has(p.replace(/\/$/, '')) ? 0 : undefined)).map((p) => `${p.route} ${p.pathname}`)).toEqual([
      'page /tentang',
      'story /2026/06/a',
      'tag /tag/x',
      'story /tentang/',
    ]);
  });

  it('writes no bundle the site already holds written from the same text (every page rendered again, no story changed)', async () => {
    astro = astroPrerenderer(['/2026/06/a/', '/2026/06/b/', '/2026/07/c/']);
    const asked: [string, string[]][] = [];
    const alongside = searchAlongside(SHARDS, {
      scratch: path.join(scratch, 'search'),
      write,
      warn: (m) => warnings.push(m),
      upToDate: (shard, stories) => {
        asked.push([shard.bundlePath, Object.keys(stories).sort()]);
        return shard.bundlePath === '/pagefind/arsip/';
      },
    });
    await renderAll(alongside.prerenderer(astro));
    expect(asked).toEqual([['/pagefind/', ['/2026/07/c/']], ['/pagefind/arsip/', ['/2026/06/a/', '/2026/06/b/']]]);
    expect([...(await alongside.settled()).keys()]).toEqual(['/pagefind/']);
    expect(writes.map((w) => w.bundle)).toEqual(['/pagefind/']);
    alongside.dispose();
  });

  describe('in a warm build, which renders only the stories a change touched', () => {
    let site: string;
    const put = (url: string, html: string) => {
      fs.mkdirSync(path.join(site, url), { recursive: true });
      fs.writeFileSync(path.join(site, url, 'index.html'), html);
    };
    /** What the last build's manifest of the archive bundle recorded: each page's digest, time and size. */
    const recordOf = (urls: string[]) => ({
      stories: Object.fromEntries(urls.map((u) => [u, digestOf(indexedHtml(fs.readFileSync(path.join(site, u, 'index.html'), 'utf8'), u))])),
      pages: Object.fromEntries(urls.map((u) => {
        const stat = fs.statSync(path.join(site, u, 'index.html'));
        return [u, [stat.mtimeMs, stat.size] as [number, number]];
      })),
    });
    /** The wrapper as a warm build gets it: where the pages are, and what else the case needs. */
    const alongsideIn = (options: Partial<Parameters<typeof searchAlongside>[1]> = {}) =>
      searchAlongside(SHARDS, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m), site, ...options });
    beforeEach(() => {
      site = path.join(scratch, 'site');
      for (const url of ['/2026/06/a/', '/2026/06/b/', '/2026/07/c/']) {
        put(url, PAGES[url]!);
        // A whole second: a time set through utimes has less precision than the file system's own.
        fs.utimesSync(path.join(site, url, 'index.html'), new Date(1_780_000_000_000), new Date(1_780_000_000_000));
      }
    });

    it('completes a bundle from the pages on disk once the stories are done, and writes it while the listings render', async () => {
      const record = recordOf(['/2026/06/a/', '/2026/06/b/']);
      const edited = story('A, diperbaiki');
      astro = astroPrerenderer(['/2026/06/a/', '/2026/06/b/', '/2026/07/c/', '/tag/banjir/', '/kategori/politik/'], { ...PAGES, '/2026/06/a/': edited });
      const alongside = alongsideIn({ recorded: (shard) => (shard.bundlePath === '/pagefind/arsip/' ? record : undefined) });
      await renderAll(alongside.prerenderer(astro), ['/2026/06/b/', '/2026/07/c/']);
      expect(astro.rendered).toEqual(['/2026/06/a/', '/tag/banjir/', '/kategori/politik/']);
      const prepared = await alongside.settled();
      expect(writes.map((w) => w.bundle)).toEqual(['/pagefind/arsip/']);
      expect(writes[0]!.staged).toEqual({ '/2026/06/a/': indexedHtml(edited, '/2026/06/a/'), '/2026/06/b/': indexedHtml(PAGES['/2026/06/b/']!, '/2026/06/b/') });
      // Handed over before the listings rendered.
      expect(prepared.get('/pagefind/arsip/')!.renderedAfter).toBe(2);
      // The recent bundle had no story rendered: it is left to the step after the last page, which finds it unchanged.
      expect(prepared.has('/pagefind/')).toBe(false);
      alongside.dispose();
    });

    it('reads no page for a bundle whose text did not change, and writes nothing', async () => {
      const record = recordOf(['/2026/06/a/', '/2026/06/b/']);
      // Same time and size, content no build could index: reading it would leave the bundle unwritten here, silently.
      const file = path.join(site, '2026/06/b/index.html');
      const { mtime, size } = fs.statSync(file);
      fs.writeFileSync(file, 'x'.repeat(size));
      fs.utimesSync(file, mtime, mtime);
      astro = astroPrerenderer(['/2026/06/a/', '/2026/06/b/', '/2026/07/c/', '/tag/banjir/']);
      const asked: Record<string, string>[] = [];
      const alongside = alongsideIn({
        recorded: () => record,
        upToDate: (_, stories) => (asked.push(stories), JSON.stringify(stories) === JSON.stringify({ ...record.stories, ...stories }) && Object.keys(stories).length === 2),
      });
      await renderAll(alongside.prerenderer(astro), ['/2026/06/b/', '/2026/07/c/']);
      expect(asked).toEqual([{ '/2026/06/a/': record.stories['/2026/06/a/'], '/2026/06/b/': record.stories['/2026/06/b/'] }]);
      expect((await alongside.settled()).size).toBe(0);
      expect(writes).toEqual([]);
      alongside.dispose();
    });

    it('leaves a bundle with a story Astro does not prerender (rendered on request, its old page still on disk) to the step after the last page', async () => {
      astro = astroPrerenderer(['/2026/06/a/', '/2026/07/c/', '/tag/banjir/']);
      const alongside = alongsideIn();
      await renderAll(alongside.prerenderer(astro), ['/2026/07/c/']);
      expect((await alongside.settled()).size).toBe(0);
      expect(writes).toEqual([]);
      alongside.dispose();
    });

    it('leaves a bundle whose kept page search cannot read, or is missing, to the step after the last page, without stopping the render', async () => {
      for (const spoil of [() => fs.writeFileSync(path.join(site, '2026/06/b/index.html'), 'broken'), () => fs.rmSync(path.join(site, '2026/06/b'), { recursive: true })]) {
        spoil();
        astro = astroPrerenderer(['/2026/06/a/', '/2026/06/b/', '/tag/banjir/']);
        const alongside = alongsideIn();
        await expect(renderAll(alongside.prerenderer(astro), ['/2026/06/b/'])).resolves.toHaveLength(2);
        expect((await alongside.settled()).size).toBe(0);
        alongside.dispose();
      }
      expect(writes).toEqual([]);
    });

    it('reads every kept page when the times differ from the manifest, and ignores a story rendered after the first other page', async () => {
      const record = recordOf(['/2026/06/a/', '/2026/06/b/']);
      fs.utimesSync(path.join(site, '2026/06/b/index.html'), new Date(1_780_000_100_000), new Date(1_780_000_100_000));
      astro = astroPrerenderer(['/2026/06/a/', '/tag/banjir/', '/2026/06/b/']);
      const alongside = alongsideIn({
        recorded: () => record,
      });
      const wrapped = alongside.prerenderer(astro);
      await wrapped.getStaticPaths();
      // Rendered in Astro's own order, not the one given: an Astro that no longer follows the list.
      for (const pathname of ['/2026/06/a', '/tag/banjir', '/2026/06/b']) await wrapped.render(new Request(`http://localhost${pathname}/`), { routeData: {} as never });
      await alongside.settled();
      // b was read from disk (its time no longer the recorded one); its later render changed nothing.
      expect(writes.map((w) => [w.bundle, Object.keys(w.staged).sort()])).toEqual([['/pagefind/arsip/', ['/2026/06/a/', '/2026/06/b/']]]);
      alongside.dispose();
    });
  });

  it('prepares no bundle with a story that was not rendered (a warm build), answered an error, or has no part search reads', async () => {
    const broken = { ...PAGES, '/2026/06/b/': '<!DOCTYPE html><html lang="id"><body>No story here</body></html>' };
    for (const [order, pages, status] of [
      [['/2026/06/a/', '/tag/banjir/'], PAGES, () => 200],
      [['/2026/06/a/', '/2026/06/b/'], PAGES, (p: string) => (p === '/2026/06/b/' ? 500 : 200)],
      [['/2026/06/a/', '/2026/06/b/'], broken, () => 200],
    ] as const) {
      astro = astroPrerenderer([...order], pages, status);
      const alongside = searchAlongside(SHARDS, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m) });
      await renderAll(alongside.prerenderer(astro));
      expect((await alongside.settled()).size).toBe(0);
      alongside.dispose();
    }
    expect(writes).toEqual([]);
  });

  it("leaves a bundle Pagefind failed to write alongside to the write after the last page, and says why", async () => {
    astro = astroPrerenderer(['/2026/07/c/', '/tag/banjir/']);
    const alongside = searchAlongside(SHARDS, {
      scratch: path.join(scratch, 'search'),
      write: async () => {
        throw new Error('[warta:pagefind] writeFiles failed');
      },
      warn: (m) => warnings.push(m),
    });
    await expect(renderAll(alongside.prerenderer(astro))).resolves.toHaveLength(2);
    expect((await alongside.settled()).size).toBe(0);
    expect(warnings).toEqual(['/pagefind/ could not be written while pages rendered, so it is written after the last page: [warta:pagefind] writeFiles failed']);
    alongside.dispose();
  });

  it('takes a bare Response as well, and a story whose URL needs percent-encoding; a malformed path is not a story', async () => {
    const shards: SearchShard[] = [{ bundlePath: '/pagefind/', urls: ['/2026/07/kopi-ü/'] }];
    const pages: Record<string, string> = { '/2026/07/kopi-%C3%BC/': story('Kopi'), '/promo-50%/': 'Promo' };
    const bare: AstroPrerenderer = {
      name: 'astro:default',
      getStaticPaths: async () => [{ pathname: '/promo-50%', route: {} as never }, { pathname: '/2026/07/kopi-ü', route: {} as never }],
      render: async (request) => new Response(pages[new URL(request.url).pathname] ?? '', { status: 200 }),
    };
    const alongside = searchAlongside(shards, { scratch: path.join(scratch, 'search'), write, warn: (m) => warnings.push(m) });
    const wrapped = alongside.prerenderer(bare);
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual(['/2026/07/kopi-ü', '/promo-50%']);
    for (const url of ['http://localhost/2026/07/kopi-%C3%BC/', 'http://localhost/promo-50%/']) {
      const result = await wrapped.render(new Request(url), { routeData: {} as never });
      expect(result).toBeInstanceOf(Response);
    }
    expect([...(await alongside.settled()).keys()]).toEqual(['/pagefind/']);
    expect(Object.keys(writes[0]!.staged)).toEqual(['/2026/07/kopi-ü/']);
    alongside.dispose();
  });
});

describe('the setting WARTA_SEARCH_ALONGSIDE', () => {
  const content = { site: { locale: 'id' } } as Parameters<typeof createSearch>[0];
  const published = [{ url: '/2026/06/a/', sortKey: '2026-06-01T10:00:00+07:00' }];
  const logger = { warn: () => {} } as never;

  it('writes bundles alongside the render by default, and after the last page with 0', () => {
    const on = createSearch(content, published, {});
    expect(on.vitePlugins.map((p) => p.name)).toEqual(['warta:prerender-entry']);
    expect(on.prerenderer(logger)).toBeTypeOf('function');
    const off = createSearch(content, published, { WARTA_SEARCH_ALONGSIDE: '0' });
    expect(off.vitePlugins).toEqual([]);
    expect(off.prerenderer(logger)).toBeUndefined();
  });

  it('refuses any other value, naming both choices', () => {
    expect(() => createSearch(content, published, { WARTA_SEARCH_ALONGSIDE: 'yes' })).toThrow(/WARTA_SEARCH_ALONGSIDE must be 1 \(write search bundles while pages render, the default\) or 0 \(after the last page\), got "yes"/);
  });
});
