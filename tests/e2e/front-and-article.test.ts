/**
 * The front page and article page as a reader sees them, in Chromium against the demo's
 * built server with views given to its newest stories: what the first screen of a laptop
 * holds, no story twice, the phone order, and nothing wider than a phone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, root, sites } from '../helpers/sites.ts';

interface Story {
  id: string;
  title: string;
  url: string;
}
const stories = JSON.parse(readFileSync(path.join(outDir(sites.demo), 'warta-articles.json'), 'utf8')) as Story[];
const isStory = (href: string | null) => !!href && stories.some((s) => s.url === href);
/** Published stories, newest first. */
const newest = loadContent(path.join(root, sites.demo.content), root)
  .articles.filter((a) => isPublished(a.data, new Date(sites.demo.now)) && !a.data.retracted)
  .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
  .map((a) => a.path);
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let server: BuiltServer;

beforeAll(async () => {
  server = await startBuiltServer();
  // Today's most read: the five newest stories, the first the most.
  for (const [rank, story] of stories.slice(0, 5).entries()) await server.addViews(story.id, 12 - rank * 2);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(server.origin + url);
  return page;
}

/** Links to stories whose box lies wholly inside the first screen. */
function storyLinksInFirstScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')]
      .filter((a) => {
        const box = a.getBoundingClientRect();
        return box.width > 0 && box.top >= 0 && box.bottom <= innerHeight && box.right <= innerWidth && getComputedStyle(a).visibility !== 'hidden';
      })
      .map((a) => a.getAttribute('href')!),
  );
}

describe('the front page on a 1366 × 900 screen', () => {
  it('shows the headline, at least four more stories and Terpopuler with view counts before any scrolling', async () => {
    const page = await open('/', LAPTOP);
    const box = page.locator('[data-popular-box]');
    await box.locator('li').first().waitFor();
    const links = (await storyLinksInFirstScreen(page)).filter(isStory);
    expect(new Set(links).size).toBeGreaterThanOrEqual(5);
    const boxArea = await box.boundingBox();
    expect(boxArea!.y + boxArea!.height).toBeLessThanOrEqual(LAPTOP.height);
    expect(await box.locator('li a').first().textContent()).toBe(stories[0]!.title);
    expect(await box.locator('.popular__views').first().textContent()).toBe('12 Dilihat');
    await page.close();
  });

  it('shows no story twice among the headline, the top stories and Berita Terbaru', async () => {
    const page = await open('/', LAPTOP);
    const hrefs = await page.locator('.headline-story__title a, .top-stories .card__title a, .home__latest .card__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(10);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    await page.close();
  });

  it('switches Terpopuler between today and this week', async () => {
    const page = await open('/', LAPTOP);
    const box = page.locator('[data-popular-box]');
    await box.locator('li').first().waitFor();
    expect(await box.getByRole('button', { name: 'Hari ini' }).getAttribute('aria-pressed')).toBe('true');
    await box.getByRole('button', { name: 'Minggu ini' }).click();
    expect(await box.getByRole('button', { name: 'Minggu ini' }).getAttribute('aria-pressed')).toBe('true');
    expect(await box.locator('li a').allTextContents()).toEqual(stories.slice(0, 5).map((s) => s.title));
    await page.close();
  });
});

describe('on a 390 × 844 phone', () => {
  it('reads headline, top stories, Terpopuler, then the latest list', async () => {
    const page = await open('/', PHONE);
    await page.locator('[data-popular-box] li').first().waitFor();
    const tops = await page.locator('.headline-story, .top-stories, [data-popular-box], .home__latest').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top + scrollY)));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    await page.close();
  });

  for (const url of ['/', stories[0]!.url, '/kategori/peristiwa/', '/cari/?q=palembang', '/moderasi/', '/tidak-ada/']) {
    it(`does not scroll sideways on ${url}`, async () => {
      const page = await open(url, PHONE);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    });
  }
});

describe('the article page', () => {
  const story = stories.find((s) => s.url === newest[2])!;

  it('puts Berita Terkini and Terpopuler in a rail beside the story on a wide screen, without the story itself', async () => {
    const page = await open(story.url, LAPTOP);
    const latest = page.locator('[data-latest-box]');
    await latest.locator('li').first().waitFor();
    const [body, rail] = await Promise.all([page.locator('.article-body').boundingBox(), page.locator('.article-rail').boundingBox()]);
    expect(rail!.x).toBeGreaterThan(body!.x + body!.width);
    expect(rail!.y).toBeLessThan(LAPTOP.height);
    const hrefs = await latest.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(5);
    expect(hrefs).not.toContain(story.url);
    expect(hrefs).toEqual(newest.filter((url) => url !== story.url).slice(0, 5));
    await page.locator('[data-popular-box] li').first().waitFor();
    await page.close();
  });

  it('shows Berita Terkini after the story and before the comments on a phone, and no Terpopuler there', async () => {
    const page = await open(story.url, PHONE);
    await page.locator('[data-latest-box] li').first().waitFor();
    expect(await page.locator('.article-rail [data-popular-box]').isVisible()).toBe(false);
    const [body, latest, comments] = await Promise.all(
      ['.article-body', '[data-latest-box]', '.comments'].map((s) => page.locator(s).first().evaluate((el) => el.getBoundingClientRect().top + scrollY)),
    );
    expect(latest).toBeGreaterThan(body!);
    expect(comments).toBeGreaterThan(latest!);
    await page.close();
  });
});

describe('without the API', () => {
  it('hides Terpopuler and gives the lead the rail’s width', async () => {
    const cdn = await serveStatic(outDir(sites.demo)); // static files only: /api fails
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(`${cdn.origin}/`);
    await page.locator('[data-popular-box]').waitFor({ state: 'hidden' });
    const lead = await page.locator('.home__lead').boundingBox();
    expect(lead!.width).toBeGreaterThan(1000);
    expect(new Set((await storyLinksInFirstScreen(page)).filter(isStory)).size).toBeGreaterThanOrEqual(5);
    await page.close();
    await cdn.close();
  });
});
