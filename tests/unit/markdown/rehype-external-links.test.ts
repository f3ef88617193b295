import { describe, expect, it } from 'vitest';
import { rehypeExternalLinks } from '../../../src/markdown/rehype-external-links.ts';
import { render } from './render.ts';

const renderWith = async (markdown: string, siteUrl = 'https://abnnews.id') =>
  (await render(markdown, { rehype: [[rehypeExternalLinks, { siteUrl }]] })).html;

describe('rehype-external-links', () => {
  it('adds rel="noopener" to a link to another host', async () => {
    expect(await renderWith('[BMKG](https://www.bmkg.go.id/cuaca)')).toBe(
      '<p><a href="https://www.bmkg.go.id/cuaca" rel="noopener">BMKG</a></p>',
    );
  });

  it('treats a protocol-relative link to another host as external', async () => {
    expect(await renderWith('[x](//cdn.example.id/a)')).toContain('rel="noopener"');
  });

  it('leaves a relative link untouched', async () => {
    expect(await renderWith('[Berita lain](/2025/01/banjir/) dan [sini](banjir)')).toBe(
      '<p><a href="/2025/01/banjir/">Berita lain</a> dan <a href="banjir">sini</a></p>',
    );
  });

  it("leaves a link to the site's own host untouched, with or without www", async () => {
    expect(await renderWith('[a](https://abnnews.id/x) [b](https://www.abnnews.id/y) [c](http://ABNNEWS.id)')).not.toContain('rel=');
  });

  it('treats a subdomain of the site as another host', async () => {
    expect(await renderWith('[a](https://epaper.abnnews.id/)')).toContain('rel="noopener"');
  });

  it('leaves mailto and tel links untouched', async () => {
    expect(await renderWith('[surel](mailto:redaksi@abnnews.id) [telepon](tel:+62711000)')).not.toContain('rel=');
  });

  it('keeps a rel already present and adds noopener once', async () => {
    const html = (
      await render('[Sponsor](https://sponsor.example.com) [Lain](https://lain.example.com)', {
        rehype: [
          () => (tree: import('hast').Root) => {
            const p = tree.children[0] as import('hast').Element;
            const [first, , second] = p.children as import('hast').Element[];
            first.properties.rel = ['sponsored', 'nofollow'];
            // A string, as another plugin might set it.
            Object.assign(second.properties, { rel: 'noopener noreferrer' });
          },
          [rehypeExternalLinks, { siteUrl: 'https://abnnews.id' }],
        ],
      })
    ).html;
    expect(html).toBe(
      '<p><a href="https://sponsor.example.com" rel="sponsored nofollow noopener">Sponsor</a> <a href="https://lain.example.com" rel="noopener noreferrer">Lain</a></p>',
    );
  });

  it('rejects a siteUrl that is not an absolute URL', async () => {
    await expect(renderWith('[a](/x)', 'abnnews.id')).rejects.toThrowErrorMatchingInlineSnapshot(`[TypeError: rehype-external-links: siteUrl must be an absolute URL, got "abnnews.id"]`);
  });
});
