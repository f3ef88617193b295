import { describe, expect, it } from 'vitest';
import { LATEST_SHOWN, latestFeed, latestRows } from '../../../src/lib/latest-feed.ts';

/** Story n of a list newest first, as the catalog gives it: 27 November 2026, 10.59 WIB less n minutes. */
const story = (n: number) => ({ id: `s${n}`, title: `Berita ${n}`, url: `/2026/11/s${n}/`, category: 'Daerah', date: new Date(Date.UTC(2026, 10, 27, 3, 59 - n)) });

describe('the Berita Terkini feed', () => {
  it('holds one story more than a box shows, so an article in it can leave itself out', () => {
    const feed = latestFeed(Array.from({ length: 20 }, (_, n) => story(n)), { locale: 'id', timeZone: 'Asia/Jakarta' });
    expect(feed.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it('writes each time in the site’s language and zone', () => {
    const [first] = latestFeed([story(49)], { locale: 'id', timeZone: 'Asia/Jakarta' });
    expect(first!.time).toBe('27 Nov 2026, 10.10 WIB');
    expect(first!.datetime).toBe('2026-11-27T10:10:00+07:00');
  });
});

describe('the room a box keeps', () => {
  it('is the full list on a site of many stories, whether or not the article is in the feed', () => {
    expect(latestRows(35, true)).toBe(LATEST_SHOWN);
    expect(latestRows(35, false)).toBe(LATEST_SHOWN);
    expect(latestRows(LATEST_SHOWN + 1, true)).toBe(LATEST_SHOWN);
  });

  it('is as many rows as there are other stories on a site of a few', () => {
    expect(latestRows(3, true)).toBe(2);
    expect(latestRows(3, false)).toBe(3);
  });

  it('is none on a site whose only story is the article', () => {
    expect(latestRows(1, true)).toBe(0);
    expect(latestRows(0, false)).toBe(0);
  });
});
