import { unified as astroUnified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { describe, expect, it, vi } from 'vitest';
import { createMarkdownPlugins, type MarkdownPluginOptions } from '../../../src/markdown/plugins.ts';
import { rehypeExternalLinks } from '../../../src/markdown/rehype-external-links.ts';
import { rehypeFigure } from '../../../src/markdown/rehype-figure.ts';
import { remarkBacaJuga } from '../../../src/markdown/remark-baca-juga.ts';
import { remarkLiveUpdates } from '../../../src/markdown/remark-live-updates.ts';
import { rehypeLiveUpdates } from '../../../src/markdown/rehype-live-updates.ts';
import { remarkDateline } from '../../../src/markdown/remark-dateline.ts';
import { remarkGfmLean } from '../../../src/markdown/remark-gfm-lean.ts';
import { remarkReadingTime } from '../../../src/markdown/remark-reading-time.ts';
import { remarkSmartypants } from '../../../src/markdown/remark-smartypants.ts';
import { remarkSummary } from '../../../src/markdown/remark-summary.ts';
import { remarkUnhandledDirectives } from '../../../src/markdown/remark-unhandled-directives.ts';
import { render } from './render.ts';

const articles = new Map([
  ['banjir-palembang-2025', { id: 'banjir-palembang-2025', title: 'Banjir Rendam 300 Rumah', url: '/2025/01/banjir-palembang-2025/' }],
]);

const options: MarkdownPluginOptions = {
  siteUrl: 'https://abnnews.id',
  bacaJugaLabel: 'Baca juga:',
  lookup: (id) => articles.get(id),
  knownIds: () => [...articles.keys()],
  datelineFor: (frontmatter) => (frontmatter.location === 'palembang' ? 'Liputan ABN | PALEMBANG –' : undefined),
};

const article = [
  '![Banjir](https://cdn.example.id/banjir.jpg#w=1200&h=675 "Banjir di Ilir Barat. (Foto: ABN)")',
  '',
  'Hujan deras sejak pukul 10:30 WIB merendam ratusan rumah. Kontak posko: 0812-7000.',
  '',
  '::baca-juga{id="banjir-palembang-2025"}',
  '',
  'Data dari [BMKG](https://www.bmkg.go.id) dan [arsip kami](https://abnnews.id/arsip).',
].join('\n');

const expectedHtml = [
  '<figure><img src="https://cdn.example.id/banjir.jpg" alt="Banjir" loading="lazy" decoding="async" width="1200" height="675"><figcaption>Banjir di Ilir Barat. (Foto: ABN)</figcaption></figure>',
  '<p><span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> Hujan deras sejak pukul 10:30 WIB merendam ratusan rumah. Kontak posko: 0812-7000.</p>',
  '<aside class="baca-juga" data-pagefind-ignore><strong>Baca juga:</strong> <a href="/2025/01/banjir-palembang-2025/">Banjir Rendam 300 Rumah</a></aside>',
  '<p>Data dari <a href="https://www.bmkg.go.id" rel="noopener">BMKG</a> dan <a href="https://abnnews.id/arsip">arsip kami</a>.</p>',
].join('\n');

describe('createMarkdownPlugins', () => {
  it('lists the plugins in the order they depend on', () => {
    const { remarkPlugins, rehypePlugins } = createMarkdownPlugins(options);
    const names = (list: unknown[]) => list.map((entry) => (Array.isArray(entry) ? entry[0] : entry));
    expect(names(remarkPlugins)).toEqual([
      remarkGfmLean,
      remarkSmartypants,
      remarkDirective,
      remarkBacaJuga,
      remarkLiveUpdates,
      remarkUnhandledDirectives,
      remarkReadingTime,
      remarkSummary,
      remarkDateline,
    ]);
    expect(names(rehypePlugins)).toEqual([rehypeFigure, rehypeExternalLinks, rehypeLiveUpdates]);
  });

  describe('in a unified pipeline', () => {
    const renderArticle = (markdown: string, frontmatter: Record<string, unknown> = { location: 'palembang' }) => {
      const { remarkPlugins, rehypePlugins } = createMarkdownPlugins(options);
      return render(markdown, { remark: remarkPlugins as never, rehype: rehypePlugins as never, frontmatter });
    };

    it('renders a whole article', async () => {
      expect((await renderArticle(article)).html).toBe(expectedHtml);
    });

    it('prints no dateline for a story without a location', async () => {
      const { html } = await renderArticle(article, {});
      expect(html).not.toContain('class="dateline"');
      expect(html).not.toContain('PALEMBANG');
    });

    it('keeps the dateline out of the summary and the word count', async () => {
      const { frontmatter } = await renderArticle(article);
      expect(frontmatter).toEqual({
        location: 'palembang',
        readingTime: 1,
        derivedSummary: 'Hujan deras sejak pukul 10:30 WIB merendam ratusan rumah. Kontak posko: 0812-7000.',
      });
    });

    it('renders an empty body as nothing, with a one-minute reading time and no summary', async () => {
      const { html, frontmatter } = await renderArticle('');
      expect(html).toBe('');
      expect(frontmatter).toEqual({ location: 'palembang', readingTime: 1 });
    });

    it('counts words at the configured speed', async () => {
      // At one word a minute the minutes are the word count: the 18 words of prose, without
      // the dateline, the image alt text and caption, or the Baca-juga box.
      const { remarkPlugins } = createMarkdownPlugins({ ...options, wordsPerMinute: 1 });
      const { frontmatter } = await render(article, { remark: remarkPlugins as never, frontmatter: { location: 'palembang' } });
      expect(frontmatter.readingTime).toBe(18);
    });
  });

  describe("in Astro's unified() processor", () => {
    const astroRender = async (markdown: string, frontmatter: Record<string, unknown>) => {
      const renderer = await astroUnified(createMarkdownPlugins(options)).createRenderer({ syntaxHighlight: false });
      return renderer.render(markdown, { frontmatter, fileURL: new URL('file:///site/content/articles/2025/01/x.md') });
    };

    it('renders the same article and returns the derived keys as frontmatter', async () => {
      const { code, metadata } = await astroRender(article, { title: 'Banjir', location: 'palembang' });
      // Astro re-parses the tree with rehype-raw, which writes the boolean attribute as `=""`;
      // Pagefind only checks that the attribute is present.
      expect(code).toBe(expectedHtml.replace('data-pagefind-ignore>', 'data-pagefind-ignore="">'));
      expect(metadata.frontmatter).toMatchObject({ title: 'Banjir', readingTime: 1, derivedSummary: expect.stringMatching(/^Hujan deras/) });
    });

    it('fails the build on an unknown Baca juga id', async () => {
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      await expect(astroRender('::baca-juga{id="banjir-palembang-2024"}', {})).rejects.toThrowErrorMatchingInlineSnapshot(`
        [/site/content/articles/2025/01/x.md:1:1-1:40: Failed to parse Markdown file "/site/content/articles/2025/01/x.md":
        Baca juga: unknown article id "banjir-palembang-2024". Did you mean "banjir-palembang-2025"?]
      `);
      quiet.mockRestore();
    });
  });
});
