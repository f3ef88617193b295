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

describe('LiveBlogPosting JSON-LD', () => {
  const updates = [
    { id: 'update-20240110-1100', datePublished: '2024-01-10T11:00:00+07:00', headline: 'Air surut', text: 'Air turun 20 cm.' },
    { id: 'update-20240110-0930', datePublished: '2024-01-10T09:30:00+07:00', headline: 'Posko dibuka', text: 'BPBD membuka posko.' },
  ];
  const live = { start: new Date('2024-01-10T01:00:00Z'), end: new Date('2024-01-10T15:00:00Z'), updates };
  const ld = newsArticleJsonLd({ ...input, dateline: 'Liputan ABN | PALEMBANG –', live });

  test('has every property Google requires of a live blog: coverage times and updates with headline, date and body', () => {
    expect(ld).toMatchObject({
      '@type': 'LiveBlogPosting',
      headline: 'Banjir',
      coverageStartTime: '2024-01-10T08:00:00+07:00',
      coverageEndTime: '2024-01-10T22:00:00+07:00',
      liveBlogUpdate: [
        { '@type': 'BlogPosting', headline: 'Air surut', datePublished: '2024-01-10T11:00:00+07:00', articleBody: 'Air turun 20 cm.', url: 'https://x.id/2024/01/a/#update-20240110-1100' },
        { '@type': 'BlogPosting', headline: 'Posko dibuka', datePublished: '2024-01-10T09:30:00+07:00', articleBody: 'BPBD membuka posko.', url: 'https://x.id/2024/01/a/#update-20240110-0930' },
      ],
    });
  });

  test('dates its last change at the newest update and leaves out the NewsArticle-only dateline', () => {
    expect(ld.dateModified).toBe('2024-01-10T11:00:00+07:00');
    expect(ld).not.toHaveProperty('dateline');
  });
});

describe('AI labels in JSON-LD', () => {
  test('gives the text and the cover their IPTC digital source types', () => {
    const ld = newsArticleJsonLd({ ...input, images: ['https://x.id/cover.jpg'], ai: { text: 'edited', cover: 'generated' } });
    expect(ld.digitalSourceType).toBe('https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource');
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: 'https://x.id/cover.jpg', digitalSourceType: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource' }]);
  });

  test('states nothing about AI for a story without labels', () => {
    const ld = newsArticleJsonLd({ ...input, images: ['https://x.id/cover.jpg'] });
    expect(ld).not.toHaveProperty('digitalSourceType');
    expect(ld.image).toEqual(['https://x.id/cover.jpg']);
  });
});
