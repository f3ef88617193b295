import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
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

/** What Pagefind writes before the JSON of a fragment, once unzipped. */
const SIGNATURE = 'pagefind_dcd';

/** A phone's viewport, as readers mostly search. */
const PHONE = { width: 390, height: 844 };

async function openSearch(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${server.origin}/cari/${query}`);
  return page;
}

const summaryOf = (page: Page) => page.getByRole('status');
const searchBox = (page: Page) => page.locator('#search-input');
const filterMenu = (page: Page, label: string) => page.getByRole('combobox', { name: label, exact: true });
const readUrls = (page: Page) => page.$$eval('.search-result__title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/**
 * Site-relative URLs of the listed results, once the summary reports the search for `term` and no
 * search is under way (the list is written before the summary, and is busy while a search runs).
 */
async function resultUrls(page: Page, term: string): Promise<string[]> {
  await summaryOf(page).filter({ hasText: term }).filter({ hasNotText: '…' }).waitFor();
  await page.locator('[data-search-results]:not([aria-busy])').waitFor({ state: 'attached' });
  return readUrls(page);
}

async function typeQuery(page: Page, text: string) {
  await searchBox(page).fill(text);
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

  it('shows headline, date, highlighted excerpt and thumbnail for each result, and announces the count politely', async () => {
    const page = await openSearch('?q=banjir');
    await resultUrls(page, 'banjir');
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__date').innerText()).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u);
    expect(await first.locator('.search-result__excerpt mark').first().innerText()).toMatch(/^banjir\b/i);
    expect(await page.locator('.search-result__thumb').first().getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    // role="status" is a polite live region: read out once the reader pauses, not over their typing.
    expect(await summaryOf(page).innerText()).toMatch(/^\d+ hasil untuk banjir$/);
    await page.close();
  });

  it('shows five results, and five more with "Muat hasil lainnya", which moves focus to the first new one', async () => {
    const page = await openSearch('?q=Palembang');
    const first = await resultUrls(page, 'Palembang');
    expect(first).toHaveLength(5);
    await page.getByRole('button', { name: t['search.ui.loadMore'] }).press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 5);
    const all = await readUrls(page);
    expect(all.slice(0, 5)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    expect(await page.evaluate(() => new URL((document.activeElement as HTMLAnchorElement).href).pathname)).toBe(all[5]);
    await page.close();
  });

  it('writes a headline from the index as text, never as markup', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    // A fragment whose headline holds markup, as a hostile or careless story could.
    await page.route('**/pagefind/fragment/*.pf_fragment', async (route) => {
      const response = await route.fetch();
      const text = gunzipSync(await response.body()).toString('utf8');
      const data = JSON.parse(text.slice(SIGNATURE.length)) as { meta: Record<string, string> };
      data.meta.title = `<img src=x onerror="window.injected=1">${data.meta.title}`;
      await route.fulfill({ response, body: gzipSync(SIGNATURE + JSON.stringify(data)) });
    });
    await page.goto(`${server.origin}/cari/?q=Supriadi`);
    await resultUrls(page, 'Supriadi');
    const title = page.locator('.search-result__title').first();
    expect(await title.innerText()).toMatch(/^<img src=x onerror="window.injected=1">/);
    expect(await title.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await page.close();
  });
});

describe('filters and order', () => {
  it('shows only Palembang stories when lokasi Palembang is picked, and records it in the URL', async () => {
    const page = await openSearch();
    await typeQuery(page, 'hujan');
    const all = await resultUrls(page, 'hujan');
    expect(all.some((u) => locationOf(u) !== 'Palembang')).toBe(true);
    // A press fetches the menu's values and opens it; then the reader picks one.
    await filterMenu(page, t['search.filterLocation']).click();
    await filterMenu(page, t['search.filterLocation']).selectOption('Palembang');
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
    const urls = await resultUrls(page, 'Palembang');
    expect(urls.length).toBeGreaterThan(3);
    const dates = urls.map(dateOf);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.close();
  });

  it('restores query and filter from a shared URL, matching the value without regard to case', async () => {
    const page = await openSearch('?q=polisi&kategori=hukum%20%26%20kriminal');
    const urls = await resultUrls(page, 'polisi');
    expect(await searchBox(page).inputValue()).toBe('polisi');
    expect(await filterMenu(page, t['search.filterCategory']).inputValue()).toBe('Hukum & Kriminal');
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
    expect(await searchBox(page).inputValue()).toBe('Supriadi');
    await page.close();
  });
});

describe('the search page on a phone', () => {
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

  it('adds each result once, in order, when "Muat hasil lainnya" is pressed twice in a row', async () => {
    const page = await openSearch('?q=Palembang');
    const first = await resultUrls(page, 'Palembang');
    await page.getByRole('button', { name: t['search.ui.loadMore'] }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 5);
    await page.locator('[data-search-results]:not([aria-busy])').waitFor({ state: 'attached' });
    const all = await readUrls(page);
    expect(all.slice(0, 5)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    await page.close();
  });

  it('counts beside each filter value the results on screen, not the whole site, once the values arrive', async () => {
    const inPalembang = await openSearch('?q=hujan&lokasi=palembang');
    await resultUrls(inPalembang, 'hujan');
    const expected = Number((await summaryOf(inPalembang).innerText()).match(/\d+/)![0]);
    await inPalembang.close();
    const page = await openSearch('?q=hujan');
    await resultUrls(page, 'hujan');
    const menu = filterMenu(page, t['search.filterLocation']);
    await menu.focus();
    const palembang = menu.locator('option', { hasText: /^Palembang \(/ });
    await expect.poll(async () => ((await palembang.count()) > 0 ? palembang.innerText() : '')).toBe(`Palembang (${expected})`);
    await page.close();
  });

  it('shows a chosen filter as its name and value, "Lokasi" and "Palembang", with no count', async () => {
    const page = await openSearch('?q=hujan&lokasi=palembang');
    await resultUrls(page, 'hujan');
    const menu = filterMenu(page, t['search.filterLocation']);
    expect(await menu.evaluate((select: HTMLSelectElement) => [select.tagName, select.multiple, select.selectedOptions[0]!.text])).toEqual(['SELECT', false, 'Palembang']);
    expect(await page.locator('label', { hasText: t['search.filterLocation'] }).isVisible()).toBe(true);
    // A value not chosen tells how many results it would leave.
    expect(await filterMenu(page, t['search.filterCategory']).locator('option').nth(1).innerText()).toMatch(/^\S.* \(\d+\)$/);
    await page.close();
  });

  it('works from the keyboard: Tab to a filter, type a value to choose it, the results follow', async () => {
    const page = await openSearch('?q=hujan');
    await resultUrls(page, 'hujan');
    await searchBox(page).focus();
    const menu = filterMenu(page, t['search.filterLocation']);
    for (let i = 0; i < 5 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    // Focus fetched the values; a closed menu takes type-ahead.
    await page.waitForFunction(() => (document.querySelector('select[name="lokasi"]') as HTMLSelectElement).options.length > 1);
    await page.keyboard.type('Palembang');
    await page.waitForURL(/lokasi=Palembang/);
    const filtered = await resultUrls(page, 'hujan');
    for (const url of filtered) expect(locationOf(url), url).toBe('Palembang');
    await page.close();
  });

  it('opens a filter menu pressed before its values arrived, with them in it; Escape closes it, and so does a choice', async () => {
    const page = await openSearch('?q=hujan');
    await resultUrls(page, 'hujan');
    const menu = filterMenu(page, t['search.filterLocation']);
    const isOpen = () => menu.evaluate((select) => select.matches(':open'));
    expect(await menu.locator('option').count()).toBe(1);
    await menu.click();
    await expect.poll(isOpen).toBe(true);
    expect(await menu.locator('option').count()).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await expect.poll(isOpen).toBe(false);
    expect(page.url()).not.toMatch(/lokasi=/);
    await menu.click();
    await expect.poll(isOpen).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(isOpen).toBe(false);
    await page.waitForURL(/lokasi=/);
    await page.close();
  });

  it('offers "Hapus" only beside a filter that has a value, and it clears that filter', async () => {
    const page = await openSearch('?q=polisi&kategori=hukum%20%26%20kriminal');
    await resultUrls(page, 'polisi');
    const clear = page.getByRole('button', { name: new RegExp(`^${t['search.ui.clearSearch']} `) });
    expect(await clear.count()).toBe(1);
    // Seen as "Hapus"; heard as "Hapus Kategori", the name of the filter it clears.
    expect((await clear.textContent())!.trim()).toBe(`${t['search.ui.clearSearch']} ${t['search.filterCategory']}`);
    expect(await clear.locator('.visually-hidden').innerText()).toBe(t['search.filterCategory']);
    await clear.click();
    await page.waitForURL((url) => !url.search.includes('kategori'));
    expect(await filterMenu(page, t['search.filterCategory']).inputValue()).toBe('');
    expect(await clear.count()).toBe(0);
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

  it('uses only the site’s own words: no label from Pagefind’s interface', async () => {
    const page = await openSearch('?q=banjir');
    await resultUrls(page, 'banjir');
    const text = (await Promise.all(['[data-search-form]', '[data-search-summary]'].map((s) => page.locator(s).innerText()))).join('\n');
    expect(text).toContain(t['search.filterAll']);
    expect(text).not.toMatch(/\b(results?|filters?|clear|load more|search)\b/i);
    expect(await searchBox(page).getAttribute('placeholder')).toBe(t['search.ui.placeholder']);
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

  it('fetches no filter data, no worker and no Component UI for a plain search, and fetches filter data once a filter menu is reached', async () => {
    const page = await openSearch();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await typeQuery(page, 'hujan');
    await resultUrls(page, 'hujan');
    await page.waitForLoadState('networkidle');
    expect(requested.some((p) => p.endsWith('.pf_meta'))).toBe(true);
    expect(requested.filter((p) => /\.pf_filter$|pagefind-worker\.js$|ui\.(js|css)$/.test(p))).toEqual([]);
    await filterMenu(page, t['search.filterReporter']).focus();
    await page.waitForFunction(() => (document.querySelector('select[name="reporter"]') as HTMLSelectElement).options.length > 1);
    expect(requested.filter((p) => p.endsWith('.pf_filter')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('downloads nothing from the index until the reader searches', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/cari/`);
    await searchBox(page).waitFor();
    expect(requested.filter((p) => /\.pf_|wasm\.|pagefind\.js$/.test(p))).toEqual([]);
    await page.close();
  });
});
