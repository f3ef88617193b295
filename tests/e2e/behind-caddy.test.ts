/**
 * The deployment docs/deploying.md describes: Caddy terminating TLS in front of
 * the built server (`node <build>/server/entry.mjs`, pages and API on one port),
 * the server knowing nothing but plain HTTP from loopback. Chromium on a phone
 * viewport comments, an editor approves, the comment shows; the no-JavaScript
 * form lands back on the article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { startCaddy, type Caddy } from '../helpers/caddy.ts';
import { outDir, sites } from '../helpers/sites.ts';

// A name that is not the demo's configured url, so only the proxy's forwarded
// headers can tell the server which origin the reader is on.
const HOST = 'kabar.test';
const [story] = JSON.parse(readFileSync(path.join(outDir(sites.demo), 'warta-articles.json'), 'utf8')) as Array<{ id: string; url: string }>;

let server: BuiltServer;
let caddy: Caddy;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltServer(sites.demo, { WARTA_COMMENT_MIN_SECONDS: '1' });
  caddy = await startCaddy(HOST, server.origin);
  browser = await launchBrowser(['--ignore-certificate-errors', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});

afterAll(async () => {
  await browser?.close();
  await caddy?.close();
  await server?.close();
});

const phone = (javaScriptEnabled = true) => browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });

async function fillComment(page: Page, name: string, text: string) {
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${name.toLowerCase()}@example.com`);
  await page.getByRole('textbox', { name: 'Komentar', exact: true }).fill(text);
  await page.getByRole('checkbox', { name: 'Saya menyetujui aturan komentar' }).check();
  await page.getByRole('button', { name: 'Kirim Komentar' }).click();
}

it('takes a comment over HTTPS, lets an editor approve it through the proxy, and shows it', async () => {
  const forbidden: string[] = [];
  const reader = await phone();
  const page = await reader.newPage();
  page.on('response', (r) => void (r.status() === 403 && forbidden.push(r.url())));
  await page.goto(`${caddy.origin}${story!.url}`);
  expect(new URL(page.url()).protocol).toBe('https:');
  await fillComment(page, 'Sari', 'Dikirim lewat HTTPS.');
  await page.getByRole('status').filter({ hasText: 'Komentar Anda menunggu moderasi.' }).waitFor();

  const desk = await phone();
  const editor = await desk.newPage();
  editor.on('response', (r) => void (r.status() === 403 && forbidden.push(r.url())));
  await editor.goto(`${caddy.origin}/moderasi/`);
  await editor.getByLabel('Token editor').fill(server.editorToken);
  await editor.getByRole('button', { name: 'Masuk', exact: true }).click();
  const item = editor.locator('.moderation-item').filter({ hasText: 'Dikirim lewat HTTPS.' });
  await item.getByRole('button', { name: 'Setujui' }).click();
  await editor.getByText('Komentar disetujui.').waitFor();
  await desk.close();

  await page.reload();
  await page.locator('.comment', { hasText: 'Dikirim lewat HTTPS.' }).waitFor();
  expect(forbidden).toEqual([]);
  await reader.close();
});

it('sends the no-JavaScript form back to the article (303), not to a JSON answer', async () => {
  const reader = await phone(false);
  const page = await reader.newPage();
  await page.goto(`${caddy.origin}${story!.url}`);
  await fillComment(page, 'Tanpa', 'Formulir biasa lewat HTTPS.');
  await page.waitForURL((url) => url.search === '?comment=pending');
  expect(page.url()).toBe(`${caddy.origin}${story!.url}?comment=pending#komentar-pending`);
  expect(await page.locator('#komentar-pending').isVisible()).toBe(true);
  await reader.close();
});
