import { describe, expect, it } from 'vitest';
import { readSizeHint, rehypeFigure } from '../../../src/markdown/rehype-figure.ts';
import { render } from './render.ts';

const renderWith = async (markdown: string) => (await render(markdown, { rehype: [rehypeFigure] })).html;

describe('rehype-figure', () => {
  describe('an image alone in a paragraph', () => {
    it('becomes a figure captioned by the image title, without the title attribute', async () => {
      expect(await renderWith('![Banjir di Sudirman](./banjir.jpg "Banjir setinggi lutut. (Foto: ABN)")')).toBe(
        '<figure><img src="./banjir.jpg" alt="Banjir di Sudirman" loading="lazy" decoding="async"><figcaption>Banjir setinggi lutut. (Foto: ABN)</figcaption></figure>',
      );
    });

    it('becomes a figure without caption when it has no title', async () => {
      expect(await renderWith('![Banjir](./banjir.jpg)')).toBe(
        '<figure><img src="./banjir.jpg" alt="Banjir" loading="lazy" decoding="async"></figure>',
      );
    });

    it('keeps a link around the image inside the figure', async () => {
      expect(await renderWith('[![Peta](peta.png "Peta banjir")](https://peta.example.id)')).toBe(
        '<figure><a href="https://peta.example.id"><img src="peta.png" alt="Peta" loading="lazy" decoding="async"></a><figcaption>Peta banjir</figcaption></figure>',
      );
    });

    it('works inside a quote too', async () => {
      expect(await renderWith('> ![Foto](a.jpg "Kiriman warga")')).toContain('<figure>');
    });
  });

  describe('an image among text', () => {
    it('stays inline, keeps its title and still loads lazily', async () => {
      expect(await renderWith('Lihat ![ikon](ikon.png "Ikon") di sini.')).toBe(
        '<p>Lihat <img src="ikon.png" alt="ikon" title="Ikon" loading="lazy" decoding="async"> di sini.</p>',
      );
    });

    it('does not turn two images in one paragraph into a figure', async () => {
      expect(await renderWith('![a](a.jpg) ![b](b.jpg)')).toMatch(/^<p>/);
    });
  });

  it('keeps loading and decoding already set', async () => {
    const html = (
      await render('![a](a.jpg)', {
        rehype: [
          () => (tree: import('hast').Root) => {
            const img = (tree.children[0] as import('hast').Element).children[0] as import('hast').Element;
            img.properties.loading = 'eager';
            img.properties.decoding = 'sync';
          },
          rehypeFigure,
        ],
      })
    ).html;
    expect(html).toBe('<figure><img src="a.jpg" alt="a" loading="eager" decoding="sync"></figure>');
  });

  describe('remote size hints', () => {
    it('sets width and height from a #w=…&h=… hint and strips it from the URL', async () => {
      expect(await renderWith('![Foto](https://cdn.example.id/foto.jpg#w=1200&h=675 "Banjir")')).toBe(
        '<figure><img src="https://cdn.example.id/foto.jpg" alt="Foto" loading="lazy" decoding="async" width="1200" height="675"><figcaption>Banjir</figcaption></figure>',
      );
    });

    it('leaves a remote image without a hint as it is, unsized', async () => {
      expect(await renderWith('![Foto](https://cdn.example.id/foto.jpg?v=2#bagian)')).toBe(
        '<figure><img src="https://cdn.example.id/foto.jpg?v=2#bagian" alt="Foto" loading="lazy" decoding="async"></figure>',
      );
    });

    it.each([
      ['https://x.id/a.jpg#w=1200&h=675', { src: 'https://x.id/a.jpg', width: 1200, height: 675 }],
      ['//x.id/a.jpg#h=10&w=20', { src: '//x.id/a.jpg', width: 20, height: 10 }],
      ['https://x.id/a.jpg#w=20&h=10&x=1', { src: 'https://x.id/a.jpg#x=1', width: 20, height: 10 }],
      ['https://x.id/a.jpg#w=20', undefined],
      ['https://x.id/a.jpg#w=0&h=10', undefined],
      ['https://x.id/a.jpg#w=abc&h=10', undefined],
      ['./lokal.jpg#w=20&h=10', undefined],
    ])('reads %s', (src, expected) => {
      expect(readSizeHint(src)).toEqual(expected);
    });
  });
});
