import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it, vi } from 'vitest';
import { markdownThreads, parallelUnified, RenderPool } from '../../../src/markdown/parallel-processor.ts';
import { createMarkdownPlugins, pluginOptionsFromData, type MarkdownPluginData } from '../../../src/markdown/plugins.ts';

const data: MarkdownPluginData = {
  siteUrl: 'https://abnnews.id',
  bacaJugaLabel: 'Baca juga:',
  datelineLabel: 'Liputan ABN',
  datelines: { palembang: 'PALEMBANG', 'ogan-ilir': 'OGAN ILIR' },
  articles: [['banjir-palembang-2025', 'Banjir Rendam 300 Rumah', '/2025/01/banjir-palembang-2025/']],
};

/** Varied articles: quotes for smartypants, a Baca-juga box, links, images, both datelines and none. */
const articles = Array.from({ length: 24 }, (_, i) => ({
  body: [
    `"Kami siaga," kata petugas ke-${i} pukul 10:30 WIB -- air naik ${i * 3} cm.`,
    '',
    i % 3 === 0 ? '::baca-juga{id="banjir-palembang-2025"}' : `Paragraf ${'kata '.repeat(i * 20)}`,
    '',
    `Sumber: [BMKG](https://www.bmkg.go.id) dan ![foto](https://cdn.example.id/${i}.jpg#w=800&h=450 "Foto ${i}")`,
  ].join('\n'),
  frontmatter: { title: `Berita ${i}`, location: ['palembang', 'ogan-ilir', 'lain'][i % 3], date: new Date(Date.UTC(2025, 0, 1 + i)) },
}));
const fileURL = (i: number) => new URL(`file:///site/content/articles/2025/01/berita-${i}.md`);
const shared = { syntaxHighlight: false } as const;

/** A renderer that hands every entry to the threads from the first. */
async function threaded(workers = 2) {
  const processor = parallelUnified(data);
  processor.useWorkers(workers, 0);
  return processor.createRenderer(shared);
}

describe('parallelUnified', () => {
  it('renders the same HTML and frontmatter on worker threads as unified() on the main thread', async () => {
    const local = await unified(createMarkdownPlugins(pluginOptionsFromData(data))).createRenderer(shared);
    const pool = await threaded(2);
    expect(pool).toBeInstanceOf(RenderPool);
    const all = await Promise.all(articles.map((a, i) => pool.render(a.body, { frontmatter: a.frontmatter, fileURL: fileURL(i) })));
    for (const [i, a] of articles.entries()) {
      const expected = await local.render(a.body, { frontmatter: structuredClone(a.frontmatter), fileURL: fileURL(i) });
      expect(all[i]).toEqual(expected);
    }
    // Sanity: the comparison covered the plugins' visible output.
    expect(all[0]!.code).toContain('<span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> “Kami siaga,”');
    expect(all[0]!.code).toContain('<a href="/2025/01/banjir-palembang-2025/">Banjir Rendam 300 Rumah</a>');
    expect(all[0]!.metadata.frontmatter).toMatchObject({ readingTime: 1, derivedSummary: expect.stringContaining('Kami siaga') });
  });

  it('spreads concurrent renders over every thread and keeps none on the main thread', async () => {
    const pool = (await threaded(2)) as RenderPool;
    await Promise.all(articles.map((a, i) => pool.render(a.body, { frontmatter: a.frontmatter, fileURL: fileURL(i) })));
    expect(pool.stats.threads).toBe(2);
    expect(pool.stats.perThread.reduce((a, b) => a + b, 0)).toBe(articles.length);
    expect(Math.min(...pool.stats.perThread)).toBeGreaterThan(0);
    expect(pool.stats.local).toBe(0);
  });

  it('fails an unknown Baca juga id with the message the main thread gives', async () => {
    const pool = await threaded(2);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(pool.render('::baca-juga{id="banjir-palembang-2024"}', { frontmatter: {}, fileURL: fileURL(0) })).rejects.toThrow(
      'Baca juga: unknown article id "banjir-palembang-2024". Did you mean "banjir-palembang-2025"?',
    );
    quiet.mockRestore();
  });

  it('renders an entry whose frontmatter cannot cross to a thread on the main thread instead', async () => {
    const pool = (await threaded(2)) as RenderPool;
    const result = await pool.render('Isi berita.', { frontmatter: { location: 'palembang', odd: () => 1 }, fileURL: fileURL(1) });
    expect(result.code).toBe('<p><span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> Isi berita.</p>');
    expect(pool.stats.local).toBe(1);
  });

  it('stays on the main thread when another integration has added a plugin', async () => {
    const processor = parallelUnified(data);
    processor.useWorkers(2, 0);
    const marker = () => (tree: { children: unknown[] }) => {
      tree.children.push({ type: 'html', value: '<!-- extra -->' });
    };
    processor.options.remarkPlugins.push(marker);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const renderer = await processor.createRenderer(shared);
    expect(renderer).not.toBeInstanceOf(RenderPool);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('another integration changed the Markdown plugins'));
    warn.mockRestore();
    expect((await renderer.render('Isi.', { frontmatter: {} })).code).toContain('<!-- extra -->');
  });

  it('renders a small site’s stories on the main thread, starting no thread, and hands the rest of a large one to the threads', async () => {
    const processor = parallelUnified(data);
    processor.useWorkers(2, 10);
    const pool = (await processor.createRenderer(shared)) as RenderPool;
    const render = (a: (typeof articles)[number], i: number) => pool.render(a.body, { frontmatter: a.frontmatter, fileURL: fileURL(i) });
    await Promise.all(articles.slice(0, 10).map(render));
    expect(pool.running).toBe(0);
    expect(pool.stats.local).toBe(10);
    await Promise.all(articles.slice(10).map((a, i) => render(a, i + 10)));
    expect(pool.stats.local).toBe(10);
    expect(pool.stats.perThread.reduce((a, b) => a + b, 0)).toBe(articles.length - 10);
  });

  it('starts no thread for the first hundred stories by default', async () => {
    const processor = parallelUnified(data);
    processor.useWorkers(2, markdownThreads({}).localFirst);
    const pool = (await processor.createRenderer(shared)) as RenderPool;
    await Promise.all(articles.map((a, i) => pool.render(a.body, { frontmatter: a.frontmatter, fileURL: fileURL(i) })));
    expect(pool.running).toBe(0);
    expect(pool.stats.local).toBe(articles.length);
  });

  it('renders on the main thread when workers are off (the dev server)', async () => {
    const processor = parallelUnified(data);
    processor.useWorkers(0, 0);
    expect(await processor.createRenderer(shared)).not.toBeInstanceOf(RenderPool);
  });
});

