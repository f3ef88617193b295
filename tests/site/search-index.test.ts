import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkSearchIndex, indexedUrls } from '../../src/search/index-check.ts';
import { loadContent } from '../../src/lib/content-check.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { htmlFiles, loadPage, readPage } from '../helpers/pages.ts';
import { outDir, root, sites } from '../helpers/sites.ts';
import { translations } from '../../src/i18n/translator.ts';

const site = sites.demo;
const bundle = path.join(outDir(site), 'pagefind');
const content = loadContent(path.join(root, site.content), root);
const published = content.articles.filter((a) => isPublished(a.data, new Date(site.now)));
const t = translations.id;

describe('the search index the demo build writes', () => {
  it('exists and holds exactly the published articles, as warta-articles.json lists them', () => {
    const entry = JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    const listed = JSON.parse(fs.readFileSync(path.join(outDir(site), 'warta-articles.json'), 'utf8')) as unknown[];
    expect(entry.languages.id.page_count).toBe(published.length);
    expect(listed).toHaveLength(published.length);
    expect(checkSearchIndex(bundle, { urls: published.map((a) => a.path), language: 'id' })).toEqual([]);
  });

  it('leaves out the home page, static pages, section pages and the search page', () => {
    const urls = new Set(indexedUrls(bundle, 'id'));
    for (const url of ['/', '/redaksi/', '/tentang-kami/', '/cari/', `/kategori/${content.categories.values().next().value!.id}/`]) {
      expect(urls.has(url), url).toBe(false);
    }
  });

  it('stores no text from navigation, footer, share links, related stories or comments', () => {
    const texts = fs.readdirSync(path.join(bundle, 'fragment')).map((f) => gunzipSync(fs.readFileSync(path.join(bundle, 'fragment', f))).toString('utf8'));
    const chrome = [t['site.home'], t['site.followUs'], t['article.comments'], t['article.commentsPending'], t['article.copyLink'], t['article.related'], 'Instagram', 'Hak cipta'];
    for (const word of chrome) expect(texts.filter((text) => text.includes(word)), word).toEqual([]);
  });

  it('ships Pagefind’s JS API and an Indonesian stemmer with the index', () => {
    for (const file of ['pagefind.js', 'wasm.id.pagefind']) {
      expect(fs.existsSync(path.join(bundle, file)), file).toBe(true);
    }
  });
});

describe('what an article page tells Pagefind', () => {
  const $ = loadPage(site, '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/');

  it('marks only the headline and the body for indexing', () => {
    expect($('[data-pagefind-body]').toArray().map((el) => $(el).attr('class'))).toEqual(['article-header', 'article-body']);
    expect($('html').attr('lang')).toBe('id');
  });

  it('names kategori, lokasi and reporter as readers see them, and sorts by the publication time in the site time zone', () => {
    const filter = (key: string) => $(`[data-pagefind-filter="${key}"]`).map((_, el) => $(el).text()).get();
    expect(filter('kategori')).toEqual(['Hukum & Kriminal']);
    expect(filter('lokasi')).toEqual(['Palembang']);
    expect(filter('reporter')).toEqual(['Bolok']);
    expect($('[data-pagefind-sort="tanggal[data-value]"]').attr('data-value')).toBe('2023-07-05T13:00:00+07:00');
    expect($('[data-pagefind-meta="tanggal[data-value]"]').attr('data-value')).toBe('5 Juli 2023');
  });
});

describe('the search page', () => {
  const $ = loadPage(site, '/cari/');

  it('asks search engines not to index it', () => {
    expect($('meta[name="robots"]').attr('content')).toMatch(/noindex/);
  });

  it('tells readers without JavaScript that search needs it, and links every section', () => {
    const noscript = $('noscript').html() ?? '';
    expect(noscript).toContain('JavaScript');
    for (const category of content.categories.values()) expect(noscript).toContain(`href="/kategori/${category.id}/"`);
  });

  it('loads Pagefind’s JS API only, none of its interfaces', () => {
    const html = readPage(site, '/cari/');
    expect(html).not.toMatch(/pagefind[-\w]*ui\.(js|css)/);
    expect(html).not.toMatch(/<pagefind-/);
  });

  it('is the only page that loads Pagefind', () => {
    const loading = htmlFiles(site).filter((file) => /\/pagefind\//.test(readPage(site, `/${file.replace(/index\.html$/, '')}`)));
    expect(loading).toEqual(['cari/index.html']);
  });
});
