import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { groupBy, monthKey, personKeys } from '../../src/lib/listings.ts';
import { tagSlug } from '../../src/lib/paths.ts';
import { loadPage, pageExists } from '../helpers/pages.ts';
import { outDir, root, sites } from '../helpers/sites.ts';

const site = sites.demo;
const index = loadContent(path.join(root, site.content), root);
const now = new Date(site.now);
const published = index.articles.filter((a) => isPublished(a.data, now)).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
const PAGE = index.site.pageSize;
const readXml = (p: string) => fs.readFileSync(path.join(outDir(site), p), 'utf8');

/** Asserts a section has exactly ceil(n/20) pages, each non-empty, holding the expected stories in order. */
function expectSection(base: string, expectedPaths: string[]) {
  const pages = Math.max(1, Math.ceil(expectedPaths.length / PAGE));
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const url = n === 1 ? base : `${base}halaman/${n}/`;
    expect(pageExists(site, url), url).toBe(true);
    const $ = loadPage(site, url);
    const links = $('[data-listing] > li .card__title a').toArray().map((a) => $(a).attr('href')!);
    expect(links.length, url).toBeGreaterThan(0);
    seen.push(...links);
  }
  expect(pageExists(site, `${base}halaman/${pages + 1}/`)).toBe(false);
  expect(seen).toEqual(expectedPaths);
}

describe('section pages of the demo site', () => {
  const paths = (list: typeof published) => list.map((a) => a.path);

  it('gives every category its stories, newest first, 20 per page', () => {
    for (const id of index.categories.keys()) expectSection(`/kategori/${id}/`, paths(published.filter((a) => a.data.category === id)));
  });

  it('gives every tag its page', () => {
    const byTag = groupBy(published, (a) => a.data.tags.map(tagSlug));
    expect(byTag.size).toBeGreaterThan(10);
    for (const [slug, list] of byTag) expectSection(`/tag/${slug}/`, paths(list));
  });

  it('gives every reporter and editor a page listing what they reported or edited', () => {
    const byPerson = groupBy(published, (a) => personKeys({ reporters: a.data.reporter, editor: a.data.editor } as never));
    for (const [id, list] of byPerson) expectSection(`/penulis/${id}/`, paths(list));
    const $ = loadPage(site, '/penulis/bolok/');
    expect($('h1').text()).toBe('Bolok');
    expect($('.person__roles').text()).toBe('Reporter');
  });

  it('gives every location and month its page', () => {
    for (const [id, list] of groupBy(published, (a) => (a.data.location ? [a.data.location] : []))) expectSection(`/lokasi/${id}/`, paths(list));
    for (const [key, list] of groupBy(published, (a) => [monthKey(a.data.date, index.site.timeZone)])) expectSection(`/arsip/${key}/`, paths(list));
  });

  it('paginates the front page\'s latest stories at /halaman/N/, the first page less the stories shown above it', () => {
    expect(published.length).toBeGreaterThan(PAGE);
    const $ = loadPage(site, '/');
    const above = new Set($('.headline-story__title a, .top-stories .card__title a').toArray().map((a) => $(a).attr('href')!));
    expect(above.size).toBe(5);
    expectSection('/', paths(published).filter((p, i) => i >= PAGE || !above.has(p)));
  });

  it('titles pages in Indonesian', () => {
    expect(loadPage(site, '/kategori/ekonomi/')('h1').text()).toBe('Berita Ekonomi');
    expect(loadPage(site, '/lokasi/palembang/')('title').text()).toBe('Berita Palembang - Liputan ABN');
    expect(loadPage(site, '/arsip/2023/07/')('h1').text()).toBe('Arsip Juli 2023');
    expect(loadPage(site, '/')('[data-load-more] button').first().text().trim()).toBe('Muat lebih banyak');
  });

  it('marks the load-more control with the next page and the no-JS links with rel=prev/next', () => {
    const $ = loadPage(site, '/');
    expect($('[data-load-more] button').attr('data-next')).toBe('/halaman/2/');
    expect($('[data-load-more] button').text()).toBe('Muat lebih banyak');
    expect($('.pagination a[rel=next]').attr('href')).toBe('/halaman/2/');
    const last = loadPage(site, '/halaman/2/');
    expect(last('.pagination a[rel=prev]').attr('href')).toBe('/');
    expect(last('[data-load-more]').length).toBe(0);
    expect(last('[data-load-more-end]').text()).toBe('Tidak ada berita lagi');
  });
});

describe('the front page', () => {
  const $ = loadPage(site, '/');

  it('puts the newest headline-marked story in the headline slot', () => {
    const headline = published.find((a) => a.data.headline)!;
    expect($('.headline-story__title a').attr('href')).toBe(headline.path);
  });

  it('shows breaking stories from the 24 hours before the build', () => {
    const expected = published.filter((a) => a.data.breaking && now.getTime() - a.data.date.getTime() < 86_400_000).map((a) => a.path);
    expect(expected.length).toBeGreaterThan(0);
    expect($('.breaking a').toArray().map((a) => $(a).attr('href'))).toEqual(expected);
  });

  it('has one block per category and a most-read box that keeps its place until the API fills it', () => {
    expect($('.home__section').length).toBe(index.categories.size);
    expect($('[data-popular-box] [data-popular-list]').attr('aria-busy')).toBe('true');
    expect($('[data-popular-box] li').length).toBe(0);
  });
});

