import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NEWS_MAX_URLS, newsSitemapItems, newsSitemapXml } from '../../../src/lib/news-sitemap.ts';

const now = new Date('2026-11-27T14:00:00Z');
const item = (hoursAgo: number, id = `s${hoursAgo}`) => ({ url: `https://x.id/${id}/`, title: `Judul ${id} & <b>`, date: new Date(now.getTime() - hoursAgo * 3_600_000) });

describe('the Google News sitemap', () => {
  it('keeps only stories from the 48 hours before the build, newest first', () => {
    const items = newsSitemapItems([item(50), item(1), item(47.9), item(-1)], now);
    expect(items.map((i) => i.url)).toEqual(['https://x.id/s1/', 'https://x.id/s47.9/']);
  });

  it('never lists more than 1,000 URLs', () => {
    const many = Array.from({ length: 1500 }, (_, i) => item(i / 100, `n${i}`));
    const items = newsSitemapItems(many, now);
    expect(items).toHaveLength(NEWS_MAX_URLS);
    expect(items[0]!.url).toBe('https://x.id/n0/');
  });

  it('writes a valid sitemap of exactly the newest 1,000 of 1,500 recent stories, in the site zone', () => {
    // Shuffled, as content folders list them: the order must come from the dates.
    const many = Array.from({ length: 1500 }, (_, i) => item(((i * 7919) % 1500) / 40, `n${i}`));
    const xml = newsSitemapXml(newsSitemapItems(many, now), { name: 'Liputan ABN', language: 'id' }, 'Asia/Jakarta');
    expect(XMLValidator.validate(xml)).toBe(true);
    const dates = [...xml.matchAll(/<news:publication_date>([^<]+)</g)].map((m) => m[1]!);
    expect(dates).toHaveLength(1000);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates.every((d) => d.endsWith('+07:00'))).toBe(true);
    // The oldest listed is newer than every story left out.
    const listed = new Set([...xml.matchAll(/<loc>([^<]+)</g)].map((m) => m[1]!));
    const oldestListed = Math.min(...many.filter((a) => listed.has(a.url)).map((a) => a.date.getTime()));
    expect(many.filter((a) => !listed.has(a.url)).every((a) => a.date.getTime() <= oldestListed)).toBe(true);
  });

  it('writes publication name, language, date with the site offset and escaped title', () => {
    const xml = newsSitemapXml([item(1)], { name: 'Liputan ABN', language: 'id' }, 'Asia/Jakarta');
    expect(xml).toContain('<news:name>Liputan ABN</news:name>');
    expect(xml).toContain('<news:language>id</news:language>');
    expect(xml).toContain('<news:publication_date>2026-11-27T20:00:00+07:00</news:publication_date>');
    expect(xml).toContain('<news:title>Judul s1 &amp; &lt;b&gt;</news:title>');
  });
});
