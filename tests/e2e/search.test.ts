import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { translations } from '../../src/i18n/translator.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { readPage } from '../helpers/pages.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, root, sites } from '../helpers/sites.ts';

const site = sites.demo;
const SAMPLE = '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/';
const content = loadContent(path.join(root, site.content), root);
const published = content.articles.filter((a) => isPublished(a.data, new Date(site.now)));
const locationOf = (url: string) => content.locations.get(published.find((a) => a.path === url)!.data.location!)!.name;
const dateOf = (url: string) => published.find((a) => a.path === url)!.data.date.getTime();
const t = translations.id;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(outDir(site));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone's viewport, as readers mostly search. */
const PHONE = { width: 390, height: 844 };

async function openSearch(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${server.origin}/cari/${query}`);
  return page;
}

/** Site-relative URLs of the listed results, once the summary reports the search done. */
async function resultUrls(page: Page, term: string): Promise<string[]> {
  await page.locator('pagefind-summary').filter({ hasText: term }).filter({ hasNotText: '…' }).waitFor();
  await page.locator('.search-result__title a').first().waitFor();
  // Results render one by one as their fragments arrive (slowly on a busy machine): read until
  // two reads a moment apart agree.
  const read = () => page.$$eval('.search-result__title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  let last = await read();
  for (;;) {
    await page.waitForTimeout(300);
    const now = await read();
    if (now.join() === last.join()) return now;
    last = now;
  }
}

async function typeQuery(page: Page, text: string) {
  await page.locator('pagefind-input input').fill(text);
}

describe('finding stories by word', () => {
  it('lists the sample article first for the rare word "Supriadi"', async () => {
    const page = await openSearch();
    await typeQuery(page, 'Supriadi');
    expect((await resultUrls(page, 'Supriadi'))[0]).toBe(SAMPLE);
    await page.close();
  });

  it('finds the sample article for "pelaksanaan" through Indonesian stemming, though it only says "dilaksanakan" and "Laksanakan"', async () => {
    const text = readPage(site, SAMPLE);
    expect(text).toMatch(/dilaksanakan/);
    expect(text).not.toMatch(/pelaksanaan/i);
    const page = await openSearch();
    await typeQuery(page, 'pelaksanaan');
    expect(await resultUrls(page, 'pelaksanaan')).toContain(SAMPLE);
    await page.close();
  });

  it('keeps place names whole: "Palembang" and "Bali" find the stories from there first', async () => {
    const page = await openSearch();
    await typeQuery(page, 'Bali');
    const bali = await resultUrls(page, 'Bali');
    expect(bali.slice(0, 2).sort()).toEqual([
      '/2025/11/perajin-songket-palembang-pamerkan-karya-di-denpasar-bali/',
      '/2026/06/atlet-dayung-sumsel-raih-emas-di-kejurnas-bali/',
    ]);
    await typeQuery(page, 'Palembang');
    const palembang = await resultUrls(page, 'Palembang');
    expect(palembang.length).toBeGreaterThan(3);
    expect(locationOf(palembang[0]!)).toBe('Palembang');
    await page.close();
  });

  it('shows headline, date, highlighted excerpt and thumbnail for each result', async () => {
    const page = await openSearch('?q=banjir');
    await resultUrls(page, 'banjir');
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__date').innerText()).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u);
    expect(await first.locator('.search-result__excerpt mark').first().innerText()).toMatch(/^banjir\b/i);
    expect(await page.locator('.search-result__thumb').first().getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    await page.close();
  });
});

describe('filters and order', () => {
  it('shows only Palembang stories when lokasi Palembang is picked, and records it in the URL', async () => {
    const page = await openSearch();
    await typeQuery(page, 'hujan');
    const all = await resultUrls(page, 'hujan');
    expect(all.some((u) => locationOf(u) !== 'Palembang')).toBe(true);
    await page.locator('pagefind-filter-dropdown[filter="lokasi"] button').first().click();
    await page.getByRole('option', { name: /^Palembang/ }).click();
    await page.waitForURL(/lokasi=Palembang/);
    const filtered = await resultUrls(page, 'hujan');
    expect(filtered.length).toBeGreaterThan(0);
    for (const url of filtered) expect(locationOf(url), url).toBe('Palembang');
    await page.close();
  });

  it('puts results in date order, newest first, when "Terbaru" is chosen', async () => {
    const page = await openSearch('?q=Palembang&lokasi=Palembang');
    await resultUrls(page, 'Palembang');
    await page.getByLabel(t['search.sortNewest']).check();
    await page.waitForURL(/urut=terbaru/);
    await page.waitForFunction(() => document.querySelectorAll('.search-result__title a').length > 3);
    const urls = await resultUrls(page, 'Palembang');
    const dates = urls.map(dateOf);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.close();
  });

  it('restores query and filter from a shared URL, matching the value without regard to case', async () => {
    const page = await openSearch('?q=polisi&kategori=hukum%20%26%20kriminal');
    const urls = await resultUrls(page, 'polisi');
    expect(await page.locator('pagefind-input input').inputValue()).toBe('polisi');
    await expect.poll(() => page.locator('pagefind-filter-dropdown[filter="kategori"] .pf-dropdown-trigger').innerText().then((s) => s.trim())).toBe(`${t['search.filterCategory']}: Hukum & Kriminal`);
    for (const url of urls) expect(published.find((a) => a.path === url)!.data.category).toBe('hukum-kriminal');
    await page.close();
  });

  it('returns to the previous query with the back button', async () => {
    const page = await openSearch();
    await typeQuery(page, 'Supriadi');
    await page.waitForURL(/q=Supriadi/);
    await typeQuery(page, 'Bali');
    await page.waitForURL(/q=Bali/);
    await page.goBack();
    await page.waitForURL(/q=Supriadi/);
    expect((await resultUrls(page, 'Supriadi'))[0]).toBe(SAMPLE);
    expect(await page.locator('pagefind-input input').inputValue()).toBe('Supriadi');
    await page.close();
  });
});

describe('the search page on a phone', () => {
  const lokasi = (page: Page) => page.locator('pagefind-filter-dropdown[filter="lokasi"]');
  const menuOf = (page: Page) => lokasi(page).locator('.pf-dropdown-menu');
  /** Searches "hujan" and picks Palembang in the location menu, as a reader would. */
  async function hujanInPalembang(): Promise<Page> {
    const page = await openSearch('?q=hujan');
    await resultUrls(page, 'hujan');
    await lokasi(page).locator('button.pf-dropdown-trigger').click();
    await page.getByRole('option', { name: /^Palembang/ }).click();
    return page;
  }

  it('quotes the story’s body under each result, not its headline or dateline again', async () => {
    const page = await openSearch('?q=banjir');
    await resultUrls(page, 'banjir');
    const results = page.locator('.search-result');
    for (let i = 0; i < Math.min(3, await results.count()); i++) {
      const title = await results.nth(i).locator('.search-result__title').innerText();
      const excerpt = await results.nth(i).locator('.search-result__excerpt').innerText();
      expect(excerpt.startsWith(title), excerpt).toBe(false);
      expect(excerpt).not.toContain(`${content.site.datelineLabel} |`);
      expect(excerpt.length).toBeGreaterThan(60);
    }
    await page.close();
  });

  it('names a chosen filter by its value, "Lokasi: Palembang", not by a count', async () => {
    const page = await hujanInPalembang();
    await page.waitForURL(/lokasi=Palembang/);
    const trigger = page.getByRole('combobox', { name: `${t['search.filterLocation']}: Palembang` });
    await expect.poll(() => trigger.count()).toBe(1);
    expect((await trigger.innerText()).trim()).toBe(`${t['search.filterLocation']}: Palembang`);
    await page.close();
  });

  it('closes a filter menu once a value is chosen', async () => {
    const page = await hujanInPalembang();
    await expect.poll(() => menuOf(page).isHidden()).toBe(true);
    await page.close();
  });

  it('closes an open filter menu on Escape, also after a tap inside it moved focus off its button', async () => {
    const page = await openSearch('?q=hujan');
    await resultUrls(page, 'hujan');
    await lokasi(page).locator('button.pf-dropdown-trigger').click();
    await page.getByRole('option').first().waitFor();
    // The menu's own padding: not an option, not outside the menu.
    await menuOf(page).click({ position: { x: 2, y: 2 } });
    expect(await menuOf(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menuOf(page).isHidden()).toBe(true);
    await page.close();
  });

  it('offers "Hapus" only beside a filter that has a value', async () => {
    const page = await openSearch('?q=polisi&kategori=hukum%20%26%20kriminal');
    await resultUrls(page, 'polisi');
    const clear = (filter: string) => page.locator(`pagefind-filter-dropdown[filter="${filter}"] .pf-dropdown-clear`);
    await expect.poll(() => clear('kategori').isVisible()).toBe(true);
    expect(await clear('kategori').innerText()).toBe(t['search.ui.clearSearch']);
    expect(await clear('lokasi').isVisible()).toBe(false);
    expect(await clear('reporter').isVisible()).toBe(false);
    await page.close();
  });

  it('shows the query in the header’s search box, and follows it as the reader searches again', async () => {
    const page = await openSearch('?q=banjir');
    await resultUrls(page, 'banjir');
    const header = page.locator('form[role="search"] input[name="q"]');
    expect(await header.inputValue()).toBe('banjir');
    await typeQuery(page, 'Palembang');
    await expect.poll(() => header.inputValue()).toBe('Palembang');
    await page.close();
  });
});

describe('what the index leaves out', () => {
  it('holds no text from navigation, footer, share links, related stories or comments', async () => {
    const html = readPage(site, SAMPLE);
    // Words that appear on every article page, but only in its chrome.
    const chromeOnly = [t['site.home'], 'Siber', 'cipta', 'Instagram', 'Privasi', t['article.comments'], 'Salin', 'Terkait'];
    const page = await openSearch();
    // Pagefind's own JS API, so the check does not depend on the UI.
    await page.addScriptTag({ type: 'module', content: "import * as pagefind from '/pagefind/pagefind.js'; window.pagefindApi = pagefind;" });
    await page.waitForFunction(() => 'pagefindApi' in window);
    // Pagefind still answers such words with near matches (the stemmer cuts "Beranda" to "anda",
    // an unknown word falls back to a shorter prefix), so what must be absent is the word itself
    // among the highlighted matches.
    const matched = await page.evaluate(async (words) => {
      type Api = { search(term: string): Promise<{ results: { data(): Promise<{ excerpt: string }> }[] }> };
      const pagefind = (window as unknown as { pagefindApi: Api }).pagefindApi;
      const out: Record<string, string[]> = {};
      for (const w of [...words, 'Supriadi']) {
        const { results } = await pagefind.search(w);
        const excerpts = await Promise.all(results.map(async (r) => (await r.data()).excerpt));
        out[w] = excerpts.flatMap((e) => [...e.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!.toLowerCase()));
      }
      return out;
    }, chromeOnly);
    for (const word of chromeOnly) {
      expect(html, word).toContain(word);
      expect(matched[word]!.filter((m) => m.startsWith(word.toLowerCase())), word).toEqual([]);
    }
    expect(matched.Supriadi).toContain('supriadi');
    await page.close();
  });

  it('loads no Pagefind code on pages other than /cari/', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}${SAMPLE}`);
    await page.goto(`${server.origin}/`);
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.close();
  });

  it('fetches no filter data and no worker for a plain search, and fetches filter data once a filter dropdown is opened', async () => {
    const page = await openSearch();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await typeQuery(page, 'hujan');
    await resultUrls(page, 'hujan');
    await page.waitForLoadState('networkidle');
    expect(requested.some((p) => p.endsWith('.pf_meta'))).toBe(true);
    expect(requested.filter((p) => /\.pf_filter$|pagefind-worker\.js$/.test(p))).toEqual([]);
    await page.locator('pagefind-filter-dropdown[filter="reporter"] button').first().click();
    await page.getByRole('option').first().waitFor();
    expect(requested.filter((p) => p.endsWith('.pf_filter')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('downloads nothing from the index until the reader searches', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/cari/`);
    await page.locator('pagefind-input input').waitFor();
    expect(requested.filter((p) => /\.pf_|wasm\.|pagefind\.js$/.test(p))).toEqual([]);
    await page.close();
  });
});
