import { describe, expect, it } from 'vitest';
import { newArticle, slugFromTitle } from '../../../src/lib/new-article.ts';

const registries = {
  people: ['bolok', 'mastari', 'rina'],
  categories: ['peristiwa', 'politik'],
  locations: ['ogan-ilir', 'palembang'],
  articleIds: new Set(['banjir-lama']),
};
const input = { title: 'Banjir Rendam Tiga Kecamatan di Ogan Ilir', reporter: ['bolok'], editor: 'mastari', category: 'peristiwa', location: 'ogan-ilir', tags: ['Banjir'] };
const now = new Date('2026-11-27T06:05:42Z');

describe('ids from Indonesian headlines', () => {
  it('lower-cases and hyphenates the headline', () => {
    expect(slugFromTitle('Banjir Rendam Tiga Kecamatan di Ogan Ilir')).toBe('banjir-rendam-tiga-kecamatan-di-ogan-ilir');
  });

  it('drops punctuation and cuts long headlines at a word under 60 characters', () => {
    const slug = slugFromTitle('Pemprov Sumsel: "Status Siaga Darurat Banjir" Berlaku hingga Akhir Februari 2027, Posko Disiagakan');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('pemprov-sumsel-status-siaga-darurat-banjir-berlaku-hingga');
  });
});

describe('a new article', () => {
  it('gets complete frontmatter dated now in the site zone, filed under its month', () => {
    const result = newArticle(input, registries, now, 'Asia/Jakarta', 'Tulis di sini.');
    expect(result).toMatchObject({ ok: true, id: 'banjir-rendam-tiga-kecamatan-di-ogan-ilir', relativePath: 'articles/2026/11/banjir-rendam-tiga-kecamatan-di-ogan-ilir.md' });
    expect(result.ok && result.content).toMatchInlineSnapshot(`
      "---
      title: Banjir Rendam Tiga Kecamatan di Ogan Ilir
      date: 2026-11-27T13:05:00+07:00
      location: ogan-ilir
      reporter: bolok
      editor: mastari
      category: peristiwa
      tags:
        - Banjir
      ---
      Tulis di sini.
      "
    `);
  });

  it('refuses unknown people, categories and locations, listing the valid ones', () => {
    const result = newArticle({ ...input, reporter: ['budi'], category: 'sport' }, registries, now, 'Asia/Jakarta', '');
    expect(result).toEqual({
      ok: false,
      errors: ['--reporter "budi" is unknown. Valid: bolok, mastari, rina', '--category "sport" is unknown. Valid: peristiwa, politik'],
    });
  });

  it('refuses to reuse an existing id', () => {
    const result = newArticle({ ...input, slug: 'banjir-lama' }, registries, now, 'Asia/Jakarta', '');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toContain('already exists');
  });

  it('writes a list for a co-byline', () => {
    const result = newArticle({ ...input, reporter: ['bolok', 'rina'] }, registries, now, 'Asia/Jakarta', '');
    expect(result.ok && result.content).toContain('reporter:\n  - bolok\n  - rina\n');
  });
});
