/**
 * A 2,500-comment thread on the built site in Chromium (phone viewport): the count
 * is the true count, and "Muat komentar lainnya" reaches every comment, with and
 * without JavaScript. Rows go straight into the server's SQLite file for speed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { outDir, sites } from '../helpers/sites.ts';

const TOTAL = 2500;
const REPLIES = 100;
const [story] = JSON.parse(readFileSync(path.join(outDir(sites.demo), 'warta-articles.json'), 'utf8')) as Array<{ id: string; url: string }>;
const dir = mkdtempSync(path.join(tmpdir(), 'warta-long-thread-'));
let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  const dbPath = path.join(dir, 'warta.sqlite');
  server = await startBuiltServer(sites.demo, { WARTA_DB_PATH: dbPath }); // its health check has created the tables
  const db = new Database(dbPath);
  const insert = db.prepare(
    `insert into comments (id, article_id, parent_id, author_name, author_email, author_website, author_kind, body, status, created_at)
     values (?, ?, ?, ?, ?, null, 'reader', ?, 'approved', ?)`,
  );
  const at = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString();
  db.transaction(() => {
    for (let n = 0; n < TOTAL - REPLIES; n++) insert.run(`c${String(n).padStart(5, '0')}`, story!.id, null, `Pembaca ${n}`, `p${n}@example.com`, `Komentar nomor ${n}`, at(n));
    for (let n = 0; n < REPLIES; n++) insert.run(`r${String(n).padStart(5, '0')}`, story!.id, `c${String(n * 7).padStart(5, '0')}`, `Penjawab ${n}`, `r${n}@example.com`, `Balasan nomor ${n}`, at(TOTAL + n));
  })();
  db.close();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('shows the true count and reaches every comment with "Muat komentar lainnya"', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}${story!.url}`);
  await expect.poll(() => page.locator('[data-comments-count]').textContent()).toBe('2.500 Komentar');
  const more = page.getByRole('button', { name: 'Muat komentar lainnya' });
  let clicks = 0;
  while (await more.isVisible()) {
    const before = await page.locator('.comment').count();
    await more.click();
    await expect.poll(() => page.locator('.comment').count()).toBeGreaterThan(before);
    clicks++;
  }
  expect(clicks).toBeGreaterThan(0);
  expect(await page.locator('.comment').count()).toBe(TOTAL);
  expect(await page.locator('.comment .comment .comment__author').count()).toBe(REPLIES);
  await page.getByText(`Komentar nomor ${TOTAL - REPLIES - 1}`, { exact: true }).scrollIntoViewIfNeeded();
  expect(await page.getByText(`Komentar nomor ${TOTAL - REPLIES - 1}`, { exact: true }).isVisible()).toBe(true);
  await context.close();
});

it('gives readers without JavaScript "(2500)" and every comment, a page at a time', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  // 200 top-level comments a page (the link keeps the size) keeps the walk short.
  await page.goto(`${server.origin}/api/comments/${story!.id}/html?limit=200`);
  expect(await page.locator('h1').textContent()).toMatch(/\(2500\)$/);
  let seen = 0;
  for (;;) {
    seen += await page.locator('li').count();
    const next = page.getByRole('link', { name: 'Muat komentar lainnya' });
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForLoadState();
  }
  expect(seen).toBe(TOTAL);
  await context.close();
});