describe('the day-by-day index', () => {
  it('lists days newest first, each linking to its own day page with a calendar of links', () => {
    const $ = loadPage(site, '/indeks/');
    const days = $('.day-group h2 a').toArray().map((a) => $(a).attr('href')!);
    expect(days.length).toBeGreaterThan(1);
    expect([...days].sort().reverse()).toEqual(days);
    for (const d of days) expect(pageExists(site, d), d).toBe(true);
    expect($('.calendar a').length).toBeGreaterThan(0);
  });

  it('shows a day\'s stories on its day page', () => {
    const $ = loadPage(site, '/indeks/2023/07/05/');
    expect($('[data-listing] a[href="/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/"]').length).toBe(1);
    expect($('.calendar a[aria-current=date]').text()).toBe('5');
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const feeds = ['rss.xml', ...[...index.categories.keys()].map((id) => `kategori/${id}/rss.xml`)];

  it('parse as XML, newest first, with dates in the site zone', () => {
    for (const feed of feeds) {
      const xml = readXml(feed);
      expect(XMLValidator.validate(xml), feed).toBe(true);
      const channel = parser.parse(xml).rss.channel;
      const items = [channel.item ?? []].flat() as Record<string, string>[];
      expect(items.length, feed).toBeGreaterThan(0);
      const dates = items.map((i) => new Date(i['dc:date']).getTime());
      expect([...dates].sort((a, b) => b - a), feed).toEqual(dates);
      for (const item of items) {
        expect(item.pubDate).toMatch(/\+0700$/);
        expect(item['dc:date']).toMatch(/\+07:00$/);
        expect(item['dc:creator']).toBeTruthy();
        expect(item.description).toBeTruthy();
      }
    }
  });

  it('are advertised in <head> for autodiscovery', () => {
    const $ = loadPage(site, '/kategori/ekonomi/');
    const hrefs = $('link[rel=alternate][type="application/rss+xml"]').toArray().map((l) => $(l).attr('href'));
    expect(hrefs).toEqual(['/rss.xml', '/kategori/ekonomi/rss.xml']);
  });

  it('carry the cover image', () => {
    expect(readXml('rss.xml')).toMatch(/<media:content url="https:\/\/liputanabn\.com\/_astro\/[^"]+\.jpg" medium="image"/);
  });
});

describe('sitemaps and robots.txt', () => {
  it('lists in the news sitemap exactly the stories from the 48 hours before the build', () => {
    const xml = readXml('news-sitemap.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const expected = published.filter((a) => now.getTime() - a.data.date.getTime() < 48 * 3_600_000).map((a) => `https://liputanabn.com${a.path}`);
    expect(expected.length).toBeGreaterThan(3);
    expect(urls).toEqual(expected);
    for (const d of xml.matchAll(/<news:publication_date>([^<]+)</g)) expect(d[1]).toMatch(/\+07:00$/);
  });

  it('keeps noindex pages, drafts and scheduled stories out of the sitemap', () => {
    const xml = readXml('sitemap-0.xml');
    expect(xml).not.toContain('/404/');
    expect(xml).not.toContain('/cari/');
    for (const a of index.articles.filter((x) => !isPublished(x.data, now))) expect(xml).not.toContain(a.path);
    expect(xml).toContain('<loc>https://liputanabn.com/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/</loc><lastmod>');
  });

  it('names both sitemaps in robots.txt', () => {
    const robots = readXml('robots.txt');
    expect(robots).toContain('Sitemap: https://liputanabn.com/sitemap-index.xml');
    expect(robots).toContain('Sitemap: https://liputanabn.com/news-sitemap.xml');
  });
});

describe('static pages', () => {
  it('builds every page in content/pages and links them from the footer', () => {
    const $ = loadPage(site, '/');
    const footer = $('.site-footer a').toArray().map((a) => $(a).attr('href'));
    for (const id of ['tentang-kami', 'redaksi', 'pedoman-media-siber', 'kebijakan-privasi', 'kontak']) {
      expect(footer).toContain(`/${id}/`);
      expect(pageExists(site, `/${id}/`)).toBe(true);
    }
  });

  it('lists the newsroom on the Redaksi page', () => {
    const $ = loadPage(site, '/redaksi/');
    expect($('.masthead dd a[href="/penulis/mastari/"]').text()).toBe('Mastari');
    expect($('.masthead dd a[href="/penulis/bolok/"]').length).toBe(1);
  });

  it('serves a 404 page in Indonesian with search and the latest stories', () => {
    const $ = cheerioLoad404();
    expect($('h1').text()).toBe('Halaman tidak ditemukan');
    expect($('form[action="/cari/"]').length).toBeGreaterThan(1);
    expect($('.card').length).toBeGreaterThan(0);
    expect($('meta[name=robots]').attr('content')).toContain('noindex');
  });
});

function cheerioLoad404() {
  return cheerio.load(readXml('404.html'));
}
