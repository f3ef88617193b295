import { describe, expect, it } from 'vitest';
import { bodyExcerpt, bodyStart } from '../../../src/search/excerpt.ts';

// What Pagefind's `data()` gives for a story: headline, dateline, body as one text, word positions of the matches.
const content = 'Banjir besar di Palembang. Liputan ABN | PALEMBANG – Hujan deras sejak pagi membuat sungai meluap dan warga mengungsi ke masjid terdekat. Lanjutan banjir cerita.';
const anchors = [
  { id: 'isi-berita', text: '', location: 4 },
  { id: 'dateline', text: 'Liputan ABN | PALEMBANG –', location: 4 },
];
const at = (...locations: number[]) => locations.map((location) => ({ location, balanced_score: location < 4 ? 25000 : 500 }));

describe('bodyStart', () => {
  it('is the first word after the dateline, or the body’s first word when a story has none', () => {
    expect(bodyStart({ anchors })).toBe(9);
    expect(bodyStart({ anchors: anchors.slice(0, 1) })).toBe(4);
    expect(bodyStart({ anchors: [] })).toBe(0);
  });
});

describe('bodyExcerpt', () => {
  it('quotes the body around its match, not the headline whose match weighs more', () => {
    expect(bodyExcerpt({ content, anchors, weighted_locations: at(0, 23) }, 6)).toBe('… ke masjid terdekat. Lanjutan <mark>banjir</mark> cerita.');
  });

  it('opens with the lede, without headline or dateline, when only the headline matches', () => {
    expect(bodyExcerpt({ content, anchors, weighted_locations: at(3) }, 5)).toBe('Hujan deras sejak pagi membuat …');
  });

  it('marks every match inside the excerpt and escapes the text as Pagefind does', () => {
    const text = 'Judul. <b> satu banjir dua banjir tiga';
    expect(bodyExcerpt({ content: text, anchors: [{ id: 'isi-berita', location: 1 }], weighted_locations: at(3, 5) }, 10)).toBe('&lt;b&gt; satu <mark>banjir</mark> dua <mark>banjir</mark> tiga');
  });
});
