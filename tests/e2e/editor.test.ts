import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import { slugFromTitle } from '../../src/lib/new-article.ts';
import { SLUG_MAX_LENGTH, isId } from '../../src/schemas/id.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { BUILD_TIMEOUT, runBuild } from '../helpers/build-site.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, outputRoot, root, sites, type FixtureSite } from '../helpers/sites.ts';

/*
 * The newsroom editor on a phone (390 × 844), in local mode against the built demo site. Local
 * mode writes to a folder the journalist picks with the browser's folder picker; the test
 * replaces the picker with a folder in the browser's private storage (OPFS) seeded with the
 * demo's registries, and copies what the editor writes back to disk to check and build it.
 */

const PHOTO = path.join(root, 'content/articles/2023/05/ratusan-bacaleg-di-lubuklinggau-daftar-ke-kpu.jpg');
const TITLE = 'Banjir Rendam Kertapati Usai Hujan Semalam';
const BODY = 'Hujan deras sejak malam merendam puluhan rumah di Kertapati, Palembang. Warga mengungsi ke masjid terdekat.';

let browser: Browser;
/** Hosts other than the site's that the editor asked for anything. */
const foreignHosts = new Set<string>();
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(outDir(sites.demo));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The demo's registries, as the repository folder the journalist would pick holds them. */
function registryFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of fs.globSync('**/*.{yaml,yml}', { cwd: path.join(root, 'content') })) files[`content/${file}`] = fs.readFileSync(path.join(root, 'content', file), 'utf8');
  return files;
}

/** Opens the editor signed in to local mode on an OPFS folder, on the new-story form. */
async function openNewStory(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && url.origin !== server.origin) foreignHosts.add(url.host);
  });
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
  });
  await page.goto(`${server.origin}/redaksi/editor/`);
  await page.evaluate(async (files) => {
    const storage = await navigator.storage.getDirectory();
    await storage.removeEntry('repo', { recursive: true }).catch(() => {});
    const repo = await storage.getDirectoryHandle('repo', { create: true });
    // The editor accepts a folder as a repository root when it has a .git entry.
    await repo.getDirectoryHandle('.git', { create: true });
    for (const [file, text] of Object.entries(files)) {
      const parts = file.split('/');
      let dir = repo;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, registryFiles());
  await page.getByRole('button', { name: 'Work with Local Repository' }).tap();
  await page.getByRole('link', { name: /Berita/ }).or(page.getByText('Berita', { exact: true })).first().waitFor();
  await page.goto(`${page.url().split('#')[0]}#/collections/berita/new`);
  await page.getByRole('textbox', { name: 'Judul (wajib)' }).waitFor();
  return page;
}

/** Every file under content/articles/ the editor wrote, as bytes. */
async function writtenArticles(page: Page): Promise<Record<string, Buffer>> {
  const files = await page.evaluate(async () => {
    const out: Record<string, number[]> = {};
    async function walk(dir: FileSystemDirectoryHandle, prefix: string) {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = [...new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer())];
      }
    }
    const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
    const articles = await repo.getDirectoryHandle('content').then((c) => c.getDirectoryHandle('articles')).catch(() => undefined);
    if (articles) await walk(articles, 'content/articles/');
    return out;
  });
  return Object.fromEntries(Object.entries(files).map(([file, bytes]) => [file, Buffer.from(bytes)]));
}

async function choose(page: Page, field: string, option: string) {
  await page.getByRole('combobox', { name: field }).tap();
  await page.getByRole('option', { name: option, exact: true }).tap();
}

