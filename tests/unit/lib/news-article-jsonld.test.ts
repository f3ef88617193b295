import { describe, expect, test } from 'vitest';
import { newsArticleJsonLd } from '../../../src/lib/news-article-jsonld.ts';

const input = {
  url: 'https://x.id/2024/01/a/',
  headline: 'Banjir',
  description: 'Banjir di Sudirman.',
  images: [],
  datePublished: new Date('2024-01-10T02:15:00Z'),
  timeZone: 'Asia/Jakarta',
  authors: [{ name: 'Bolok', url: 'https://x.id/penulis/bolok/' }],
  publisher: { name: 'Liputan ABN', url: 'https://x.id/' },
  section: 'Peristiwa',
  keywords: [],
  language: 'id',
};

describe('NewsArticle JSON-LD', () => {
  test('gives the dateline and the place a story was written when it has a location', () => {
    expect(newsArticleJsonLd({ ...input, dateline: 'Liputan ABN | PALEMBANG –', location: 'Palembang' })).toMatchObject({ dateline: 'Liputan ABN | PALEMBANG –', locationCreated: { '@type': 'Place', name: 'Palembang' } });
  });

  test('states no dateline and no place for a story without a location', () => {
    const ld = newsArticleJsonLd(input);
    expect(ld).not.toHaveProperty('dateline');
    expect(ld).not.toHaveProperty('locationCreated');
  });
});
