import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, tagSlug } from '../../../src/lib/paths.ts';

const article = { id: 'banjir-rendam-kertapati', date: new Date('2023-07-31T17:30:00Z'), category: 'peristiwa' };

describe('article URLs', () => {
  it('fills the default pattern with the year and month of the site zone', () => {
    // 00:30 WIB on 1 August is still 31 July in UTC: the story files under August.
    expect(articlePath('/:year/:month/:slug/', article, 'Asia/Jakarta')).toBe('/2023/08/banjir-rendam-kertapati/');
  });

  it('supports WordPress-style patterns with day and category', () => {
    expect(articlePath('/:category/:year/:month/:day/:slug/', article, 'Asia/Jakarta')).toBe('/peristiwa/2023/08/01/banjir-rendam-kertapati/');
  });

  it('makes absolute URLs on the site origin', () => {
    expect(absoluteUrl('https://liputanabn.com', '/2023/08/x/')).toBe('https://liputanabn.com/2023/08/x/');
  });
});

describe('tag slugs', () => {
  it('lower-cases and hyphenates free-text tags', () => {
    expect(tagSlug('Polda Sumsel')).toBe('polda-sumsel');
  });

  it('drops accents and punctuation so URLs stay plain', () => {
    expect(tagSlug('Pilkada 2024: Hasil Akhir')).toBe('pilkada-2024-hasil-akhir');
    expect(tagSlug('Café Éxito')).toBe('cafe-exito');
  });
});
