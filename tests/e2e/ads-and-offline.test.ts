import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, launchPersistentBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, sites } from '../helpers/sites.ts';

let browser: Browser;
const servers: Record<string, Awaited<ReturnType<typeof serveStatic>>> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  servers.ads = await serveStatic(outDir(sites.ads));
  servers.demo = await serveStatic(outDir(sites.demo));
});

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

type Shifts = { total: number; moved: string[] };

/** Records layout shifts (the CLS inputs) from navigation start, with what moved, for a failure message. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: { total: number; moved: string[] } };
    w.__shift = { total: 0, moved: [] };
    type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] })[]) {
        if (entry.hadRecentInput) continue;
        w.__shift.total += entry.value;
        for (const s of entry.sources) {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
          w.__shift.moved.push(`${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ${el ? `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}` : '(removed)'} ${rect(s.previousRect)} → ${rect(s.currentRect)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShifts = (page: Page): Promise<Shifts> => page.evaluate(() => (window as unknown as { __shift: Shifts }).__shift);

/** Layout shifts from navigation start until the page has settled, lazy slots brought into view. */
async function layoutShiftDuringLoad(page: Page, url: string): Promise<Shifts> {
  await recordLayoutShifts(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.mouse.wheel(0, 4000); // bring lazy slots into view
  await page.waitForTimeout(800);
  return layoutShifts(page);
}

describe('ad slots', () => {
  it('show every slot type in reserved, labelled boxes without shifting the layout', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 800 } });
    // The static server has no API: only other requests that fail count.
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !new URL(r.url()).pathname.startsWith('/api/')) failed.push(`${r.url()}: ${r.status()}`);
    });
    const shift = await layoutShiftDuringLoad(page, `${servers.ads!.origin}/2026/11/berita-panjang-2/`);
    const slots = await page.locator('.ad-slot').evaluateAll((els) => els.map((el) => el.getAttribute('data-ad-slot')));
    expect(slots).toEqual(['leaderboard', 'dalam-artikel', 'samping', 'langganan']);
    for (const label of await page.locator('.ad-slot__label').allTextContents()) expect(label).toBe('Iklan');
    // The in-article slot sits right after the second paragraph of the body.
    expect(await page.locator('.article-body > p:nth-of-type(2) + .ad-slot').getAttribute('data-ad-slot')).toBe('dalam-artikel');
    expect(await page.locator('.article-body script').count()).toBe(0);
    const moved = [...shift.moved, ...failed.map((f) => `request failed: ${f}`)].join('\n');
    expect(shift.total, moved).toBeLessThan(0.001);
    // Three stories on this site: the box kept room for the two others, and listed them.
    expect(await page.locator('[data-latest-box]').getAttribute('data-shown')).toBe('2');
    await page.locator('[data-latest-list] li').nth(1).waitFor({ timeout: 5000 }).catch(() => {});
    expect(await page.locator('[data-latest-list] li').count(), moved).toBe(2);
    await page.close();
  });

  it('put the listing slot between stories and keep ads out of the search index', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.ads!.origin}/`);
    const items = await page.locator('.home__latest [data-listing] > li').evaluateAll((els) => els.map((el) => el.hasAttribute('data-ad-item')));
    expect(items.slice(0, 3)).toEqual([false, true, false]);
    expect(await page.locator('.ad-slot:not([data-pagefind-ignore])').count()).toBe(0);
    await page.close();
  });

  it('show no competitor ads on an advertorial, only slots allowed there', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.ads!.origin}/2026/11/iklan-pempek/`);
    expect(await page.locator('.ad-slot').evaluateAll((els) => els.map((el) => el.getAttribute('data-ad-slot')))).toEqual(['langganan']);
    expect(await page.locator('.label-advertorial').first().textContent()).toBe('Advertorial');
    await page.close();
  });

  it('leave no ad markup or ad code on a site with no ads configured', async () => {
    const page = await browser.newPage();
    for (const path of ['/', '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/']) {
      await page.goto(`${servers.demo!.origin}${path}`);
      expect(await page.locator('.ad-slot, ins.adsbygoogle, [data-ad-after]').count()).toBe(0);
      expect(await page.content()).not.toContain('adsbygoogle');
    }
    await page.close();
  });
});

describe('installing the portal', () => {
  it('passes Chromium\'s installability check (the one Lighthouse reported)', async () => {
    const context = await launchPersistentBrowser();
    const page = await context.newPage();
    await page.goto(`${servers.demo!.origin}/`);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    await context.close();
  });
});

describe('offline reading', () => {
  it('keeps the pages a reader opened and shows the offline page for others', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = servers.demo!.origin;
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const first = '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/';
    const second = '/2026/11/banjir-rendam-ratusan-rumah-di-palembang-usai-hujan-deras/';
    await page.goto(origin + first);
    await page.goto(origin + second);
    // Let the worker finish storing the second page.
    await page.waitForFunction(async (path) => Boolean(await caches.match(path, { cacheName: 'warta-pages' })), second);

    await context.setOffline(true);
    await page.goto(origin + first);
    expect(await page.locator('h1').textContent()).toContain('Polda Sumsel Laksanakan');
    await page.goto(origin + second);
    expect(await page.locator('h1').textContent()).toContain('Banjir Rendam Ratusan Rumah');
    await page.goto(`${origin}/2026/11/kebakaran-hanguskan-lima-rumah-panggung-di-kertapati/`);
    expect(await page.locator('h1').textContent()).toBe('Anda sedang luring');
    await context.close();
  });

  it('never stores API answers', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${servers.demo!.origin}/`);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await page.goto(`${servers.demo!.origin}/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/`);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
    await context.close();
  });
});

describe('Berita Terkini on a phone when its list cannot be read', () => {
  const PHONE = { width: 412, height: 800 };
  const story = '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/';

  it('tries once more, then says the list could not be loaded in the room the list would have had', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    let reads = 0;
    await page.route('**/terkini.json', (route) => {
      reads += 1;
      return route.abort('internetdisconnected');
    });
    await recordLayoutShifts(page);
    await page.goto(servers.demo!.origin + story);
    const box = page.locator('[data-latest-box]');
    await box.scrollIntoViewIfNeeded();
    const before = await box.boundingBox();
    const notice = box.getByRole('status');
    await expect.poll(() => notice.textContent()).toBe('Berita terkini tidak dapat dimuat saat ini. Muat ulang halaman untuk mencoba lagi.');
    expect(reads).toBe(2);
    expect(await box.locator('[data-latest-list]').isVisible()).toBe(false);
    expect(await box.boundingBox()).toEqual(before);
    expect(await box.getByRole('link', { name: 'Semua berita terbaru' }).isVisible()).toBe(true);
    const shift = await layoutShifts(page);
    expect(shift.total, shift.moved.join('\n')).toBeLessThan(0.001);
    await page.close();
  });

  it('lists the stories when the second read succeeds', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    let reads = 0;
    await page.route('**/terkini.json', (route) => (++reads === 1 ? route.abort('connectionreset') : route.continue()));
    await recordLayoutShifts(page);
    await page.goto(servers.demo!.origin + story);
    const box = page.locator('[data-latest-box]');
    await box.scrollIntoViewIfNeeded();
    await box.locator('li').nth(4).waitFor();
    expect(reads).toBe(2);
    expect(await box.getByRole('status').textContent()).toBe('');
    const shift = await layoutShifts(page);
    expect(shift.total, shift.moved.join('\n')).toBeLessThan(0.001);
    await page.close();
  });
});
