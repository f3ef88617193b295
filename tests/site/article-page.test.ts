import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { loadPage, pageExists, textOf } from '../helpers/pages.ts';
import { root, sites } from '../helpers/sites.ts';

const site = sites.demo;
const SAMPLE = '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/';
const index = loadContent(path.join(root, site.content), root);
const now = new Date(site.now);

describe('which articles the production build publishes', () => {
  it('builds one page per published article', () => {
    const published = index.articles.filter((a) => isPublished(a.data, now));
    expect(published.length).toBeGreaterThan(30);
    for (const a of published) expect(pageExists(site, a.path), a.path).toBe(true);
  });

  it('builds no page for drafts or articles scheduled after WARTA_NOW', () => {
    const hidden = index.articles.filter((a) => !isPublished(a.data, now));
    expect(hidden.map((a) => (a.data.draft ? 'draft' : 'scheduled')).sort()).toEqual(['draft', 'scheduled']);
    for (const a of hidden) expect(pageExists(site, a.path), a.path).toBe(false);
  });
});

describe('the sample article page', () => {
  const $ = loadPage(site, SAMPLE);
  const article = $('article.article');

  it('shows breadcrumb, headline, byline, body, reporter code, editor, tags, share, related, the rail and comments in that order', () => {
    const order = [
      '.breadcrumb',
      'h1',
      '.byline',
      '.article-body',
      '.reporter-code',
      '.editor-line',
      '.tags',
      '.share',
      '.related',
      '.article-rail [data-latest-box]',
      '.article-rail [data-popular-box]',
      '[data-comments-mount]',
    ];
    const page = $('.article-page');
    const all = page.find('*').toArray();
    const positions = order.map((sel) => all.indexOf(page.find(sel).get(0)!));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('keeps room in Berita Terkini for the five stories the browser will list', () => {
    const box = $('[data-latest-box]');
    expect(box.attr('data-shown')).toBe('5');
    expect(box.attr('style')).toBe('--rows: 5');
    // The notice for a list that cannot be read is an empty live region until then.
    expect(box.find('[role=status]').text()).toBe('');
    expect(box.find('[role=status]').attr('data-latest-unavailable')).toBe('Berita terkini tidak dapat dimuat saat ini. Muat ulang halaman untuk mencoba lagi.');
  });

  it('links the category in the breadcrumb and the reporter in the byline', () => {
    expect(article.find('.breadcrumb a').last().attr('href')).toBe('/kategori/hukum-kriminal/');
    expect(article.find('.byline a[rel=author]').attr('href')).toBe('/penulis/bolok/');
  });

  it('dates the byline in Indonesian, in WIB', () => {
    expect(article.find('.byline time').first().text()).toBe('Rabu, 5 Juli 2023 pukul 13.00 WIB');
    expect(article.find('.byline time').first().attr('datetime')).toBe('2023-07-05T13:00:00+07:00');
  });

  it('starts the first paragraph with the dateline on the same line as the text', () => {
    const first = article.find('.article-body > p').first();
    expect(first.text()).toMatch(/^Liputan ABN \| PALEMBANG – Bertempat di ruang Vicon Bidhumas Polda Sumsel/);
  });

  it('prints the dateline, the reporter code and the editor line exactly once', () => {
    const text = textOf($);
    expect(text.split('Liputan ABN | PALEMBANG –')).toHaveLength(2);
    expect(text.split('( Bolok )')).toHaveLength(2);
    expect(text.split('Editor : Mastari')).toHaveLength(2);
  });

  it('keeps the published text, typos included', () => {
    const body = article.find('.article-body').text();
    expect(body).toContain('Kombes Pol Drs Supriadi MM');
    expect(body).toContain('influincer');
    expect(body).not.toContain('Liputanabn.com');
  });

  it('has a view-count element for the view counter to fill', () => {
    const views = article.find('[data-view-count]');
    expect(views.attr('data-article-id')).toBe('polda-sumsel-zoom-meeting-manajemen-citra-polri');
    expect(views.attr('data-template')).toBe('{count} Dilihat');
  });

  it('shows reading time computed by our remark plugin, proving the unified processor ran', () => {
    expect(article.find('.byline').text()).toMatch(/\d+ menit baca/);
  });

  it('offers plain share links with no third-party script', () => {
    const hrefs = article.find('.share a').toArray().map((a) => $(a).attr('href'));
    expect(hrefs.some((h) => h?.startsWith('https://wa.me/'))).toBe(true);
    expect(hrefs.some((h) => h?.startsWith('https://t.me/share/'))).toBe(true);
    expect($('script[src^="http"]').length).toBe(0);
  });

  it('lists related stories from the same category or tags', () => {
    expect(article.find('.related .card').length).toBeGreaterThan(0);
    expect(article.find('.related a[href^="/kategori/"]').first().text()).not.toBe('');
  });
});

describe('SEO on the article page', () => {
  const $ = loadPage(site, SAMPLE);
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());

  it('declares the language, canonical URL and large image previews', () => {
    expect($('html').attr('lang')).toBe('id');
    expect($('link[rel=canonical]').attr('href')).toBe(`https://liputanabn.com${SAMPLE}`);
    expect($('meta[name=robots]').attr('content')).toContain('max-image-preview:large');
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[property="article:published_time"]').attr('content')).toBe('2023-07-05T13:00:00+07:00');
    expect($('meta[name="twitter:card"]').attr('content')).toBeDefined();
  });

  it('gives search results and shares the short seoTitle while the page keeps the published headline', () => {
    expect($('title').text()).toContain('Polda Sumsel Gelar Rakor Implementasi Hero dalam Manajemen Citra Polri');
    expect($('meta[property="og:title"]').attr('content')).toContain('Polda Sumsel Gelar Rakor');
    expect($('h1').text()).toBe('Polda Sumsel Laksanakan Kegiatan zoom Meeting Rakor Sosialisasi dalam Rangka Implementasi Hero Dalam Manajemen Citra Polri');
  });

  it('describes the story as a schema.org NewsArticle with every newsroom field', () => {
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Polda Sumsel Gelar Rakor Implementasi Hero dalam Manajemen Citra Polri',
      datePublished: '2023-07-05T13:00:00+07:00',
      dateModified: '2023-07-05T13:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Bolok', url: 'https://liputanabn.com/penulis/bolok/' }],
      editor: { '@type': 'Person', name: 'Mastari' },
      publisher: { '@type': 'Organization', name: 'Liputan ABN', logo: { '@type': 'ImageObject', url: 'https://liputanabn.com/logo.svg' } },
      dateline: 'Liputan ABN | PALEMBANG –',
      locationCreated: { '@type': 'Place', name: 'Palembang' },
      articleSection: 'Hukum & Kriminal',
      keywords: 'Polda Sumsel, Humas Polri, Manajemen Citra Polri',
    });
  });

  it('writes every date in JSON-LD and meta tags with the +07:00 offset', () => {
    const html = $.html();
    const dates = [...html.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[^"<\s]*/g)].map((m) => m[0]);
    expect(dates.length).toBeGreaterThan(3);
    for (const d of dates) expect(d).toMatch(/\+07:00$/);
  });
});

