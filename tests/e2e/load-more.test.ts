import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, sites } from '../helpers/sites.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(outDir(sites.demo));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('"Muat lebih banyak" on the front page', () => {
  it('appends the next page of stories in place, then says there are no more', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const cards = page.locator('.home__latest [data-listing] > li');
    // The first page's 20 less the headline and the four top stories shown above the list.
    expect(await cards.count()).toBe(15);
    // A marker on window survives only if there is no full page load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const button = page.getByRole('button', { name: 'Muat lebih banyak' });
    expect(await page.locator('.home__latest [data-pagination]').isHidden()).toBe(true);
    await button.click();
    await page.getByText('Tidak ada berita lagi').waitFor();
    const total = await cards.count();
    expect(total).toBeGreaterThan(15);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(new URL(page.url()).pathname).toBe('/halaman/2/');
    expect(await button.isHidden()).toBe(true);
    // Every appended story is distinct from the first page's.
    const hrefs = await cards.locator('.card__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(total);
    await page.close();
  });
});

describe('listings without JavaScript', () => {
  it('reach the last page through the pagination links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/kategori/ekonomi/`);
    await page.goto(`${server.origin}/`);
    expect(await page.getByRole('button', { name: 'Muat lebih banyak' }).isVisible()).toBe(false);
    let hops = 0;
    while ((await page.locator('.home__latest a[rel=next], .section a[rel=next]').count()) > 0 && hops < 10) {
      await page.locator('a[rel=next]').first().click();
      await page.waitForLoadState();
      hops++;
    }
    expect(hops).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe(`/halaman/${hops + 1}/`);
    expect(await page.locator('[data-listing] > li').count()).toBeGreaterThan(0);
    await context.close();
  });
});
