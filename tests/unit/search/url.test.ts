import { describe, expect, it } from 'vitest';
import { matchFilterValue, parseSearchUrl, searchUrlQuery } from '../../../src/search/url.ts';

describe('search state in the URL', () => {
  it('reads the query the header form sends, repeated filters and the order', () => {
    expect(parseSearchUrl('?q=+banjir+&lokasi=Palembang&reporter=A&reporter=B&urut=terbaru&x=1')).toEqual({
      query: 'banjir',
      filters: { lokasi: ['Palembang'], reporter: ['A', 'B'] },
      order: 'terbaru',
    });
  });

  it('treats anything but "terbaru" as relevance and leaves relevance out of the URL', () => {
    expect(parseSearchUrl('?urut=acak').order).toBe('relevansi');
    expect(searchUrlQuery({ query: 'polisi', filters: {}, order: 'relevansi' })).toBe('?q=polisi');
  });

  it('writes a state back to the same URL it was read from', () => {
    const url = '?q=harga+cabai&kategori=Hukum+%26+Kriminal&lokasi=Denpasar%2C+Bali&urut=terbaru';
    expect(searchUrlQuery(parseSearchUrl(url))).toBe(url);
  });

  it('gives an empty string when there is nothing to keep', () => {
    expect(searchUrlQuery({ query: ' ', filters: {}, order: 'relevansi' })).toBe('');
  });
});

describe('matching a filter value from a URL', () => {
  const known = ['Palembang', 'Ogan Ilir', 'Denpasar, Bali', 'Hukum & Kriminal'];

  it('ignores case and punctuation, so ids and lower case work', () => {
    expect(matchFilterValue('palembang', known)).toBe('Palembang');
    expect(matchFilterValue('ogan-ilir', known)).toBe('Ogan Ilir');
    expect(matchFilterValue('denpasar bali', known)).toBe('Denpasar, Bali');
    expect(matchFilterValue('hukum-kriminal', known)).toBe('Hukum & Kriminal');
  });

  it('keeps an unknown value as given', () => {
    expect(matchFilterValue('Mars', known)).toBe('Mars');
  });
});
