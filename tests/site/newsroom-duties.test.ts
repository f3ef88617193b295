/**
 * The press council's duties and live coverage on a built site (the newsroom fixture, built
 * once by the global setup at 12:00 WIB on 27 November 2026, in the middle of a live story).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, readPage } from '../helpers/pages.ts';
import { outDir, sites } from '../helpers/sites.ts';

const site = sites.newsroom;
const LIVE = '/2026/11/banjir-kertapati-langsung/';
const jsonLd = (urlPath: string) => JSON.parse(loadPage(site, urlPath)('script[type="application/ld+json"]').first().text());

describe('urgent news published before verification', () => {
  it('ends with the guideline note, in parentheses and italics, while no follow-up verifies it', () => {
    const $ = loadPage(site, '/2026/11/pasar-terbakar-belum-terverifikasi/');
    const note = $('.verification-note');
    expect(note.children('em').text()).toBe('(Berita ini masih memerlukan verifikasi lebih lanjut yang diupayakan dalam waktu secepatnya.)');
    // At the end of the story: after its last paragraph.
    expect($('.article-body').nextAll('.verification-note').length).toBe(1);
  });

  it('links the verified account from the original, and the original from the follow-up', () => {
    const original = loadPage(site, '/2026/11/jembatan-musi-retak/');
    expect(original('.verification-note em').text()).toBe(
      '(Berita ini dimuat sebelum verifikasi selesai. Hasil verifikasinya: Dinas PU pastikan retakan Jembatan Musi IV hanya di lapisan cat.)',
    );
    expect(original('.verification-note a').attr('href')).toBe('/2026/11/jembatan-musi-diperiksa/');
    const followUp = loadPage(site, '/2026/11/jembatan-musi-diperiksa/');
    expect(followUp('.notice--reply').text()).toContain('Hasil verifikasi atas berita:');
    expect(followUp('.notice--reply a').attr('href')).toBe('/2026/11/jembatan-musi-retak/');
    expect(followUp('.verification-note').length).toBe(0);
  });
});

describe('a story made with AI', () => {
  const path_ = '/2026/11/kabut-asap-selimuti-palembang/';

  it('labels its text and its cover on the page', () => {
    const $ = loadPage(site, path_);
    expect($('.ai-label--text').text()).toBe('Teks berita ini disunting dengan bantuan kecerdasan artifisial (AI).');
    expect($('figure.cover figcaption .ai-label').text()).toBe('Gambar dibuat dengan kecerdasan artifisial (AI)');
  });

  it('labels its picture on the cards that show it', () => {
    const $ = loadPage(site, '/kategori/peristiwa/');
    const card = $(`.card:has(a[href="${path_}"])`);
    expect(card.find('.card__ai-label').text()).toBe('Gambar AI');
    expect($('.card__ai-label').length).toBe(1);
  });

  it('tells machines in the JSON-LD and the feed', () => {
    const ld = jsonLd(path_);
    expect(ld.digitalSourceType).toBe('https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource');
    expect(ld.image[0]).toMatchObject({ '@type': 'ImageObject', digitalSourceType: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource' });
    const item = readPage(site, '/rss.xml').split('<item>').find((i) => i.includes(path_))!;
    expect(item).toContain('Gambar dibuat dengan kecerdasan artifisial (AI). Teks berita ini disunting dengan bantuan kecerdasan artifisial (AI).</description>');
    expect(item).toContain('<category domain="http://cv.iptc.org/newscodes/digitalsourcetype/">compositeWithTrainedAlgorithmicMedia</category>');
    expect(item).toContain('<media:category scheme="http://cv.iptc.org/newscodes/digitalsourcetype/">trainedAlgorithmicMedia</media:category>');
  });
});

describe('a live story', () => {
  it('shows its three updates newest first, each with its own anchor, after the introduction', () => {
    const $ = loadPage(site, LIVE);
    const updates = $('.article-body .live-updates > article.live-update');
    expect(updates.map((_, a) => $(a).attr('id')).get()).toEqual(['update-20261127-1140', 'update-20261127-0915', 'update-20261127-0730']);
    expect(updates.first().find('.live-update__headline a').attr('href')).toBe('#update-20261127-1140');
    expect(updates.first().find('time').text()).toBe('27 Nov, 11.40 WIB');
    expect($('.article-body > p').first().text()).toContain('Hujan deras sejak dini hari');
  });

  it('is published as a LiveBlogPosting with every property Google requires', () => {
    const ld = jsonLd(LIVE);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.coverageStartTime).toBe('2026-11-27T06:00:00+07:00');
    expect(ld.coverageEndTime).toBe('2026-11-27T22:00:00+07:00');
    expect(ld.headline).toBe('Banjir Kertapati: perkembangan terkini');
    expect(ld.liveBlogUpdate).toHaveLength(3);
    for (const update of ld.liveBlogUpdate) {
      expect(update['@type']).toBe('BlogPosting');
      expect(update.headline).toMatch(/\S/);
      expect(update.datePublished).toMatch(/^2026-11-27T\d\d:\d\d:00\+07:00$/);
      expect(update.articleBody).toMatch(/\S/);
    }
    expect(ld.liveBlogUpdate[0]).toMatchObject({ headline: 'Air mulai surut di Jalan Abikusno', articleBody: 'Ketinggian air di Jalan Abikusno turun 20 sentimeter sejak pukul 10 pagi.' });
  });

  it('writes the small JSON its open pages poll, with each update as the page shows it', () => {
    const json = JSON.parse(fs.readFileSync(path.join(outDir(site), 'langsung/banjir-kertapati-langsung.json'), 'utf8'));
    expect(json.updates.map((u: { id: string }) => u.id)).toEqual(['update-20261127-1140', 'update-20261127-0915', 'update-20261127-0730']);
    const $ = loadPage(site, LIVE);
    // As on the page, but for the heading ids Astro adds after the Markdown plugins (the update's own anchor is the link).
    expect(json.updates[0].html).toBe($.html($('#update-20261127-1140')).replace(/ id="air-mulai-surut-di-jalan-abikusno"/, ''));
    // Only live stories get one.
    expect(fs.readdirSync(path.join(outDir(site), 'langsung'))).toEqual(['banjir-kertapati-langsung.json']);
  });

  it('tells the page where to poll and how often (site.yaml live.pollSeconds)', () => {
    const $ = loadPage(site, LIVE);
    expect($('[data-live-coverage]').attr('data-live-json')).toBe('/langsung/banjir-kertapati-langsung.json');
    expect($('[data-live-coverage]').attr('data-poll-seconds')).toBe('2');
  });

  it('carries the LANGSUNG badge on its page, its cards and the front page while live', () => {
    expect(loadPage(site, LIVE)('.article-header .live-badge').text()).toBe('LANGSUNG');
    const home = loadPage(site, '/');
    const badges = home('[data-live-badge]');
    expect(badges.length).toBeGreaterThan(0);
    badges.each((_, b) => {
      expect(home(b).attr('hidden')).toBeUndefined();
      expect(home(b).closest('.card, .headline-story').find(`a[href="${LIVE}"]`).length).toBe(1);
    });
    expect(loadPage(site, '/kategori/peristiwa/')(`.card:has(a[href="${LIVE}"]) .live-badge`).attr('data-live-end')).toBe('2026-11-27T22:00:00+07:00');
  });

  it('puts each update in the feed as an item of its own, linking to its anchor', () => {
    const feed = readPage(site, '/rss.xml');
    expect(feed).toContain(`<title>Banjir Kertapati: perkembangan terkini — Air mulai surut di Jalan Abikusno</title><link>https://redaksi.example${LIVE}#update-20261127-1140</link>`);
    expect(feed.match(/#update-2026/g)?.length).toBe(6); // link and guid of three updates
  });
});
