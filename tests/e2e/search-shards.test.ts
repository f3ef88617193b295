/**
 * A large site's search index is split into a recent bundle and the archive
 * (src/search/shards.ts), merged in the reader's browser after the first answer. The
 * `searchShards` fixture is the demo split into the newest month and three archive bundles by
 * year; every search on it must end with the answer the demo's single index gives.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, sites } from '../helpers/sites.ts';

let browser: Browser;
let whole: Awaited<ReturnType<typeof serveStatic>>;
let split: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  browser = await launchBrowser();
  whole = await serveStatic(outDir(sites.demo));
  split = await serveStatic(outDir(sites.searchShards));
});

afterAll(async () => {
  await browser?.close();
  await whole?.close();
  await split?.close();
});

interface Answer {
  summary: string;
  urls: string[];
  /** Search bundles the page fetched index files from. */
  bundles: string[];
}

/** Runs a search from a URL (`?q=…&urut=terbaru`) and returns the summary, the listed results (all of them with `everyPage`) and the bundles used. */
async function search(origin: string, query: string, everyPage = false): Promise<Answer> {
  const page: Page = await browser.newPage();
  const bundles = new Set<string>();
  page.on('request', (r) => {
    const match = /^(\/pagefind\/(?:arsip-[^/]+\/)?)[^/]+\.pf_meta$/.exec(new URL(r.url()).pathname);
    if (match) bundles.add(match[1]!);
  });
  await page.goto(`${origin}/cari/${query}`);
  const term = new URLSearchParams(query).get('q')!;
  await page.getByRole('status').filter({ hasText: term }).filter({ hasNotText: '…' }).waitFor();
  await page.locator('.search-result__title a').first().waitFor();
  // The archive merges after the first answer, and the search runs again over everything: the page marks
  // the merge and keeps the list busy until that search has answered.
  await page.locator('[data-search-page]:not([data-merge-index]), [data-search-page][data-archive="merged"]').waitFor({ state: 'attached' });
  await page.locator('[data-search-results]:not([aria-busy])').waitFor({ state: 'attached' });
  const more = page.locator('[data-search-more]');
  while (everyPage && (await more.isVisible())) {
    const shown = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, shown);
  }
  const answer = {
    summary: (await page.getByRole('status').innerText()).trim(),
    urls: await page.$$eval('.search-result__title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    bundles: [...bundles].sort(),
  };
  await page.close();
  return answer;
}

describe('search over an index split into a recent bundle and the archive', () => {
  it('fetches the page table of every bundle named on /cari/', async () => {
    const answer = await search(split.origin, '?q=Palembang');
    expect(answer.bundles).toEqual(['/pagefind/', '/pagefind/arsip-2023-2024/', '/pagefind/arsip-2025/', '/pagefind/arsip-2026/']);
  });

  it('shows the recent bundle’s stories before any archive file has arrived, then the whole answer', async () => {
    const page: Page = await browser.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const archive: string[] = [];
    await page.route(/\/pagefind\/arsip-/, async (route) => {
      archive.push(new URL(route.request().url()).pathname);
      await held;
      await route.continue();
    });
    await page.goto(`${split.origin}/cari/?q=polisi&urut=terbaru`);
    await page.locator('.search-result__title a').first().waitFor();
    const first = await page.$$eval('.search-result__title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((url) => url.startsWith('/2026/11/'))).toBe(true);
    expect(archive.length).toBeGreaterThan(0);
    release();
    const one = await search(whole.origin, '?q=polisi&urut=terbaru');
    await page.getByRole('status').filter({ hasText: one.summary }).waitFor();
    await page.locator('[data-search-page][data-archive="merged"] [data-search-results]:not([aria-busy])').waitFor({ state: 'attached' });
    expect(await page.$$eval('.search-result__title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(one.urls);
    await page.close();
  });

  it.each(['Palembang', 'hujan', 'polisi', 'Supriadi'])('finds as many stories for "%s" as the single index, and lists the same ones newest first', async (term) => {
    const query = `?q=${encodeURIComponent(term)}&urut=terbaru`;
    const [one, many] = await Promise.all([search(whole.origin, query), search(split.origin, query)]);
    expect(many.summary).toBe(one.summary);
    expect(many.urls.length).toBeGreaterThan(0);
    expect(many.urls).toEqual(one.urls);
  });

  it('lists every story for "Palembang" in date order across the bundles when "Terbaru" is chosen, page after page as the reader asks for more', async () => {
    const query = '?q=Palembang&urut=terbaru';
    const [one, many] = await Promise.all([search(whole.origin, query, true), search(split.origin, query, true)]);
    expect(new Set(many.urls.map((u) => u.split('/')[1]))).toEqual(new Set(['2023', '2024', '2025', '2026']));
    expect(many.urls).toEqual(one.urls);
  });

  it('ranks by relevance across bundles: the sample article from the oldest bundle comes first for "Supriadi"', async () => {
    const { urls } = await search(split.origin, '?q=Supriadi');
    expect(urls[0]).toBe('/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/');
  });

  it('filters across bundles: lokasi Palembang gives the same stories as on the single index', async () => {
    const query = '?q=hujan&lokasi=Palembang&urut=terbaru';
    const [one, many] = await Promise.all([search(whole.origin, query), search(split.origin, query)]);
    expect(many.urls.length).toBeGreaterThan(0);
    expect(many.urls).toEqual(one.urls);
    expect(many.summary).toBe(one.summary);
    expect(many.summary).toMatch(/^\d+ hasil/);
  });
});