describe('markdownThreads', () => {
  it('uses one thread per core unless WARTA_MARKDOWN_WORKERS says otherwise', () => {
    expect(markdownThreads({}).workers).toBeGreaterThanOrEqual(1);
    expect(markdownThreads({ WARTA_MARKDOWN_WORKERS: '0' }).workers).toBe(0);
    expect(markdownThreads({ WARTA_MARKDOWN_WORKERS: '3' }).workers).toBe(3);
  });

  it('renders the first hundred stories on the main thread unless WARTA_MARKDOWN_LOCAL_FIRST says otherwise', () => {
    expect(markdownThreads({}).localFirst).toBe(100);
    expect(markdownThreads({ WARTA_MARKDOWN_LOCAL_FIRST: '0' }).localFirst).toBe(0);
    expect(() => markdownThreads({ WARTA_MARKDOWN_LOCAL_FIRST: 'semua' }).localFirst).toThrow(/WARTA_MARKDOWN_LOCAL_FIRST must be a whole number/);
  });

  it('refuses a value that is not a whole number, naming the variable', () => {
    expect(() => markdownThreads({ WARTA_MARKDOWN_WORKERS: 'two' }).workers).toThrow(/WARTA_MARKDOWN_WORKERS must be a whole number from 0 to 64.*got "two"/);
    expect(() => markdownThreads({ WARTA_MARKDOWN_WORKERS: '-1' }).workers).toThrow(/WARTA_MARKDOWN_WORKERS/);
  });
});

describe('RenderPool', () => {
  it('stops its threads when idle and starts them again for the next entry', async () => {
    const local = () => unified(createMarkdownPlugins(pluginOptionsFromData(data))).createRenderer(shared);
    const pool = new RenderPool(2, { plugins: data, shared }, local, { idleMs: 50 });
    expect(pool.running).toBe(0);
    await pool.render('Isi pertama.', { frontmatter: { location: 'palembang' } });
    expect(pool.running).toBe(2);
    await vi.waitFor(() => expect(pool.running).toBe(0), { timeout: 5000, interval: 20 });
    const again = await pool.render('Isi kedua.', { frontmatter: { location: 'palembang' } });
    expect(again.code).toBe('<p><span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> Isi kedua.</p>');
    expect(pool.stats.local).toBe(0);
  });
});
