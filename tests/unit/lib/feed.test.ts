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
});
