/**
 * Comments, view counts and moderation in Chromium against the real built server
 * (`node dist/server/entry.mjs`, as `npm start` runs it): pages and API on one port,
 * a fresh SQLite file per run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, sites } from '../helpers/sites.ts';

interface Story {
  id: string;
  title: string;
  url: string;
}
const catalog = JSON.parse(readFileSync(path.join(outDir(sites.demo), 'warta-articles.json'), 'utf8')) as Story[];
/** Stories shown as cards in the front page's latest list, in page order. */
const onFrontPage = cheerio
  .load(readFileSync(path.join(outDir(sites.demo), 'index.html'), 'utf8'))('[data-listing] .card__title a')
  .map((_, a) => catalog.find((s) => s.url === a.attribs.href))
  .get() as Story[];
/** Each scenario uses its own story, so counts and threads do not mix. */
const [viewed, manyViews, discussed, hostile, noScript, reported] = onFrontPage as [Story, Story, Story, Story, Story, Story];

/** A desktop Chrome agent; a distinct version makes a distinct visitor (the API dedupes on IP + agent). */
const agent = (version: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version}.0.0.0 Safari/537.36`;

let browser: Browser;
let server: BuiltServer;
let origin: string;

/** A reader with their own browser (own agent, so own visitor for the view count). */
async function reader(version: number, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ userAgent: agent(version), ...options });
  return { context, page: await context.newPage() };
}

async function postComment(page: Page, fields: { name: string; email: string; text: string }): Promise<void> {
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(fields.name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(fields.email);
  await page.getByRole('textbox', { name: 'Komentar', exact: true }).fill(fields.text);
  await page.getByRole('checkbox', { name: 'Saya menyetujui aturan komentar' }).check();
  await page.getByRole('button', { name: 'Kirim Komentar' }).click();
}

/** Signs in on /moderasi/ at phone width, as an editor would on the go. */
async function moderator(): Promise<{ context: BrowserContext; page: Page }> {
  const session = await reader(130, { viewport: { width: 412, height: 915 } });
  await session.page.goto(`${origin}/moderasi/`);
  await session.page.getByLabel('Token editor').fill(server.editorToken);
  await session.page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await session.page.locator('[data-workspace]').waitFor({ state: 'visible' });
  return session;
}

function moderationItem(page: Page, text: string) {
  return page.locator('.moderation-item').filter({ has: page.locator('.moderation-item__text', { hasText: text }) });
}

beforeAll(async () => {
  server = await startBuiltServer(sites.demo, { WARTA_COMMENT_MIN_SECONDS: '1' });
  origin = server.origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('view counts', () => {
  it('counts a new visitor once, shows the same count on reload, and counts a second visitor', async () => {
    const first = await reader(120);
    await first.page.goto(`${origin}${viewed.url}`);
    const count = first.page.locator('[data-view-count]');
    await expect.poll(() => count.textContent()).toBe('1 Dilihat');
    expect(await count.isVisible()).toBe(true);

    await first.page.reload();
    await count.waitFor({ state: 'visible' });
    expect(await count.textContent()).toBe('1 Dilihat');
    await first.context.close();

    const second = await reader(121);
    await second.page.goto(`${origin}${viewed.url}`);
    await expect.poll(() => second.page.locator('[data-view-count]').textContent()).toBe('2 Dilihat');
    await second.context.close();
  });

  it('formats large counts in the site language ("1.001 Dilihat")', async () => {
    // 1,000 distinct visitors through the API, then one more in the browser.
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${origin}/api/views/${manyViews.id}`, { method: 'POST', headers: { origin, 'user-agent': `${agent(60)} visitor/${batch * 20 + i}` } }).then((r) => r.body?.cancel()),
        ),
      );
    }
    const { context, page } = await reader(122);
    await page.goto(`${origin}${manyViews.url}`);
    await expect.poll(() => page.locator('[data-view-count]').textContent()).toBe('1.001 Dilihat');
    await context.close();
  });

  it('shows the most-read box on the front page and counts on listing cards once views exist', async () => {
    const { context, page } = await reader(123);
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/views?')) batches.push(r.url());
    });
    await page.goto(`${origin}/`);
    const box = page.locator('[data-popular-box]');
    // The box stands from the start; its list is busy until the counts have arrived.
    await box.locator('[data-popular-list]:not([aria-busy]) li a').first().waitFor();
    const titles = await box.locator('li a').allTextContents();
    expect(titles[0]).toBe(manyViews.title);
    expect(titles).toContain(viewed.title);

    const card = page.locator('.card', { has: page.locator(`a[href="${manyViews.url}"]`) }).first();
    await expect.poll(() => card.locator('[data-card-views]').textContent()).toBe('1.001 Dilihat');
    expect(batches).toHaveLength(1);
    await context.close();
  });
});

