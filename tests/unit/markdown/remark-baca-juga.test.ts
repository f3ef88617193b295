import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import { type BacaJugaOptions, type BacaJugaTarget, remarkBacaJuga } from '../../../src/markdown/remark-baca-juga.ts';
import { remarkUnhandledDirectives } from '../../../src/markdown/remark-unhandled-directives.ts';
import { render } from './render.ts';

const articles: BacaJugaTarget[] = [
  { id: 'banjir-palembang-2025', title: 'Banjir Rendam 300 Rumah di Palembang', url: '/2025/01/banjir-palembang-2025/' },
  { id: 'jembatan-ampera-ditutup', title: 'Jembatan Ampera Ditutup & Dialihkan', url: '/2025/02/jembatan-ampera-ditutup/' },
];

const options: BacaJugaOptions = {
  lookup: (id) => articles.find((article) => article.id === id),
  label: 'Baca juga:',
  knownIds: () => articles.map((article) => article.id),
};

const renderWith = (markdown: string, overrides: Partial<BacaJugaOptions> = {}) =>
  render(markdown, { remark: [remarkDirective, [remarkBacaJuga, { ...options, ...overrides }], remarkUnhandledDirectives] });

describe('remark-baca-juga', () => {
  describe('a known id', () => {
    it('becomes an aside linking to the article, hidden from search', async () => {
      const { html } = await renderWith('Paragraf satu.\n\n::baca-juga{id="banjir-palembang-2025"}\n\nParagraf dua.');
      expect(html).toBe(
        [
          '<p>Paragraf satu.</p>',
          '<aside class="baca-juga" data-pagefind-ignore><strong>Baca juga:</strong> <a href="/2025/01/banjir-palembang-2025/">Banjir Rendam 300 Rumah di Palembang</a></aside>',
          '<p>Paragraf dua.</p>',
        ].join('\n'),
      );
    });

    it('escapes the title and accepts the #id shorthand and unquoted ids', async () => {
      const shorthand = await renderWith('::baca-juga{#jembatan-ampera-ditutup}');
      const unquoted = await renderWith('::baca-juga{id=jembatan-ampera-ditutup}');
      expect(shorthand.html).toContain('<a href="/2025/02/jembatan-ampera-ditutup/">Jembatan Ampera Ditutup &#x26; Dialihkan</a>');
      expect(unquoted.html).toBe(shorthand.html);
    });

    it('uses the configured label', async () => {
      const { html } = await renderWith('::baca-juga{id="banjir-palembang-2025"}', { label: 'Read also:' });
      expect(html).toContain('<strong>Read also:</strong>');
    });
  });

  describe('a bad reference fails the file', () => {
    it('fails the file naming the unknown id and the nearest known id', async () => {
      await expect(renderWith('::baca-juga{id="banjir-palembang-2024"}')).rejects.toThrowErrorMatchingInlineSnapshot(`[1:1-1:40: Baca juga: unknown article id "banjir-palembang-2024". Did you mean "banjir-palembang-2025"?]`);
    });

    it('says no id is close when nothing resembles the unknown id', async () => {
      await expect(renderWith('::baca-juga{id="pilkada-muara-enim"}')).rejects.toThrowErrorMatchingInlineSnapshot(`[1:1-1:37: Baca juga: unknown article id "pilkada-muara-enim". No known article id is close to it; check the id of the article you mean.]`);
    });

    it('cannot suggest anything without knownIds', async () => {
      await expect(
        renderWith('::baca-juga{id="banjir-palembang-2024"}', { knownIds: undefined }),
      ).rejects.toThrowErrorMatchingInlineSnapshot(`[1:1-1:40: Baca juga: unknown article id "banjir-palembang-2024". No known article id is close to it; check the id of the article you mean.]`);
    });

    it('fails the file when the id attribute is missing', async () => {
      await expect(renderWith('::baca-juga')).rejects.toThrowErrorMatchingInlineSnapshot(`[1:1-1:12: Baca juga: missing article id. Write it as ::baca-juga{id="…"}.]`);
      await expect(renderWith('::baca-juga{id=""}')).rejects.toThrow('missing article id');
    });

    it('fails the file when written inline instead of on its own line', async () => {
      await expect(renderWith('Lihat :baca-juga{id="banjir-palembang-2025"} ini.')).rejects.toThrowErrorMatchingInlineSnapshot(`[1:7-1:45: Baca juga: write the link on its own line as ::baca-juga{id="…"}.]`);
    });

    it('points at the line of the directive', async () => {
      const failure = await renderWith('Satu.\n\nDua.\n\n::baca-juga{id="salah"}').catch((error: unknown) => error);
      expect(failure).toMatchObject({ line: 5, column: 1, source: 'remark-baca-juga' });
    });
  });

  describe('other directives and prose', () => {
    it('leaves other directives for other plugins', async () => {
      const { html } = await render('::youtube{id=abc}', { remark: [remarkDirective, [remarkBacaJuga, options]] });
      // Without remark-unhandled-directives remark-rehype renders it as an empty div: untouched here.
      expect(html).toBe('<div></div>');
    });

    it('co-exists with other directives around it', async () => {
      const { html } = await renderWith('::youtube{id=abc}\n\n::baca-juga{id="banjir-palembang-2025"}\n\n:::catatan\nIsi.\n:::');
      expect(html).toMatchInlineSnapshot(`
        "<p>::youtube{id=abc}</p>
        <aside class="baca-juga" data-pagefind-ignore><strong>Baca juga:</strong> <a href="/2025/01/banjir-palembang-2025/">Banjir Rendam 300 Rumah di Palembang</a></aside>
        <p>:::catatan</p>
        <p>Isi.</p>
        <p>:::</p>"
      `);
    });

    it('renders prose with colons unchanged', async () => {
      const { html } = await renderWith('Rapat pukul 10:30 WIB. Kontak: 0812-7000. Skor akhir 2:1, rasio:tinggi.');
      expect(html).toBe('<p>Rapat pukul 10:30 WIB. Kontak: 0812-7000. Skor akhir 2:1, rasio:tinggi.</p>');
    });
  });

  it('requires a lookup function', async () => {
    await expect(
      render('x', { remark: [remarkDirective, [remarkBacaJuga, {} as BacaJugaOptions]] }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`[TypeError: remark-baca-juga: the \`lookup\` option (id -> article) is required]`);
  });
});
