/**
 * A reader keeps a live story open on a phone while the newsroom publishes: a fourth update
 * committed and built appears without a reload, and at the end of the coverage the page
 * stops asking and the LANGSUNG badge goes. The page's clock is Playwright's (page.clock),
 * started at the build's "now" in the middle of the coverage; the site polls every 2 s.
 *
 * One build of the small newsroom fixture: the global setup's output is copied and served
 * as it changes, and the rebuild with the new update writes over it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { BUILD_TIMEOUT, runBuildInBackground } from '../helpers/build-site.ts';
import { buildDir, outputRoot, root, sites } from '../helpers/sites.ts';
import { serveStatic } from '../helpers/static-server.ts';

const scratch = path.join(outputRoot, 'live-coverage');
const content = path.join(scratch, 'content');
const dist = path.join(scratch, 'dist');
const site = { ...sites.newsroom, name: 'live-coverage', content: path.relative(root, content), now: '2026-11-27T12:05:00+07:00' };
const LIVE = '/2026/11/banjir-kertapati-langsung/';
const STORY = path.join(content, 'articles/2026/11/banjir-kertapati-langsung.md');
const POLL_MS = 2000;
const PHONE = { width: 390, height: 844 };
const START_CLOCK = new Date('2026-11-27T12:00:00+07:00');
const END = new Date('2026-11-27T22:00:00+07:00');

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };
let page: Page;
/** Times (Node's clock) at which the page asked for the live JSON. */
const polls: number[] = [];

const updateIds = () => page.$$eval('.live-updates > article.live-update', (list) => list.map((a) => a.id));

beforeAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync(path.join(root, sites.newsroom.content), content, { recursive: true });
  fs.cpSync(buildDir(sites.newsroom), dist, { recursive: true });
  server = await serveStatic(path.join(dist, 'client'), { changing: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: PHONE });
  page.on('request', (request) => {
    if (request.url().includes('/langsung/')) polls.push(Date.now());
  });
  await page.clock.install({ time: START_CLOCK });
  await page.goto(server.origin + LIVE);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an open live page', () => {
  it('shows the three updates newest first with the LANGSUNG badge', async () => {
    expect(await updateIds()).toEqual(['update-20261127-1140', 'update-20261127-0915', 'update-20261127-0730']);
    expect(await page.locator('.article-header .live-badge').isVisible()).toBe(true);
  });

  it('shows an update committed and built while it is open, without reload, within two poll intervals', async () => {
    await page.evaluate(() => Object.assign(window, { openedBeforeTheUpdate: true }));
    fs.appendFileSync(STORY, '\n:::update[Pompa air dikerahkan]{time="2026-11-27T12:05:00+07:00"}\nDinas PU mengerahkan empat pompa ke Jalan Abikusno.\n:::\n');
    const build = await runBuildInBackground(site, dist, { WARTA_CACHE_DIR: path.join(scratch, 'cache') });
    expect(build.status, build.output).toBe(0);
    const built = Date.now();
    await page.locator('#update-20261127-1205').waitFor({ timeout: 2 * POLL_MS });
    const shownAfter = Date.now() - built;
    expect(shownAfter).toBeLessThanOrEqual(2 * POLL_MS);
    expect(await updateIds()).toEqual(['update-20261127-1205', 'update-20261127-1140', 'update-20261127-0915', 'update-20261127-0730']);
    expect(await page.locator('#update-20261127-1205 .live-update__headline').textContent()).toBe('Pompa air dikerahkan');
    expect(await page.locator('[data-live-status]').textContent()).toBe('1 pembaruan baru');
    // The same document all along: no reload happened.
    expect(await page.evaluate(() => 'openedBeforeTheUpdate' in window)).toBe(true);
    console.log(`live update shown ${shownAfter} ms after the build finished (poll every ${POLL_MS} ms)`);
  }, BUILD_TIMEOUT);

  it('stays accessible with the new update in place (axe-core, WCAG 2.2 A/AA)', async () => {
    const violations = await wcagViolations(page);
    expect(violations).toEqual([]);
  });

  it('stops asking and drops the badge once the coverage has ended', async () => {
    const now = await page.evaluate(() => Date.now());
    await page.clock.fastForward(END.getTime() - now + 1000);
    await expect.poll(() => page.locator('.live-badge').count()).toBe(0);
    expect(await page.locator('[data-live-ended]').isVisible()).toBe(true);
    const asked = polls.length;
    // Three more intervals of page time, and a real moment for any request to leave.
    await page.clock.runFor(3 * POLL_MS);
    await page.waitForTimeout(300);
    expect(polls.length).toBe(asked);
  });
});

describe('the front page after the coverage ended, not rebuilt since', () => {
  it('no longer shows the LANGSUNG badge', async () => {
    const front = await browser.newPage({ viewport: PHONE });
    await front.clock.install({ time: new Date(END.getTime() + 60_000) });
    await front.goto(server.origin + '/');
    // The build placed the badge; the page's script removed it.
    expect(fs.readFileSync(path.join(dist, 'client/index.html'), 'utf8')).toContain('data-live-badge');
    expect(await front.locator('[data-live-badge]').count()).toBe(0);
    await front.close();
  });
});