describe('comments with JavaScript', () => {
  it('holds a new comment for moderation, and shows it on the article once an editor approves it', async () => {
    const visitor = await reader(124);
    await visitor.page.goto(`${origin}${discussed.url}`);
    await postComment(visitor.page, { name: 'Sari Palembang', email: 'sari@example.com', text: 'Semoga banjir cepat surut.\nTetap waspada, warga!' });
    await visitor.page.getByRole('status').filter({ hasText: 'Komentar Anda menunggu moderasi.' }).waitFor();
    // Not public yet.
    await visitor.page.reload();
    await visitor.page.waitForLoadState('networkidle');
    expect(await visitor.page.locator('.comment').count()).toBe(0);

    const editor = await moderator();
    const item = moderationItem(editor.page, 'Semoga banjir cepat surut.');
    await item.waitFor();
    expect(await item.textContent()).toContain('sari@example.com');
    expect(await editor.page.getByRole('tab', { name: /^Menunggu/ }).textContent()).toBe('Menunggu (1)');
    await item.getByRole('button', { name: 'Setujui' }).click();
    await editor.page.getByText('Komentar disetujui.').waitFor();
    expect(await editor.page.getByRole('tab', { name: /^Disetujui/ }).textContent()).toBe('Disetujui (1)');

    // Reply as the newsroom from the approved tab.
    await editor.page.getByRole('tab', { name: /^Disetujui/ }).click();
    await moderationItem(editor.page, 'Semoga banjir cepat surut.').getByRole('button', { name: 'Balas sebagai redaksi' }).click();
    await editor.page.getByLabel('Balasan redaksi untuk Sari Palembang').fill('Terima kasih, Sari.');
    await editor.page.getByRole('button', { name: 'Kirim balasan' }).click();
    await editor.page.getByText('Balasan redaksi sudah terbit.').waitFor();
    await editor.context.close();

    const later = await reader(125);
    await later.page.goto(`${origin}${discussed.url}`);
    const comment = later.page.locator('.comment', { hasText: 'Sari Palembang' }).first();
    await comment.waitFor();
    expect(await comment.locator('.comment__text').first().innerText()).toBe('Semoga banjir cepat surut.\nTetap waspada, warga!');
    const reply = comment.locator('.comment-list .comment');
    expect(await reply.getAttribute('class')).toBe('comment comment--newsroom');
    expect(await reply.locator('.comment__author').textContent()).toBe('Redaksi');
    expect(await reply.locator('.comment__text').textContent()).toBe('Terima kasih, Sari.');
    expect(await later.page.locator('[data-comments-count]').textContent()).toBe('2 Komentar');
    expect(await later.page.content()).not.toContain('sari@example.com');
    expect(await wcagViolations(later.page)).toEqual([]);
    await later.context.close();
    await visitor.context.close();
  });

  it('shows a comment written as HTML as plain text and runs none of it', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const dialogs: string[] = [];
    const visitor = await reader(126);
    visitor.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await visitor.page.goto(`${origin}${hostile.url}`);
    await postComment(visitor.page, { name: '<b>Iseng</b>', email: 'iseng@example.com', text: payload });
    await visitor.page.getByRole('status').filter({ hasText: 'Komentar Anda menunggu moderasi.' }).waitFor();

    const editor = await moderator();
    editor.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const item = moderationItem(editor.page, payload);
    await item.waitFor();
    expect(await item.locator('img').count()).toBe(0);
    await item.getByRole('button', { name: 'Setujui' }).click();
    await editor.page.getByText('Komentar disetujui.').waitFor();
    await editor.context.close();

    await visitor.page.reload();
    const comment = visitor.page.locator('.comment').first();
    await comment.waitFor();
    expect(await comment.locator('.comment__text').textContent()).toBe(payload);
    expect(await comment.locator('.comment__author').textContent()).toBe('<b>Iseng</b>');
    expect(await comment.locator('img, b').count()).toBe(0);
    await visitor.page.waitForTimeout(500); // time for an injected onerror to fire, were there one
    expect(dialogs).toEqual([]);
    await visitor.context.close();
  });
});