describe('a co-bylined article with a cover, photographer and "Baca juga"', () => {
  const $ = loadPage(site, '/2026/11/banjir-rendam-ratusan-rumah-di-palembang-usai-hujan-deras/');

  it('names both reporters and prints both codes', () => {
    expect($('.byline a[rel=author]').length).toBe(2);
    expect($('.reporter-code').text()).toMatch(/^\( \S+ \/ \S+ \)$/);
  });

  it('shows the cover through astro:assets with alt text and a credit', () => {
    const img = $('figure.cover img');
    expect(img.attr('src')).toMatch(/^\/_astro\//);
    expect(img.attr('alt')).not.toBe('');
    expect($('figure.cover figcaption').text()).not.toBe('');
    expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/liputanabn\.com\/_astro\/.+\.jpg$/);
  });

  it('renders the "Baca juga" directive as a link to the other article', () => {
    const aside = $('.article-body aside.baca-juga');
    expect(aside.find('strong').text()).toBe('Baca juga:');
    expect(aside.find('a').attr('href')).toMatch(/^\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/);
  });
});

describe('an MDX article with embeds', () => {
  const $ = loadPage(site, '/2026/10/lomba-perahu-bidar-meriahkan-sungai-musi/');

  it('renders the YouTube embed as a click-to-load box that loads nothing from YouTube up front', () => {
    const box = $('.embed[data-embed-src]');
    expect(box.attr('data-embed-src')).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\//);
    expect($('iframe').length).toBe(0);
    expect(box.find('button').text()).toBe('Muat YouTube');
  });

  it('renders the pull quote', () => {
    expect($('.pull-quote blockquote').text().trim()).not.toBe('');
  });
});
