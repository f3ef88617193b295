import { describe, expect, it } from 'vitest';
import { choicesFor, isPlaceholderBody, newArticle, slugFromTitle } from '../../../src/lib/new-article.ts';

const registries = {
  people: new Map([
    ['bolok', { roles: ['reporter' as const] }],
    ['mastari', { roles: ['editor' as const] }],
    ['rina', { roles: ['reporter' as const, 'editor' as const] }],
  ]),
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
  it('gets complete frontmatter dated now in the site zone, filed under its month, as a draft', () => {
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
      draft: true
      ---
      Tulis di sini.
      "
    `);
  });

  it('refuses unknown people, categories and locations, suggesting the nearest and listing the valid ones', () => {
    const result = newArticle({ ...input, reporter: ['budi', 'bolk'], category: 'sport' }, registries, now, 'Asia/Jakarta', '');
    expect(result).toEqual({
      ok: false,
      problems: [
        { key: 'new.unknown', params: { field: 'reporter', value: 'budi', choices: 'bolok, rina' } },
        { key: 'new.unknownSuggest', params: { field: 'reporter', value: 'bolk', suggestion: 'bolok', choices: 'bolok, rina' } },
        { key: 'new.unknown', params: { field: 'category', value: 'sport', choices: 'peristiwa, politik' } },
      ],
    });
  });

  it('offers people by the role the field needs, and says so when a person lacks it', () => {
    expect(choicesFor('reporter', registries)).toEqual(['bolok', 'rina']);
    expect(choicesFor('editor', registries)).toEqual(['mastari', 'rina']);
    const result = newArticle({ ...input, editor: 'bolok' }, registries, now, 'Asia/Jakarta', '');
    expect(!result.ok && result.problems).toEqual([{ key: 'new.wrongRole', params: { field: 'editor', value: 'bolok', role: 'editor', roles: 'reporter', choices: 'mastari, rina' } }]);
  });

  it('names every missing field the same way, with its choices', () => {
    const result = newArticle({ title: '', reporter: [], editor: '', category: '', location: '', tags: [] }, registries, now, 'Asia/Jakarta', '');
    expect(!result.ok && result.problems.map((p) => `${p.key} ${p.params.field ?? ''}`)).toEqual([
      'new.titleRequired ',
      'new.required reporter',
      'new.required editor',
      'new.required category',
      'new.required location',
    ]);
  });

  it('refuses to reuse an existing id', () => {
    const result = newArticle({ ...input, slug: 'banjir-lama' }, registries, now, 'Asia/Jakarta', '');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([{ key: 'new.idTaken', params: { value: 'banjir-lama' } }]);
  });

  it('refuses a --slug with capitals or over 200 characters, saying the limit', () => {
    for (const slug of ['Banjir-Lama', 'a'.repeat(201)]) {
      const result = newArticle({ ...input, slug }, registries, now, 'Asia/Jakarta', '');
      expect(!result.ok && result.problems).toEqual([{ key: 'new.slugInvalid', params: { value: slug, max: '200' } }]);
    }
    expect(newArticle({ ...input, slug: 'a'.repeat(200) }, registries, now, 'Asia/Jakarta', '').ok).toBe(true);
  });

  it('writes a list for a co-byline', () => {
    const result = newArticle({ ...input, reporter: ['bolok', 'rina'] }, registries, now, 'Asia/Jakarta', '');
    expect(result.ok && result.content).toContain('reporter:\n  - bolok\n  - rina\n');
  });
});

describe('the placeholder body', () => {
  it('is recognised in a story in any site language', () => {
    expect(isPlaceholderBody('Tulis di sini.\n', ['Write here.', 'Tulis di sini.'])).toBe(true);
    expect(isPlaceholderBody('Hujan deras mengguyur Palembang.\n', ['Write here.', 'Tulis di sini.'])).toBe(false);
  });
});
