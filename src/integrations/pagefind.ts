/**
 * Search: indexes the built site with Pagefind's Node API, and gives `astro dev` a
 * working `/pagefind/` bundle. In builds the article pages are handed to Pagefind
 * while Astro renders (`search-feed.ts`); only writing the bundle waits for the end.
 *
 * What goes into the index is declared in the HTML: `data-pagefind-body` on the
 * article headline and body (so pages without it — home, sections, static pages,
 * redirects, /cari/ — are left out), `data-pagefind-ignore` on chrome and
 * comments, filters/sort/metadata in `components/search/PagefindMeta.astro`.
 *
 * Pagefind's Node API reports failure as `errors` arrays instead of throwing,
 * answers `page_count: 0` for a missing folder, and its `writeFiles` promise can
 * stay pending forever inside Astro's hook while Astro exits 0 (see issue 4,
 * "Search with Pagefind"). So every
 * response is checked, every call has a deadline, and the build then reads the
 * bundle back from disk and compares it with `warta-articles.json`, the list of
 * published articles the warta integration writes just before this hook runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkSearchIndex } from '../lib/search-index-check.ts';
import { isPublished } from '../lib/publishing.ts';
import { resolveNow } from '../lib/dates.ts';
import type { Warta } from './warta.ts';
import { assertNoErrors, deadline, PREFIX, withPagefind } from './pagefind-service.ts';
import { startSearchFeed, type SearchFeed } from './search-feed.ts';

/** Indexing 10,000 articles takes well under a minute on 2 cores; a call still pending after this has hung. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface PagefindIntegrationOptions {
  /** Deadline for each Pagefind call. `WARTA_PAGEFIND_TIMEOUT_MS` overrides it. */
  timeoutMs?: number;
}

export function pagefind(warta: Warta, options: PagefindIntegrationOptions = {}): AstroIntegration {
  const language = warta.content.site.locale;
  const timeoutMs = Number(process.env.WARTA_PAGEFIND_TIMEOUT_MS) || options.timeoutMs || DEFAULT_TIMEOUT_MS;
  /** Where the last `astro build` left its static files (`dist/client/` with the Node adapter). */
  let lastBuild = '';
  /** The dev server's bundle, built in memory on start when no build has left one on disk. */
  let devFiles: Map<string, Uint8Array> | undefined;
  /** Where `astro build` writes static pages, and the thread indexing them as they appear. */
  let buildSite = '';
  let feed: SearchFeed | undefined;
  let planned: string[] = [];

  /** After the build, all at once: when the feed is off (WARTA_SEARCH_FEED=0) or the output moved. */
  async function indexDirectory(site: string, bundle: string) {
    await withPagefind(timeoutMs, async (index) => {
      // Only files where article pages can be: the permalink pattern with each token as `*`
      // (`/:year/:month/:slug/` → `*/*/*/index.html`). Pagefind skips pages without
      // data-pagefind-body anyway, but reading every listing page first cost seconds at 10k.
      const glob = `${warta.content.site.permalink.replace(/^\/|\/$/g, '').replace(/:[a-z]+/g, '*')}/index.html`;
      const added = await deadline(index.addDirectory({ path: site, glob }), timeoutMs, 'addDirectory');
      assertNoErrors('addDirectory', added.errors);
      if (added.page_count === 0) throw new Error(`${PREFIX} addDirectory found no pages in ${site}`);
      const written = await deadline(index.writeFiles({ outputPath: bundle }), timeoutMs, 'writeFiles');
      assertNoErrors('writeFiles', written.errors);
    });
  }

  return {
    name: 'warta:pagefind',
    hooks: {
      'astro:config:done': ({ config, buildOutput }) => {
        const candidates = [fileURLToPath(config.build.client), fileURLToPath(config.outDir)];
        lastBuild = candidates.find((dir) => fs.existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))) ?? candidates[0]!;
        // With an adapter (output "server") prerendered pages go to build.client.
        buildSite = buildOutput === 'server' ? candidates[0]! : candidates[1]!;
      },

      'astro:build:start': () => {
        if (!searchFeedEnabled(process.env)) return;
        planned = searchPages(warta, resolveNow());
        feed = startSearchFeed(buildSite, planned, timeoutMs);
      },

      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const listFile = path.join(site, 'warta-articles.json');
        if (!fs.existsSync(listFile)) {
          await feed?.cancel();
          throw new Error(`${PREFIX} ${listFile} is missing: list pagefind() after warta.integration in astro.config.mjs`);
        }
        const published = (JSON.parse(fs.readFileSync(listFile, 'utf8')) as { url: string }[]).map((a) => new URL(a.url, 'http://localhost').pathname);
        const bundle = path.join(site, 'pagefind');
        fs.rmSync(bundle, { recursive: true, force: true });

        const started = Date.now();
        if (feed && path.resolve(site) === path.resolve(buildSite)) {
          // Stories that became due while the build ran are indexed too, after the planned ones.
          const seen = new Set(planned);
          const extra = searchPages(warta, resolveNow()).filter((p) => !seen.has(p));
          const result = await feed.finish(bundle, extra);
          logger.info(
            `search: ${result.added} pages indexed while Astro rendered (adding ${Math.round(result.addMs)} ms, waiting for pages ${Math.round(result.waitedMs)} ms, ` +
              `${result.addedAtFinish} added at the end), bundle written in ${Math.round(result.writeMs)} ms`,
          );
        } else {
          await feed?.cancel();
          await indexDirectory(site, bundle);
        }
        feed = undefined;
        recompressSearchMeta(bundle);

        const problems = checkSearchIndex(bundle, { urls: published, language });
        if (problems.length > 0) throw new Error(`${PREFIX} the search index is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        logger.info(`${published.length} articles indexed for search in ${Date.now() - started} ms`);
      },

      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use('/pagefind/', (req, res, next) => {
          const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\/+/, ''));
          const body = devFiles?.get(name) ?? readBundleFile(path.join(lastBuild, 'pagefind'), name);
          if (!body) {
            if (!devFiles && name === 'pagefind-entry.json') logger.warn('search index is still being built; try again in a moment');
            return next();
          }
          res.setHeader('Content-Type', contentType(name));
          res.setHeader('Cache-Control', 'no-store');
          res.end(body);
        });
      },

      'astro:server:start': ({ address, logger }) => {
        const onDisk = path.join(lastBuild, 'pagefind', 'pagefind-entry.json');
        if (process.env.WARTA_DEV_SEARCH !== 'fresh' && fs.existsSync(onDisk)) {
          logger.info(`search uses the index from the last build (${path.relative(process.cwd(), path.dirname(onDisk))}); set WARTA_DEV_SEARCH=fresh to index the dev server instead`);
          return;
        }
        // Not awaited: the dev server must answer while the index is built from its own pages.
        void buildDevIndex(warta, address, timeoutMs, logger).then(
          (files) => {
            devFiles = files;
          },
          (error: unknown) => logger.error(`search index for dev failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
    },
  };
}