describe('the newsroom editor on a phone', () => {
  const timings: Record<string, number> = {};
  afterAll(() => console.log(`[editor e2e] ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`));

  test('a reporter files a story with a photo; the file passes the check and builds with dateline, reporter code and editor line', async () => {
    let started = Date.now();
    const page = await openNewStory();
    timings['open editor'] = Date.now() - started;
    // Fonts and code come from the site; the one outside call is the editor's GitHub status check.
    expect([...foreignHosts].filter((host) => host !== 'www.githubstatus.com')).toEqual([]);
    started = Date.now();

    await page.getByRole('textbox', { name: 'Judul (wajib)' }).fill(TITLE);
    await choose(page, 'Reporter (wajib)', 'Bolok (Bolok)');
    await page.getByText('Satu reporter atau lebih').tap();
    await page.getByRole('radio', { name: 'Mastari (Mastari)' }).tap();
    await choose(page, 'Kategori (wajib)', 'Peristiwa');
    await choose(page, 'Lokasi', 'Palembang');
    // The photo: add the optional cover, browse, upload from the phone, insert, describe it.
    await page.getByRole('checkbox', { name: /Foto utama/ }).tap();
    await page.getByRole('group', { name: /Foto \(wajib\)/ }).getByRole('button', { name: 'Browse' }).tap();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('dialog').getByRole('button', { name: /Upload/ }).tap();
    await (await chooser).setFiles(PHOTO);
    await page.getByRole('dialog').getByRole('button', { name: 'Insert' }).tap();
    await page.getByRole('textbox', { name: 'Teks alternatif (wajib)' }).fill('Warga mengarungi banjir di Kertapati');
    await page.getByRole('textbox', { name: 'Isi berita' }).tap();
    await page.keyboard.type(BODY);

    // The preview, as readers will see the story: Warta's Markdown plugins and stylesheet.
    await page.getByRole('button', { name: 'Preview' }).tap();
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:'))).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith('blob:'))!;
    await frame.locator('.warta-preview .editor-line').waitFor();
    const previewHtml = await frame.locator('.warta-preview').innerHTML();
    expect(await frame.locator('.warta-preview figure.cover img').getAttribute('src')).toMatch(/^blob:/);
    expect(await frame.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet], style')].some((s) => /global[^/]*\.css/.test((s as HTMLLinkElement).href ?? '')))).toBe(true);
    await page.getByRole('button', { name: 'Preview' }).tap();

    await page.getByRole('button', { name: 'Save' }).tap();
    await page.getByText('Entry saved.').waitFor();
    timings['write and save'] = Date.now() - started;

    // What the editor wrote, copied back to a content folder beside the demo's registries.
    const written = await writtenArticles(page);
    await page.close();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).replace('-', '/');
    const story = `content/articles/${month}/banjir-rendam-kertapati-usai-hujan-semalam.md`;
    expect(Object.keys(written).sort()).toEqual([story, `content/articles/${month}/ratusan-bacaleg-di-lubuklinggau-daftar-ke-kpu.jpg`].sort());
    const text = written[story]!.toString('utf8');
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/m);
    expect(text).toContain('cover:\n  src: ./ratusan-bacaleg-di-lubuklinggau-daftar-ke-kpu.jpg\n  alt: Warga mengarungi banjir di Kertapati\n');
    expect(text).not.toMatch(/: ''$/m);

    started = Date.now();
    const scratch = path.join(outputRoot, 'editor-story-content');
    fs.rmSync(scratch, { recursive: true, force: true });
    for (const [file, text] of Object.entries(registryFiles())) fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true }), fs.writeFileSync(path.join(scratch, file), text);
    for (const [file, bytes] of Object.entries(written)) fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true }), fs.writeFileSync(path.join(scratch, file), bytes);
    const content = path.join(scratch, 'content');

    const check = loadContent(content, root);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.articles.map((a) => a.id)).toEqual(['banjir-rendam-kertapati-usai-hujan-semalam']);

    const site: FixtureSite = { name: 'editor-story', content: path.relative(root, content), now: new Date(Date.now() + 3_600_000).toISOString() };
    const build = runBuild(site);
    expect(build.status, build.output).toBe(0);
    timings['check and build'] = Date.now() - started;
    const $ = cheerio.load(fs.readFileSync(path.join(outDir(site), check.articles[0]!.path, 'index.html'), 'utf8'));
    expect($('.article-body .dateline').first().text()).toBe('Liputan ABN | PALEMBANG –');
    expect($('.reporter-code').text()).toBe('( Bolok )');
    expect($('.editor-line').text()).toBe('Editor : Mastari');
    expect($('.article-header img, figure img').first().attr('alt')).toBe('Warga mengarungi banjir di Kertapati');

    // The preview's text is the page's text, part by part.
    const preview = cheerio.load(previewHtml);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const selector of ['.article-header h1', '.article-body', '.reporter-code', '.editor-line']) {
      expect(squash(preview(selector).text()), selector).toBe(squash($(selector).first().text()));
    }
  }, BUILD_TIMEOUT);

  test('a long headline gets a file name no longer than the one `npm run new` would give it', async () => {
    const started = Date.now();
    const page = await openNewStory();
    const title = 'Pemerintah Kota Palembang Resmikan Jembatan Penghubung Baru di Kawasan Seberang Ulu untuk Kurangi Kemacetan Menjelang Lebaran';
    await page.getByRole('textbox', { name: 'Judul (wajib)' }).fill(title);
    await choose(page, 'Reporter (wajib)', 'Bolok (Bolok)');
    await page.getByRole('radio', { name: 'Mastari (Mastari)' }).tap();
    await choose(page, 'Kategori (wajib)', 'Peristiwa');
    await page.getByRole('textbox', { name: 'Isi berita' }).tap();
    await page.keyboard.type('Isi berita.');
    await page.getByRole('button', { name: 'Save' }).tap();
    await page.getByText('Entry saved.').waitFor();
    const [file] = Object.keys(await writtenArticles(page));
    await page.close();
    const id = path.basename(file!, '.md');
    expect(id.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(isId(id), id).toBe(true);
    // The editor cuts the headline's slug at the length, where `npm run new` cuts at the word before it.
    expect(id).toBe(slugFromTitle(title, Infinity).slice(0, SLUG_MAX_LENGTH).replace(/-$/, ''));
    timings['long headline'] = Date.now() - started;
  });

  test("a story without a reporter cannot be saved and the check's message says why", async () => {
    const started = Date.now();
    const page = await openNewStory();
    await page.getByRole('textbox', { name: 'Judul (wajib)' }).fill('Tanpa Reporter');
    await page.getByRole('radio', { name: 'Mastari (Mastari)' }).tap();
    await choose(page, 'Kategori (wajib)', 'Peristiwa');
    await page.getByRole('textbox', { name: 'Isi berita' }).tap();
    await page.keyboard.type('Isi berita.');
    await page.getByRole('button', { name: 'Save' }).tap();
    const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog')).first();
    await expect.poll(() => dialog.innerText()).toContain('Berita belum bisa disimpan. Perbaiki dulu:');
    expect(await dialog.innerText()).toContain('reporter: wajib diisi. Tambahkan "reporter:" ke frontmatter.');
    expect(await writtenArticles(page)).toEqual({});
    await page.close();
    timings['refused save'] = Date.now() - started;
  });
});
