/**
 * The `archive` fixture is the English site built with WARTA_PRERENDER_DAYS=10: its stories
 * published more than 10 days before the build (1 March 2024, 12:00) are not written as pages but
 * rendered by the built server on request (src/lib/archive.ts, src/routes/archived-story.astro).
 * The `english` fixture is the same content and build time with every story prerendered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_CACHE_HEADERS } from '../../src/lib/archive.ts';
import { ARCHIVE_SEARCH_PATH } from '../../src/search/archive-text.ts';
import { BODIES_FOLDER } from '../../src/lib/bodies-apart.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { searchIn } from '../helpers/pagefind-node.ts';
import { buildDir, outDir, sites } from '../helpers/sites.ts';

const site = outDir(sites.archive);
const full = outDir(sites.english);
/** 20 February 2024, 09:00: archived. It has an old URL in `aliases`. */
const archived = '/news/2024/02/20/bridge-reopens/';
const alias = '/2024/02/20/bridge-reopens/';
/** 23 February 2024: prerendered. */
const recent = '/news/2024/02/23/contractor-reply/';
const page = (root: string, url: string) => path.join(root, url, 'index.html');
const cacheHeaders = (r: Response) => ({ 'Cache-Control': r.headers.get('cache-control'), 'X-Accel-Expires': r.headers.get('x-accel-expires') });
const withoutStyles = (html: string) => html.replace(/<link rel="stylesheet"[^>]*>|<style>[\s\S]*?<\/style>/g, '');

let server: BuiltServer;
beforeAll(async () => {
  server = await startBuiltServer(sites.archive);
}, 60_000);
afterAll(() => server?.close());

describe('a story older than WARTA_PRERENDER_DAYS', () => {
  it('is not written by the build, while a newer story is', () => {
    expect(fs.existsSync(page(site, archived))).toBe(false);
    expect(fs.existsSync(page(site, alias))).toBe(false);
    expect(fs.existsSync(page(site, recent))).toBe(true);
  });

  it('is answered by the built server with the page a full build writes, and a header that lets a shared cache keep it', async () => {
    const response = await fetch(server.origin + archived);
    expect(response.status).toBe(200);
    expect(cacheHeaders(response)).toEqual(ARCHIVE_CACHE_HEADERS);
    const html = await response.text();
    // The same page but for its stylesheets, which Vite bundles per route: the route's own file, served with the site.
    expect(withoutStyles(html)).toBe(withoutStyles(fs.readFileSync(page(full, archived), 'utf8')));
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) expect((await fetch(server.origin + sheet)).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('has its old URL redirect permanently to it, cacheable too', async () => {
    const response = await fetch(server.origin + alias, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(archived);
    expect(cacheHeaders(response)).toEqual(ARCHIVE_CACHE_HEADERS);
  });

  it('leaves a URL that is no story to the site’s 404 page', async () => {
    const response = await fetch(`${server.origin}/news/2024/02/20/no-such-story/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(fs.readFileSync(path.join(site, '404.html'), 'utf8'));
  });

  it('is found by search with the filters of its page, as in the fully built site', async () => {
    const query = 'bridge reopened';
    const [withArchive, prerendered] = [await searchIn(site, query), await searchIn(full, query)];
    const story = withArchive.find((r) => r.url === archived);
    expect(story?.filters.kategori).toEqual(['City']);
    // Its whole record (text, anchors the excerpt starts from, metadata) is the written page's.
    expect(story).toEqual(prerendered.find((r) => r.url === archived));
    expect(withArchive.map((r) => r.url)).toEqual(prerendered.map((r) => r.url));
  });

  it('sends another spelling of its URL to the one URL, so a cache keeps one copy', async () => {
    for (const spelling of [archived.slice(0, -1), `${archived}index.html`, archived.replace('bridge-reopens', 'bridge%2Dreopens')]) {
      const response = await fetch(server.origin + spelling, { redirect: 'manual' });
      expect(response.status, spelling).toBe(301);
      expect(response.headers.get('location'), spelling).toBe(archived);
    }
  });

  it('stays in the sitemap, its old URL does not, and the search text pages are not published', async () => {
    const sitemap = fs.readFileSync(path.join(site, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>https://courier.example${archived}</loc>`);
    expect(sitemap).not.toContain(`<loc>https://courier.example${alias}</loc>`);
    expect(sitemap).not.toContain('_arsip-cari');
    expect(fs.existsSync(path.join(site, ARCHIVE_SEARCH_PATH))).toBe(false);
    expect((await fetch(`${server.origin}${ARCHIVE_SEARCH_PATH}1/`)).status).toBe(404);
  });
});

describe('an archived story’s rendered body', () => {
  const serverDir = path.join(buildDir(sites.archive), 'server');
  // Sentences of the stories' bodies (tests/fixtures/sites/english/content/articles/2024/02/).
  const archivedSentence = 'The meeting starts at 10:30 in the town hall.';
  const recentSentence = 'late delivery of steel, not from its own planning.';

  it('is kept out of the content store the server carries, as a prerendered story’s is', () => {
    const store = fs.readFileSync(path.join(serverDir, 'data-store.json'), 'utf8');
    expect(store).toContain('bridge-reopens');
    expect(store).toContain('contractor-reply');
    expect(store).not.toContain(archivedSentence);
    expect(store).not.toContain(recentSentence);
  });

  it('is in a file of its own beside the server’s code, which the server renders the page from', async () => {
    const file = path.join(serverDir, BODIES_FOLDER, 'bridge-reopens.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).html).toContain(archivedSentence);
    expect(fs.existsSync(path.join(serverDir, BODIES_FOLDER, 'contractor-reply.json'))).toBe(false);
    expect(await (await fetch(server.origin + archived)).text()).toContain(archivedSentence);
  });
});