/**
 * The article pages the search index holds, as files under the build folder, in the order
 * Astro renders them (newest first, as the `[...path]` route lists them): published and not
 * retracted (a retracted story keeps its page but leaves search).
 */
export function searchPages(warta: Pick<Warta, 'content'>, now: Date): string[] {
  return warta.content.articles
    .filter((a) => isPublished(a.data, now) && !a.data.retracted)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id))
    .map((a) => `${a.path.replace(/^\/+|\/+$/g, '')}/index.html`);
}

/** `WARTA_SEARCH_FEED=0` indexes after the build instead of while it renders (for comparison). */
export function searchFeedEnabled(env: NodeJS.ProcessEnv): boolean {
  const raw = env.WARTA_SEARCH_FEED;
  if (raw === undefined || raw === '' || raw === '1') return true;
  if (raw === '0') return false;
  throw new Error(`[warta] WARTA_SEARCH_FEED must be 1 (index while pages render, the default) or 0 (after the build), got "${raw}"`);
}

/**
 * Pagefind gzips its page table (`pagefind.*.pf_meta`, which every first search downloads
 * whole: ~100 KB at 10,000 articles) at a fast level; at level 9 it is ~5% smaller.
 * The browser side reads any valid gzip, and the file name is not a checksum.
 */
export function recompressSearchMeta(bundle: string): void {
  for (const name of fs.readdirSync(bundle)) {
    if (!name.endsWith('.pf_meta')) continue;
    const file = path.join(bundle, name);
    const packed = fs.readFileSync(file);
    const smaller = gzipSync(gunzipSync(packed), { level: 9 });
    if (smaller.length < packed.length) fs.writeFileSync(file, smaller);
  }
}

/** Indexes the dev server's own rendering of every published article, in memory. */
async function buildDevIndex(warta: Warta, address: AddressInfo, timeoutMs: number, logger: AstroIntegrationLogger) {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const origin = `http://${host === '[::]' ? '[::1]' : host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  const now = resolveNow();
  const paths = warta.content.articles.filter((a) => isPublished(a.data, now)).map((a) => a.path);
  const started = Date.now();
  const files = await withPagefind(timeoutMs, async (index) => {
    for (const urlPath of paths) {
      const response = await fetch(origin + urlPath);
      if (!response.ok) throw new Error(`${urlPath} answered ${response.status}`);
      const added = await deadline(index.addHTMLFile({ url: urlPath, content: await response.text() }), timeoutMs, 'addHTMLFile');
      assertNoErrors(`addHTMLFile ${urlPath}`, added.errors);
    }
    const result = await deadline(index.getFiles(), timeoutMs, 'getFiles');
    assertNoErrors('getFiles', result.errors);
    return new Map(result.files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
  });
  logger.info(`search index for dev built from ${paths.length} articles in ${Date.now() - started} ms`);
  return files;
}

function readBundleFile(bundleDir: string, name: string): Buffer | undefined {
  const file = path.resolve(bundleDir, name);
  if (!file.startsWith(bundleDir + path.sep)) return undefined;
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function contentType(name: string): string {
  if (name.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
