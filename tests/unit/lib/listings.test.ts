import { describe, expect, it } from 'vitest';
import { calendarMonth, dayKey, frontPage, groupBy, monthKey, personKeys, type ListingArticle } from '../../../src/lib/listings.ts';
import { paginate, pageParam, pageUrl } from '../../../src/lib/paginate.ts';

const WIB = 'Asia/Jakarta';
const now = new Date('2026-11-27T14:00:00Z'); // 21:00 WIB

const story = (id: string, iso: string, extra: Partial<ListingArticle> = {}): ListingArticle => ({
  id,
  date: new Date(iso),
  category: 'peristiwa',
  location: 'palembang',
  reporters: ['bolok'],
  editor: 'mastari',
  tags: [],
  headline: false,
  breaking: false,
  ...extra,
});

describe('pagination', () => {
  it('puts page 1 at the section URL and later pages under halaman/N', () => {
    expect(pageUrl('/kategori/politik/', 1)).toBe('/kategori/politik/');
    expect(pageUrl('/kategori/politik/', 3)).toBe('/kategori/politik/halaman/3/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('halaman/2');
  });

  it('makes ceil(n / size) pages, linked to their neighbours', () => {
    const pages = paginate(Array.from({ length: 41 }, (_, i) => i), '/x/', 20);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 1]);
    expect(pages[0]).toMatchObject({ number: 1, last: 3, url: '/x/', prevUrl: undefined, nextUrl: '/x/halaman/2/' });
    expect(pages[2]).toMatchObject({ number: 3, prevUrl: '/x/halaman/2/', nextUrl: undefined });
  });

  it('still gives an empty section one page so its URL exists', () => {
    expect(paginate([], '/x/', 20)).toEqual([{ items: [], number: 1, last: 1, url: '/x/', prevUrl: undefined, nextUrl: undefined }]);
  });
});

describe('grouping stories into sections', () => {
  it('lists a story under each of its keys once, keeping newest-first order', () => {
    const a = story('a', '2026-11-27T01:00:00Z', { reporters: ['rin', 'bolok'], editor: 'bolok' });
    const b = story('b', '2026-11-26T01:00:00Z');
    const groups = groupBy([a, b], personKeys);
    expect(groups.get('bolok')!.map((s) => s.id)).toEqual(['a', 'b']);
    expect(groups.get('rin')!.map((s) => s.id)).toEqual(['a']);
    expect(groups.get('mastari')!.map((s) => s.id)).toEqual(['b']);
  });

  it('files months and days by the site zone, not UTC', () => {
    const lateJuly = new Date('2023-07-31T17:30:00Z'); // 1 August, 00:30 WIB
    expect(monthKey(lateJuly, WIB)).toBe('2023/08');
    expect(dayKey(lateJuly, WIB)).toBe('2023/08/01');
  });
});

describe('the front page', () => {
  const articles = [
    story('newest', '2026-11-27T13:00:00Z'),
    story('breaking-fresh', '2026-11-27T00:10:00Z', { breaking: true }),
    story('marked-headline', '2026-11-26T10:00:00Z', { headline: true }),
    story('breaking-stale', '2026-11-26T13:59:00Z', { breaking: true }),
    story('old-headline', '2026-10-01T10:00:00Z', { headline: true }),
  ];

  it('puts the newest story marked headline in the headline slot', () => {
    expect(frontPage(articles, (a) => a, now, 20).headline?.id).toBe('marked-headline');
  });

  it('falls back to the newest story when none is marked', () => {
    const plain = articles.map((a) => ({ ...a, headline: false }));
    expect(frontPage(plain, (a) => a, now, 20).headline?.id).toBe('newest');
  });

  it('shows breaking stories only from the 24 hours before the build', () => {
    expect(frontPage(articles, (a) => a, now, 20).breaking.map((a) => a.id)).toEqual(['breaking-fresh']);
  });

  it('leaves the headline story out of the latest list', () => {
    expect(frontPage(articles, (a) => a, now, 20).latest.map((a) => a.id)).not.toContain('marked-headline');
  });

  it('puts the newest other stories beside the headline and shows no story twice', () => {
    const page = frontPage(articles, (a) => a, now, 4, 2);
    const shown = [page.headline!, ...page.top, ...page.latest].map((a) => a.id);
    expect(page.top.map((a) => a.id)).toEqual(articles.filter((a) => a.id !== 'marked-headline').slice(0, 2).map((a) => a.id));
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.sort()).toEqual(articles.slice(0, 4).map((a) => a.id).concat('marked-headline').filter((id, i, all) => all.indexOf(id) === i).sort());
  });

  it('gives a small site no top stories, so its few stories stay in the latest list', () => {
    const page = frontPage(articles.slice(0, 3), (a) => a, now, 20, 4);
    expect(page.top).toEqual([]);
    expect(page.latest).toHaveLength(2);
  });

  it('keeps the latest list to the first listing page, so the next page follows without a gap', () => {
    const page = frontPage(articles, (a) => a, now, 2, 1);
    expect(page.latest.every((a) => articles.indexOf(a) < 2)).toBe(true);
  });
});

describe('the index date picker', () => {
  it('lays out a month in Monday-first weeks with links only on days with stories', () => {
    // July 2023 starts on a Saturday.
    const weeks = calendarMonth(2023, 7, new Set(['2023/07/05']));
    expect(weeks[0]!.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(weeks[0]![5]).toEqual({ day: 1 });
    expect(weeks.flat().find((d) => d?.day === 5)).toEqual({ day: 5, key: '2023/07/05' });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});
