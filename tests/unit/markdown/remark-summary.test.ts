import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import { remarkSummary, shortenAtWord } from '../../../src/markdown/remark-summary.ts';
import { remarkUnhandledDirectives } from '../../../src/markdown/remark-unhandled-directives.ts';
import { render } from './render.ts';

const summaryOf = async (markdown: string) => (await render(markdown, { remark: [remarkSummary] })).frontmatter.derivedSummary;

describe('remark-summary', () => {
  it('stores the plain text of the first paragraph', async () => {
    expect(await summaryOf('Hujan **deras** mengguyur [Palembang](/lokasi/palembang) sejak `pagi`.\n\nParagraf kedua.')).toBe(
      'Hujan deras mengguyur Palembang sejak pagi.',
    );
  });

  it('collapses whitespace and line breaks', async () => {
    expect(await summaryOf('Hujan   deras\nmengguyur  \nPalembang.')).toBe('Hujan deras mengguyur Palembang.');
  });

  it('skips an opening image-only paragraph', async () => {
    expect(await summaryOf('![Banjir](banjir.jpg "Banjir di Sudirman")\n\nWarga mengungsi.')).toBe('Warga mengungsi.');
  });

  it('skips headings and starts at the first paragraph', async () => {
    expect(await summaryOf('## Kronologi\n\nAir naik pukul dua.')).toBe('Air naik pukul dua.');
  });

  it('skips a paragraph made only of directives', async () => {
    const { frontmatter } = await render(':video{id=abc}\n\nIsi berita.', { remark: [remarkDirective, remarkSummary] });
    expect(frontmatter.derivedSummary).toBe('Isi berita.');
  });

  it('keeps colons in prose once directives are restored', async () => {
    const { frontmatter } = await render('Rapat dimulai pukul 10:30 WIB.', {
      remark: [remarkDirective, remarkUnhandledDirectives, remarkSummary],
    });
    expect(frontmatter.derivedSummary).toBe('Rapat dimulai pukul 10:30 WIB.');
  });

  it('sets nothing for an empty body', async () => {
    const { frontmatter } = await render('', { remark: [remarkSummary] });
    expect(frontmatter).not.toHaveProperty('derivedSummary');
  });

  it('shortens a long paragraph at a word boundary to 160 characters with an ellipsis', async () => {
    const paragraph =
      'Banjir setinggi lutut orang dewasa merendam ratusan rumah warga di Kecamatan Ilir Barat, Palembang, ' +
      'setelah hujan deras mengguyur kota itu sejak Senin malam hingga Selasa pagi tanpa henti.';
    const summary = await summaryOf(paragraph);
    expect(summary).toMatchInlineSnapshot(`"Banjir setinggi lutut orang dewasa merendam ratusan rumah warga di Kecamatan Ilir Barat, Palembang, setelah hujan deras mengguyur kota itu sejak Senin malam…"`);
    expect(Array.from(String(summary)).length).toBeLessThanOrEqual(160);
  });

  describe('shortenAtWord', () => {
    it('leaves text at the limit alone', () => {
      expect(shortenAtWord('a'.repeat(160))).toBe('a'.repeat(160));
    });

    it('cuts cleanly when the limit falls on a space', () => {
      expect(shortenAtWord(`${'a'.repeat(159)} bbb`)).toBe(`${'a'.repeat(159)}…`);
    });

    it('drops punctuation left before the ellipsis', () => {
      expect(shortenAtWord('satu dua, tiga empat', 12)).toBe('satu dua…');
    });

    it('cuts inside a single word longer than the limit', () => {
      expect(shortenAtWord('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    });
  });
});
