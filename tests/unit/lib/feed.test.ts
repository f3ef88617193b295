import { describe, expect, it } from 'vitest';
import { feedItems, rfc822 } from '../../../src/lib/feed.ts';

describe('feed items', () => {
  it('writes RFC 822 dates with the site offset', () => {
    expect(rfc822(new Date('2023-07-05T06:00:00Z'), 'Asia/Jakarta')).toBe('Wed, 05 Jul 2023 13:00:00 +0700');
  });

  it('orders items newest first with ISO dc:date, creators and a Media RSS image', () => {
    const items = feedItems(
      [
        { title: 'Lama', url: 'https://x.id/a/', date: new Date('2023-07-05T06:00:00Z'), summary: 's', authors: ['Bolok'], category: 'Hukum' },
        { title: 'Baru', url: 'https://x.id/b/', date: new Date('2023-07-06T06:00:00Z'), summary: 's', authors: ['Rin & Dod'], category: 'Hukum', image: { url: 'https://x.id/c.jpg', width: 1200, height: 675 } },
      ],
      'Asia/Jakarta',
    );
    expect(items.map((i) => i.title)).toEqual(['Baru', 'Lama']);
    expect(items[0]!.customData).toContain('<dc:date>2023-07-06T13:00:00+07:00</dc:date>');
    expect(items[0]!.customData).toContain('<dc:creator>Rin &amp; Dod</dc:creator>');
    expect(items[0]!.customData).toContain('<media:content url="https://x.id/c.jpg" medium="image" width="1200" height="675"/>');
    expect(items[1]!.customData).not.toContain('media:content');
  });

  it('labels AI in the description for readers and as IPTC digital source types for machines', () => {
    const [item] = feedItems(
      [
        {
          title: 'Kabut asap',
          url: 'https://x.id/k/',
          date: new Date('2023-07-06T06:00:00Z'),
          summary: 'Kabut menyelimuti kota.',
          authors: [],
          category: 'Peristiwa',
          image: { url: 'https://x.id/k.jpg' },
          ai: { text: 'edited', cover: 'generated', labels: ['Gambar dibuat dengan AI.', 'Teks disunting dengan AI.'] },
        },
      ],
      'Asia/Jakarta',
    );
    expect(item!.description).toBe('Kabut menyelimuti kota. Gambar dibuat dengan AI. Teks disunting dengan AI.');
    expect(item!.customData).toContain('<category>Peristiwa</category><category domain="http://cv.iptc.org/newscodes/digitalsourcetype/">compositeWithTrainedAlgorithmicMedia</category>');
    expect(item!.customData).toContain(
      '<media:content url="https://x.id/k.jpg" medium="image"><media:category scheme="http://cv.iptc.org/newscodes/digitalsourcetype/">trainedAlgorithmicMedia</media:category></media:content>',
    );
  });
});
