/**
 * The comment rules box and the confirmed email before a first comment, in Chromium on a
 * phone screen against the real built server (`node dist/server/entry.mjs`) with
 * WARTA_COMMENT_VERIFY_EMAIL=1 and a local SMTP server: the link comes from the mail the
 * server actually sent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { outDir, sites } from '../helpers/sites.ts';
import { confirmationLink, localSmtpServer } from '../unit/server/helpers/smtp-server.ts';

interface Story {
  id: string;
  title: string;
  url: string;
}
const [story] = JSON.parse(readFileSync(path.join(outDir(sites.demo), 'warta-articles.json'), 'utf8')) as Story[];
const PHONE = { width: 390, height: 844 };
const READER = 'dewi.warga@example.com';

let browser: Browser;
let server: BuiltServer;
let smtp: Awaited<ReturnType<typeof localSmtpServer>>;
let origin: string;

async function fillComment(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Dewi');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(READER);
  await page.getByRole('textbox', { name: 'Komentar', exact: true }).fill(text);
}

/** The moderators' pending queue as the admin API lists it. */
async function pendingTexts(): Promise<string[]> {
  const r = await fetch(`${origin}/api/admin/comments?status=pending`, { headers: { authorization: `Bearer ${server.editorToken}` } });
  return ((await r.json()) as { items: Array<{ text: string }> }).items.map((c) => c.text);
}

beforeAll(async () => {
  smtp = await localSmtpServer();
  server = await startBuiltServer(sites.demo, {
    WARTA_COMMENT_MIN_SECONDS: '1',
    WARTA_COMMENT_VERIFY_EMAIL: '1',
    WARTA_SMTP_URL: smtp.url,
    WARTA_SMTP_FROM: 'warta@liputanabn.com',
    WARTA_SMTP_TO: 'redaksi@liputanabn.com',
  });
  origin = server.origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

describe('comment rules and a confirmed email on a phone', () => {
  it('asks for the rules box, holds a first comment for its link, releases it once, and remembers the browser', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/comments/')) posts.push(r.url());
    });
    await page.goto(`${origin}${story!.url}`);

    // The box links the site's rules page, and nothing is sent until it is ticked.
    const box = page.getByRole('checkbox', { name: 'Saya menyetujui aturan komentar' });
    const rulesLink = page.locator('.comment-form__rules a');
    expect([await rulesLink.textContent(), await rulesLink.getAttribute('href')]).toEqual(['aturan komentar', '/aturan-komentar/']);
    expect((await fetch(`${origin}/aturan-komentar/`)).status).toBe(200);
    await fillComment(page, 'Jalan di depan pasar tergenang sejak pagi.');
    await page.getByRole('button', { name: 'Kirim Komentar' }).click();
    const status = page.locator('[data-comments-status]');
    await expect.poll(() => status.textContent()).toBe('Centang “Saya menyetujui aturan komentar” setelah membaca aturannya, lalu kirim lagi.');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(posts).toEqual([]);

    // Ticked: the first comment from this address waits for the mailed link, out of the moderators' queue.
    await box.check();
    await page.getByRole('button', { name: 'Kirim Komentar' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe(
      'Kami mengirim tautan konfirmasi ke alamat email Anda. Buka tautan itu agar komentar Anda diteruskan ke moderasi.',
    );
    expect(await pendingTexts()).toEqual([]);
    await expect.poll(() => smtp.to(READER).length).toBe(1);
    const mailed = confirmationLink(smtp.to(READER)[0]!);
    // The server mails the site's public address; this test's site runs on a local port.
    const link = `${origin}${mailed.pathname}${mailed.search}`;

    // Opening the link releases the comment to moderation and says so.
    const confirmPage = await context.newPage();
    await confirmPage.goto(link);
    const message = confirmPage.locator('[data-verify-message]');
    await expect.poll(() => message.textContent()).toBe('Email Anda terkonfirmasi. Komentar Anda kini menunggu moderasi.');
    expect(new URL(confirmPage.url()).search).toBe('');
    expect(await confirmPage.getByRole('link', { name: 'Kembali ke berita' }).getAttribute('href')).toBe(`${story!.url}#komentar`);
    expect(await pendingTexts()).toEqual(['Jalan di depan pasar tergenang sejak pagi.']);
    expect(await wcagViolations(confirmPage)).toEqual([]);

    // The second click says the link was used, and changes nothing.
    await confirmPage.goto(link);
    await expect.poll(() => message.textContent()).toBe(
      'Tautan ini sudah dipakai. Setiap tautan konfirmasi hanya berlaku sekali, dan komentar Anda sudah diteruskan ke moderasi saat tautan ini pertama kali dibuka. Tidak ada lagi yang perlu Anda lakukan.',
    );
    expect(await pendingTexts()).toEqual(['Jalan di depan pasar tergenang sejak pagi.']);

    // The same browser's next comment goes straight to moderation, with no new mail.
    await page.reload();
    await fillComment(page, 'Sore ini airnya sudah surut.');
    await page.getByRole('checkbox', { name: 'Saya menyetujui aturan komentar' }).check();
    await page.getByRole('button', { name: 'Kirim Komentar' }).click();
    await expect.poll(() => page.locator('[data-comments-status]').textContent(), { timeout: 15_000 }).toBe('Komentar Anda menunggu moderasi.');
    expect(await pendingTexts()).toEqual(['Sore ini airnya sudah surut.', 'Jalan di depan pasar tergenang sejak pagi.']);
    expect(smtp.to(READER)).toHaveLength(1);
    await context.close();
  });
});
