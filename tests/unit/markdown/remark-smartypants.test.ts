import remarkGfm from 'remark-gfm';
import upstream from 'remark-smartypants';
import { describe, expect, it } from 'vitest';
import { remarkSmartypants } from '../../../src/markdown/remark-smartypants.ts';
import { render } from './render.ts';

const samples = {
  'quotes around a link and emphasis': '"Kami sudah [melapor](https://example.id)," ujar *"Budi"* kepada wartawan.',
  'a quote opening a paragraph': "'Tidak ada korban,' katanya.\n\n\"Semua aman.\"",
  'apostrophes inside words': "Jum'at pagi, Qur'an dan ma'af.",
  'dashes and ellipses': 'Rapat -- yang ditunda... akhirnya digelar . . . pukul 10:30 --- tanpa hasil.',
  'backticks as quotes': '``Kutipan lama\'\' dan `kode` tetap.',
  'inline code is left alone': 'Jalankan `npm run "build"` lalu "tunggu".',
  'headings and tables': '# "Judul" -- utama\n\n| a | b |\n| --- | --- |\n| "x" | y... |',
  'text with nothing to replace': 'Hujan deras sejak pukul 10.30 WIB merendam 300 rumah di Ilir Barat.',
  'lists and block quotes': '- "satu"\n- dua -- tiga\n\n> "Kutipan," katanya...',
};

describe('remarkSmartypants', () => {
  for (const [scenario, markdown] of Object.entries(samples)) {
    it(`renders ${scenario} exactly as remark-smartypants does`, async () => {
      const ours = await render(markdown, { remark: [remarkGfm, remarkSmartypants] });
      const theirs = await render(markdown, { remark: [remarkGfm, upstream] });
      expect(ours.html).toBe(theirs.html);
    });
  }

  it('curls quotes and turns double hyphens into a dash', async () => {
    const { html } = await render('"Ya" -- katanya.', { remark: [remarkSmartypants] });
    expect(html).toBe('<p>\u201cYa\u201d \u2014 katanya.</p>');
  });
});
