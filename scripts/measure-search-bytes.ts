/**
 * Measures what a reader's browser downloads for a first search: the search page's own
 * script (/_astro/*.js: the only script /cari/ loads), Pagefind's JS and WebAssembly, the index chunks, filter
 * data and the fragments of the results shown (everything under /pagefind/). On a split index the archive bundles' files
 * (merged after the recent bundle has answered) are a group of their own, and "first answer"
 * is everything else: what the recent bundle's results need. Files are served gzip'd as a CDN
 * would (text types compressed on the fly; Pagefind's index files are already
 * compressed and go out as they are), and the bytes sent (body and headers) are added up.
 *
 *   node scripts/measure-search-bytes.ts --dir tests/.output/demo/client [--query banjir]
 *   node scripts/measure-search-bytes.ts --content /tmp/corpus --now 2026-11-27T21:00:00+07:00 [--out /tmp/corpus-build]
 *   node scripts/measure-search-bytes.ts --synthetic 10000 [--dir tests/.output/demo/client] [--query Palembang]
 *
 * With --content it first builds that content folder (`astro build`), then measures. The build
 * goes under node_modules/.warta-measure/ unless --out says otherwise; it must stay inside the
 * project, where the server build's prerender chunks can resolve their packages.
 *
 * With --synthetic N it skips the (slow) full build: it generates `generate-corpus.ts --count N
 * --seed 1`, writes each article as the search-relevant part of an article page (headline and
 * body marked `data-pagefind-body`, chrome marked `data-pagefind-ignore`, and the filters, sort
 * key and metadata `PagefindMeta.astro` writes), indexes them through Pagefind's Node API into
 * a copy of the --dir build (default: the demo fixture, which supplies /cari/ and the UI), applies
 * the build's post-processing (Zopfli, `src/search/gzip.ts`) and measures that. Articles go in one
 * `addHTMLFile` each, in file order (month, then name); the build's `addDirectory` takes pages
 * in directory order, which moved the index size by under 1% in a trial.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import matter from 'gray-matter';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    content: { type: 'string' },
    now: { type: 'string' },
    out: { type: 'string' },
    synthetic: { type: 'string' },
    query: { type: 'string', default: 'Palembang' },
    json: { type: 'boolean', default: false },
  },
});
const root = path.resolve(import.meta.dirname, '..');

let dir = values.dir && path.resolve(values.dir);
if (values.synthetic) {
  dir = await syntheticSite(Number(values.synthetic), dir ?? path.join(root, 'tests/.output/demo/client'));
} else if (!dir && values.content) {
  const out = path.resolve(values.out ?? path.join(root, 'node_modules/.warta-measure', path.basename(values.content)));
  const started = Date.now();
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', WARTA_CONTENT_DIR: path.resolve(values.content), ...(values.now ? { WARTA_NOW: values.now } : {}), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`[warta] building ${values.content} failed (exit ${build.status})`);
  console.error(`[warta] built ${values.content} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  dir = fs.existsSync(path.join(out, 'client')) ? path.join(out, 'client') : out;
}
if (!dir || !fs.existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))) {
  console.error('[warta] usage: --dir <built site with pagefind/> or --content <content folder>');
  process.exit(2);
}

/** A copy of `template` (a built site) whose search index holds `count` generated articles instead of its own. */
async function syntheticSite(count: number, template: string): Promise<string> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`[warta] --synthetic takes an article count, got "${values.synthetic}"`);
  if (!fs.existsSync(path.join(template, 'cari', 'index.html'))) throw new Error(`[warta] ${template} is not a built site with /cari/ (build the demo first: npx vitest run --project site)`);
  const work = path.join(root, 'node_modules/.warta-measure');
  const corpus = path.join(work, `corpus-${count}`);
  if (!fs.existsSync(path.join(corpus, 'site.yaml'))) {
    const made = spawnSync(process.execPath, [path.join(root, 'scripts/generate-corpus.ts'), '--count', String(count), '--seed', '1', '--out', corpus], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (made.status !== 0) throw new Error(`[warta] generating the corpus failed (exit ${made.status})`);
  }
  const { loadContent } = await import('../src/lib/content-check.ts');
  const { formatDate, toZonedIso } = await import('../src/lib/dates.ts');
  const { firstSearchFiles, shrinkWithZopfli } = await import('../src/search/gzip.ts');
  const content = loadContent(corpus, corpus);
  const { site } = content;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const nav = [...content.categories.values()].map((c) => `<a href="/kategori/${c.id}/">${esc(c.name)}</a>`).join(' ');
  const pageHtml = (a: (typeof content.articles)[number]) => {
    const location = a.data.location === undefined ? undefined : content.locations.get(a.data.location)!;
    const category = content.categories.get(a.data.category)!;
    const reporters = a.data.reporter.map((id) => content.people.get(id)!.name);
    // The content check keeps no bodies: read the story's file again (with options: gray-matter caches no file).
    const paragraphs = matter(fs.readFileSync(path.join(corpus, a.file), 'utf8'), {}).content.trim().split(/\n\n+/);
    const body = paragraphs.map((p, i) => `<p>${i === 0 && location ? `<span class="dateline">${esc(site.datelineLabel)} | ${esc(location.name.toUpperCase())} –</span> ` : ''}${esc(p)}</p>`).join('\n');
    return `<!DOCTYPE html><html lang="${site.locale}"><head><title>${esc(a.data.title)}</title></head><body>
<header class="site-header" data-pagefind-ignore><nav>${nav}</nav></header>
<main><article><header class="article-header" data-pagefind-body><h1>${esc(a.data.title)}</h1></header>
<div class="byline"><p>Oleh ${reporters.map(esc).join(', ')}</p></div>
<div class="article-body" data-pagefind-body>${body}</div>
<section class="share" data-pagefind-ignore>Bagikan</section>
<div class="pagefind-meta" hidden data-pagefind-ignore>
<span data-pagefind-filter="kategori">${esc(category.name)}</span><span data-pagefind-filter="lokasi">${esc(location?.name ?? '')}</span>${reporters.map((r) => `<span data-pagefind-filter="reporter">${esc(r)}</span>`).join('')}
<span data-pagefind-sort="tanggal[data-value]" data-value="${toZonedIso(a.data.date, site.timeZone)}"></span>
<span data-pagefind-meta="tanggal[data-value]" data-value="${esc(formatDate(a.data.date, site.locale, site.timeZone))}"></span>
<span data-pagefind-meta="kategori[data-value]" data-value="${esc(category.name)}"></span>
<span data-pagefind-meta="image[data-value]" data-value=""></span>
</div></article></main><footer class="site-footer" data-pagefind-ignore>Hak cipta</footer></body></html>`;
  };

  const out = path.join(work, `synthetic-${count}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(template, out, { recursive: true });
  fs.rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
  const started = Date.now();
  const pagefind = await import('pagefind');
  const created = await pagefind.createIndex({});
  if (!created.index || created.errors.length > 0) throw new Error(`[warta] createIndex failed: ${created.errors.join('; ')}`);
  try {
    for (const article of content.articles) {
      const added = await created.index.addHTMLFile({ url: article.path, content: pageHtml(article) });
      if (added.errors.length > 0) throw new Error(`[warta] indexing ${article.path} failed: ${added.errors.join('; ')}`);
    }
    const written = await created.index.writeFiles({ outputPath: path.join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`[warta] writeFiles failed: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  await shrinkWithZopfli(firstSearchFiles(path.join(out, 'pagefind'), true), path.join(work, 'gzip-cache'));
  console.error(`[warta] indexed ${content.articles.length} synthetic articles into ${path.relative(root, out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

const TEXT = /\.(js|css|json|html|svg|xml|txt)$/;
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.jpg': 'image/jpeg' };

/**
 * A static server that gzips text on the fly, as CDNs do by default, and logs what it
 * sends. Counting at the server catches requests made from Pagefind's Web Worker,
 * for which Chromium's per-request sizes come back as 0.
 */
const sent: { file: string; bytes: number }[] = [];
function serve(siteDir: string): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    let bodyBytes = 0;
    let headers: Record<string, string> = {};
    res.on('finish', () => {
      const head = `HTTP/1.1 ${res.statusCode} OK\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
      sent.push({ file: new URL(req.url ?? '/', 'http://x').pathname, bytes: bodyBytes + Buffer.byteLength(head) });
    });
    let file = path.join(siteDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(siteDir)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return void res.writeHead(404).end('not found');
    let body: Buffer = fs.readFileSync(file);
    headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (TEXT.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body, { level: 9 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    bodyBytes = body.length;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

// A large archive's index is split into bundles inside /pagefind/ (src/search/shards.ts): count them all.
const pages = fs.globSync('pagefind/**/pagefind-entry.json', { cwd: dir }).reduce((sum, file) => {
  const entry = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return sum + Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}, 0);
const server = await serve(dir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/cari/`);
  await page.locator('#search-input').fill(values.query);
  await page.locator('.search-result__title a').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const shown = await page.locator('.search-result').count();
  const summary = (await page.locator('[data-search-summary]').innerText()).trim();

  // /cari/ loads no other script than the search page's (its chunk and what it imports).
  const rows = sent.filter((r) => r.file.startsWith('/pagefind/') || /^\/_astro\/.+\.js$/.test(r.file));
  const group = (file: string) =>
    file.startsWith('/pagefind/arsip') ? 'archive bundles' : file.startsWith('/_astro/') ? 'search page script' : /pagefind(-worker)?\.js$|wasm\./.test(file) ? 'Pagefind runtime' : /\.pf_meta$/.test(file) ? 'index meta' : /\.pf_index$/.test(file) ? 'index chunks' : /\.pf_filter$/.test(file) ? 'filter data' : /\.pf_fragment$/.test(file) ? 'result fragments' : 'other';
  const groups = new Map<string, { files: number; bytes: number }>();
  for (const row of rows) {
    const g = groups.get(group(row.file)) ?? { files: 0, bytes: 0 };
    groups.set(group(row.file), { files: g.files + 1, bytes: g.bytes + row.bytes });
  }
  const total = rows.reduce((n, r) => n + r.bytes, 0);
  const report = { site: path.relative(root, dir) || dir, pages, query: values.query, summary, resultsShown: shown, firstAnswerBytes: total - (groups.get('archive bundles')?.bytes ?? 0), totalBytes: total, groups: Object.fromEntries(groups), files: rows };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`${report.site}: ${pages} pages indexed; query "${values.query}" → ${summary} (${shown} results rendered)`);
    for (const [name, g] of groups) console.log(`  ${name.padEnd(18)} ${String(g.files).padStart(3)} files  ${kb(g.bytes).padStart(10)}`);
    console.log(`  ${'total'.padEnd(18)} ${String(rows.length).padStart(3)} files  ${kb(total).padStart(10)}  (gzip, headers included)`);
    console.log(`  ${'first answer'.padEnd(18)}            ${kb(report.firstAnswerBytes).padStart(10)}  (without the archive bundles)`);
  }
} finally {
  await browser.close();
  server.close();
}