describe('an article when the API is down', () => {
  it('still shows the form, and no count, thread or error message until a reader sends', async () => {
    const cdn = await serveStatic(outDir(sites.demo)); // static files only: every /api call fails
    const { context, page } = await reader(132);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => {
      if (r.url().includes('/api/')) failed.push(r.url());
    });
    await page.goto(`${cdn.origin}${viewed.url}`);
    await page.waitForLoadState('networkidle');
    expect(failed.some((url) => url.includes('/api/views/'))).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Komentar', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('[data-view-count]').isVisible()).toBe(false);
    expect(await page.locator('[data-comments-thread]').isVisible()).toBe(false);
    expect(await page.locator('[data-comments-status]').textContent()).toBe('');
    expect(await page.locator('.comments__outcome:visible').count()).toBe(0);
    // Sending then says so, and keeps what the reader wrote.
    await postComment(page, { name: 'Rina', email: 'rina@example.com', text: 'Tulisan yang tidak boleh hilang.' });
    await page.getByRole('status').filter({ hasText: 'Komentar gagal dikirim. Coba lagi nanti.' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Komentar', exact: true }).inputValue()).toBe('Tulisan yang tidak boleh hilang.');

    await page.goto(`${cdn.origin}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-popular-box]').isVisible()).toBe(false);
    expect(await page.locator('[data-card-views]:visible').count()).toBe(0);
    await context.close();
    await cdn.close();
  });
});

describe('comments without JavaScript', () => {
  it('posts the plain form and lands back on the article with the pending message showing', async () => {
    const { context, page } = await reader(127, { javaScriptEnabled: false });
    await page.goto(`${origin}${noScript.url}`);
    expect(await page.locator('#komentar-pending').isVisible()).toBe(false);
    await postComment(page, { name: 'Tanpa Skrip', email: 'tanpa@example.com', text: 'Dikirim dari formulir biasa.' });
    await page.waitForURL((url) => url.search === '?comment=pending');
    const landed = new URL(page.url());
    expect(landed.pathname + landed.search + landed.hash).toBe(`${noScript.url}?comment=pending#komentar-pending`);
    expect(await page.locator('#komentar-pending').isVisible()).toBe(true);
    expect(await page.locator('#komentar-pending').textContent()).toBe('Komentar Anda menunggu moderasi.');
    expect(await page.locator('#komentar-error').isVisible()).toBe(false);
    await context.close();
  });

  it('links to the approved comments as a plain page', async () => {
    const { context, page } = await reader(128, { javaScriptEnabled: false });
    await page.goto(`${origin}${discussed.url}`);
    await page.getByRole('link', { name: 'Baca komentar yang sudah terbit' }).click();
    await page.waitForURL(`${origin}/api/comments/${discussed.id}/html`);
    expect(await page.locator('body').innerText()).toContain('Semoga banjir cepat surut.');
    await context.close();
  });

  it('reports a comment from the plain comments page and lands back on the article with the report sent', async () => {
    const { context, page } = await reader(129, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await page.goto(`${origin}/api/comments/${discussed.id}/html`);
    // A comment's own <article>: its <li> also holds the replies, each with a form of its own.
    const comment = page.locator('article', { hasText: 'Semoga banjir cepat surut.' }).first();
    await comment.locator('summary', { hasText: 'Laporkan' }).click();
    await comment.getByRole('combobox', { name: /^Alasan/ }).selectOption({ label: 'Fitnah atau hoaks' });
    await comment.getByLabel('Penjelasan').fill('Laporan dari halaman tanpa skrip.');
    await comment.getByRole('button', { name: 'Kirim Laporan' }).click();
    await page.waitForURL((url) => url.pathname === discussed.url);
    expect(page.url()).toMatch(/#laporan-terkirim$/);
    expect(await page.locator('#laporan-terkirim').isVisible()).toBe(true);
    await context.close();

    // The complaint names the comment; rejected here so the complaints scenario below starts from an empty queue.
    const auth = { origin, authorization: `Bearer ${server.editorToken}` };
    const queue = (await (await fetch(`${origin}/api/admin/complaints`, { headers: auth })).json()) as {
      items: Array<{ id: string; text: string; commentId: string | null; reason: string }>;
    };
    const filed = queue.items.find((c) => c.text === 'Laporan dari halaman tanpa skrip.');
    expect(filed).toMatchObject({ reason: 'fitnah', commentId: expect.any(String) });
    const rejected = await fetch(`${origin}/api/admin/complaints/${filed!.id}/resolve`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'reject' }),
    });
    expect(rejected.status).toBe(200);
  });
});

describe('the moderation page', () => {
  it('fits a 412 px wide phone and passes the WCAG 2.2 AA checks once signed in', async () => {
    const { context, page } = await moderator();
    await page.locator('.moderation-item').first().waitFor(); // the no-JavaScript comment still waits in the queue
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    expect(await wcagViolations(page)).toEqual([]);
    await context.close();
  });

  it('names the comment a reply answers, clears the notice on switching tabs, styles the reply form and keeps counts and list in step after a newsroom reply', async () => {
    const thread = (await (await fetch(`${origin}/api/comments/${discussed.id}`)).json()) as { comments: { id: string; author: { name: string } }[] };
    const sari = thread.comments.find((c) => c.author.name === 'Sari Palembang')!;
    const { token, minSeconds } = (await (await fetch(`${origin}/api/comments/${discussed.id}/token`)).json()) as { token: string; minSeconds: number };
    await new Promise((r) => setTimeout(r, minSeconds * 1000 + 100)); // the form token's minimum age
    const posted = await fetch(`${origin}/api/comments/${discussed.id}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'user-agent': agent(133) },
      body: JSON.stringify({ name: 'Budi Plaju', email: 'budi@example.com', text: 'Setuju, Sari. Di Plaju juga begitu.', parentId: sari.id, acceptRules: true, token }),
    });
    expect(posted.status).toBe(201);

    const { context, page } = await moderator();
    const reply = moderationItem(page, 'Di Plaju juga begitu.');
    await reply.locator('.moderation-item__parent q').waitFor();
    expect(await reply.locator('.moderation-item__parent').textContent()).toBe('Balasan untuk Sari Palembang: Semoga banjir cepat surut. Tetap waspada, warga!');
    await reply.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Komentar disetujui.').waitFor();

    const approvedTab = page.getByRole('tab', { name: /^Disetujui/ });
    await approvedTab.click();
    await expect.poll(() => page.locator('[data-notice]').textContent()).toBe('');
    await moderationItem(page, 'Di Plaju juga begitu.').getByRole('button', { name: 'Balas sebagai redaksi' }).click();
    const field = page.getByLabel('Balasan redaksi untuk Budi Plaju');
    const send = page.getByRole('button', { name: 'Kirim balasan' });
    expect(await field.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(118, 118, 118)');
    expect(await send.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(179, 18, 27)');
    const countBefore = Number(/\((\d+)\)/.exec((await approvedTab.textContent())!)![1]);
    await field.fill('Terima kasih, Budi.');
    await send.click();
    await page.getByText('Balasan redaksi sudah terbit.').waitFor();
    await moderationItem(page, 'Terima kasih, Budi.').waitFor();
    expect(await approvedTab.textContent()).toBe(`Disetujui (${countBefore + 1})`);
    expect(await page.locator('.moderation-item').count()).toBe(countBefore + 1);
    await context.close();
  });

  it('refuses an unknown token and keeps the editor out', async () => {
    const { context, page } = await reader(131);
    await page.goto(`${origin}/moderasi/`);
    await page.getByLabel('Token editor').fill('x'.repeat(48));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Token tidak dikenal. Periksa lalu coba lagi.').waitFor();
    expect(await page.locator('[data-workspace]').isVisible()).toBe(false);
    await context.close();
  });

  it('exports and erases everything stored under one email', async () => {
    const { context, page } = await moderator();
    await page.getByLabel('Email pembaca').fill('tanpa@example.com');
    await page.getByRole('button', { name: 'Ekspor data' }).click();
    await page.getByText('1 komentar ditemukan.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh ekspor (JSON)' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { comments: { text: string }[] };
    expect(exported.comments.map((c) => c.text)).toEqual(['Dikirim dari formulir biasa.']);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Hapus semua data' }).click();
    await page.getByText('1 komentar dihapus.').waitFor();
    await context.close();
  });
});

describe('readers\u2019 complaints (Laporkan)', () => {
  it('a reader on a phone reports a comment and the story; the editor hides the comment from the queue and it leaves the page', async () => {
    // A published comment to report, posted and approved through the API.
    const { token, minSeconds } = (await (await fetch(`${origin}/api/comments/${reported.id}/token`)).json()) as { token: string; minSeconds: number };
    await new Promise((r) => setTimeout(r, minSeconds * 1000 + 100)); // the form token's minimum age
    const posted = await fetch(`${origin}/api/comments/${reported.id}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'user-agent': agent(140) },
      body: JSON.stringify({ name: 'Provokator', email: 'provo@example.com', text: 'Komentar yang menghasut.', acceptRules: true, token }),
    });
    const { id } = (await posted.json()) as { id: string };
    const approved = await fetch(`${origin}/api/admin/comments/${id}/approve`, { method: 'POST', headers: { origin, authorization: `Bearer ${server.editorToken}` } });
    expect(approved.status).toBe(200);

    const visitor = await reader(141, { viewport: { width: 390, height: 844 } });
    await visitor.page.goto(`${origin}${reported.url}`);
    await visitor.page.getByRole('button', { name: 'Laporkan komentar Provokator' }).click();
    await visitor.page.getByText('Anda melaporkan komentar Provokator.').waitFor();
    // By role: "Alasan" alone would also match the comment form, named "Tinggalkan Balasan".
    await visitor.page.getByRole('combobox', { name: /^Alasan/ }).selectOption({ label: 'SARA (suku, agama, ras, antargolongan)' });
    await visitor.page.getByLabel('Penjelasan').fill('Menghasut kebencian antarwarga.');
    await visitor.page.getByLabel(/^Kontak/).fill('pelapor@example.com');
    await visitor.page.getByRole('button', { name: 'Kirim Laporan' }).click();
    await visitor.page.waitForURL(/#laporan-terkirim$/);
    expect(await visitor.page.locator('#laporan-terkirim').isVisible()).toBe(true);
    // The story itself, through the same plain form.
    await visitor.page.locator('summary', { hasText: 'Laporkan' }).click();
    await visitor.page.getByRole('combobox', { name: /^Alasan/ }).selectOption({ label: 'Fitnah atau hoaks' });
    await visitor.page.getByLabel('Penjelasan').fill('Judulnya tidak sesuai fakta.');
    await visitor.page.getByRole('button', { name: 'Kirim Laporan' }).click();
    await visitor.page.waitForURL(/#laporan-terkirim$/);
    expect(await visitor.page.content()).not.toContain('pelapor@example.com');
    expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await visitor.context.close();

    const editor = await moderator();
    const complaint = (text: string) => editor.page.locator('.complaint').filter({ has: editor.page.locator('.moderation-item__text', { hasText: text }) });
    const aboutComment = complaint('Menghasut kebencian antarwarga.');
    await aboutComment.waitFor();
    expect(await aboutComment.locator('.complaint__deadline').textContent()).toMatch(/^Sisa waktu 47 jam \d+ menit$/);
    expect(await aboutComment.locator('.complaint__comment').textContent()).toBe('Komentar yang menghasut.');
    expect(await aboutComment.textContent()).toContain('pelapor@example.com');
    // Oldest first: the comment's complaint came before the story's.
    expect(await editor.page.locator('.complaint .moderation-item__text').allTextContents()).toEqual(['Menghasut kebencian antarwarga.', 'Judulnya tidak sesuai fakta.']);
    await aboutComment.getByRole('button', { name: 'Sembunyikan komentar' }).click();
    await editor.page.getByText('Komentar disembunyikan; laporan selesai.').waitFor();
    await complaint('Judulnya tidak sesuai fakta.').getByRole('button', { name: 'Tandai untuk koreksi' }).click();
    await editor.page.getByText('Berita ditandai untuk koreksi; laporan selesai.').waitFor();
    expect(await editor.page.locator('.complaint').count()).toBe(0);
    // The story now waits under "Menunggu koreksi" until an editor says the correction is out.
    await editor.page.locator('.correction', { hasText: 'Judulnya tidak sesuai fakta.' }).waitFor();
    expect(await wcagViolations(editor.page)).toEqual([]);
    await editor.context.close();

    const later = await reader(142, { viewport: { width: 390, height: 844 } });
    await later.page.goto(`${origin}${reported.url}`);
    await later.page.waitForLoadState('networkidle');
    expect(await later.page.locator('.comment').count()).toBe(0);
    await later.context.close();
  });
});
