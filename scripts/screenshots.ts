/**
 * `npm run screenshots`: PNGs of the pages readers and editors see, at a phone's and a
 * laptop's size, to look at a layout change or show the portal in the README.
 *
 *   node scripts/screenshots.ts [--build dist] [--out screenshots] [--full-page]
 *
 * Builds dist/ when its inputs changed (as `npm start` does; `--build <folder>` uses an
 * existing build instead, e.g. tests/.output/demo), starts the built server on a free
 * port with a throwaway database, gives the front page's stories some views and the
 * moderation queue a comment, then photographs the front page, an article, a section,
 * search with results, the moderation queue and the 404 page at 390×844 and 1366×900
 * (Chromium via playwright-core). Writes `<out>/<page>-<width>.png` (git-ignored).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildInputsDigest } from './build-inputs.ts';
import { freePort } from './free-port.ts';

const { values } = parseArgs({
  options: {
    build: { type: 'string' },
    out: { type: 'string', default: 'screenshots' },
    'full-page': { type: 'boolean', default: false },
  },
});

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(root, values.out);
const log = (message: string) => console.log(`[warta:screenshots] ${message}`);

/** The same rule as `npm start`: build dist/ only when src/, content/, public/, config or lockfile changed. */
function builtSite(): string {
  if (values.build) return path.resolve(root, values.build);
  const dist = path.join(root, 'dist');
  const stamp = path.join(dist, '.warta-build-stamp');
  const digest = buildInputsDigest(root, process.env.WARTA_CONTENT_DIR ?? 'content');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== digest) {
    log('building the site…');
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    fs.writeFileSync(stamp, digest);
  }
  return dist;
}


const site = builtSite();
const client = path.join(site, 'client');
const entry = path.join(site, 'server/entry.mjs');
if (!fs.existsSync(entry)) throw new Error(`[warta:screenshots] no built server at ${entry}: run without --build, or build first`);

const token = randomBytes(24).toString('hex');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-screenshots-'));
const origin = `http://127.0.0.1:${await freePort()}`;
const server = spawn(process.execPath, [entry], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: new URL(origin).port,
    WARTA_DB_PATH: path.join(dataDir, 'warta.sqlite'),
    WARTA_SECRET: randomBytes(32).toString('hex'),
    WARTA_EDITORS: `redaksi:${token}`,
    WARTA_ARTICLES_FILE: path.join(client, 'warta-articles.json'),
    WARTA_COMMENT_MIN_SECONDS: '0',
  },
});

async function stop(): Promise<void> {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function waitForServer(): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 20_000; ) {
    if (server.exitCode !== null) break;
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('[warta:screenshots] the built server did not start');
}

interface Story {
  id: string;
  title: string;
  url: string;
}

/** Distinct visitors (the API counts one view per visitor and day), so "Terpopuler" and the cards show counts. */
async function seedViews(stories: Story[]): Promise<void> {
  const agent = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 pembaca/${n}`;
  let visitor = 0;
  for (const [rank, story] of stories.entries()) {
    const views = Math.max(3, 60 - rank * 7);
    await Promise.all(
      Array.from({ length: views }, () =>
        fetch(`${origin}/api/views/${encodeURIComponent(story.id)}`, { method: 'POST', headers: { origin, 'user-agent': agent(visitor++) } }).then((r) => r.body?.cancel()),
      ),
    );
  }
}

/** A reader's comment waiting in the queue, and an approved one with a newsroom reply. */
async function seedComments(story: Story): Promise<void> {
  const post = async (name: string, text: string) => {
    const { token: formToken } = (await (await fetch(`${origin}/api/comments/${story.id}/token`)).json()) as { token: string };
    const response = await fetch(`${origin}/api/comments/${story.id}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, text, acceptRules: true, token: formToken }),
    });
    return ((await response.json()) as { id: string }).id;
  };
  const admin = (method: string, url: string, body?: unknown) =>
    fetch(`${origin}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.body?.cancel());
  const approved = await post('Sari Palembang', 'Semoga banjir cepat surut. Tetap waspada, warga!');
  await admin('POST', `/api/admin/comments/${approved}/approve`);
  await admin('POST', `/api/admin/comments/${approved}/reply`, { text: 'Terima kasih, Sari. Kami terus memantau.' });
  await post('Andi Kertapati', 'Di Kertapati air sudah mulai naik sejak sore. Mohon petugas segera datang.');
}

await waitForServer();
try {
  const stories = JSON.parse(fs.readFileSync(path.join(client, 'warta-articles.json'), 'utf8')) as Story[];
  const front = fs.readFileSync(path.join(client, 'index.html'), 'utf8');
  const onFront = [...front.matchAll(/<a href="(\/\d{4}\/[^"]+)"/g)].map((m) => stories.find((s) => s.url === m[1])).filter((s): s is Story => !!s);
  const unique = [...new Map(onFront.map((s) => [s.id, s])).values()];
  await seedViews(unique.slice(0, 8));
  const article = unique[0] ?? stories[0]!;
  await seedComments(article);
  const section = front.match(/href="(\/kategori\/[^"]+\/)"/)?.[1] ?? '/';

  const pages: { name: string; path: string; prepare?: (page: import('playwright-core').Page) => Promise<void> }[] = [
    { name: 'front', path: '/' },
    { name: 'article', path: article.url },
    { name: 'section', path: section },
    { name: 'search', path: '/cari/?q=palembang', prepare: (page) => page.locator('.search-result').first().waitFor() },
    {
      name: 'moderation',
      path: '/moderasi/',
      prepare: async (page) => {
        await page.locator('#editor-token').fill(token);
        await page.locator('[data-signin] button[type=submit]').click();
        await page.locator('.moderation-item').first().waitFor();
      },
    },
    { name: '404', path: '/halaman-yang-tidak-ada/' },
  ];

  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
      for (const { name, path: pagePath, prepare } of pages) {
        const page = await context.newPage();
        await page.goto(origin + pagePath, { waitUntil: 'networkidle' });
        await prepare?.(page);
        // Counts and lists arrive from the API after load; give their requests time to land.
        await page.waitForLoadState('networkidle');
        const file = path.join(out, `${name}-${viewport.width}.png`);
        await page.screenshot({ path: file, fullPage: values['full-page'] });
        log(path.relative(root, file));
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  await stop();
}
