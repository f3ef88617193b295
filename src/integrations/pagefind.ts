/**
 * Search: indexes the built site with Pagefind's Node API, and gives `astro dev` a
 * working `/pagefind/` bundle. In builds, article pages are rendered first and indexed
 * while Astro renders the other pages (`articles-first.ts`).
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
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { checkSearchIndex } from '../lib/search-index-check.ts';
import { isPublished } from '../lib/publishing.ts';
import { resolveNow } from '../lib/dates.ts';
import type { Warta } from './warta.ts';
import { assertNoErrors, deadline, PREFIX, withPagefind } from './pagefind-service.ts';
import { articlesFirst } from './articles-first.ts';

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
  /** Where `astro build` writes static pages; `build.concurrency`; the index being built. */
  let buildSite = '';
  let concurrency = 1;
  let indexing: Promise<number> | undefined;
  let installPrerenderer: ((make: (base: AstroPrerenderer) => AstroPrerenderer) => void) | undefined;

  /** Set at config:done, when the routes folder is known. */
  let glob = '';
  let exclusive = false;

  /** Indexes the article pages under `site` into `bundle`, replacing what was there. */
  async function indexDirectory(site: string, bundle: string) {
    fs.rmSync(bundle, { recursive: true, force: true });
    await withPagefind(timeoutMs, async (index) => {
      // Only files where article pages can be (see articleGlob): reading every listing page
      // cost seconds at 10k, and listing pages are still being written while this runs.
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
        concurrency = config.build.concurrency;
        // Folders other routes write to: every entry of src/pages, plus Astro's and Pagefind's own.
        const routes = fileURLToPath(new URL('src/pages/', config.root));
        const taken = ['_astro', 'pagefind', ...(fs.existsSync(routes) ? fs.readdirSync(routes).map((n) => n.replace(/\.(astro|ts|js|md|mdx)$/, '')) : [])];
        ({ glob, exclusive } = articleGlob(warta.content.site.permalink, warta.content.articles.map((a) => a.path), new Set(taken)));
      },

      'astro:build:start': ({ setPrerenderer }) => {
        indexing = undefined;
        // Early only when the glob can match nothing but article pages: other pages are still
        // being written while the index is built, and a half-written file must not be read.
        installPrerenderer = searchEarlyEnabled(process.env) && exclusive ? setPrerenderer : undefined;
      },

      // Not in build:start: while a prerenderer is set when Astro computes the Vite config, Astro
      // expects the adapter to bundle the prerender entry itself and the build fails ("input
      // should not be an html file when building for SSR"); by build:setup that config exists.
      'astro:build:setup': () => {
        if (!installPrerenderer) return;
        // Article pages render first; the index is built from them while Astro renders the rest.
        installPrerenderer((base) =>
          articlesFirst(base, {
            articleRoute: ARTICLE_ROUTE,
            concurrency,
            onArticlesWritten: () => {
              const started = Date.now();
              indexing = indexDirectory(buildSite, path.join(buildSite, 'pagefind')).then(() => Date.now() - started);
              // Reported at build:done; until then a failure must not end the build as an unhandled rejection.
              indexing.catch(() => {});
            },
          }),
        );
        installPrerenderer = undefined;
      },

      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const listFile = path.join(site, 'warta-articles.json');
        if (!fs.existsSync(listFile)) {
          throw new Error(`${PREFIX} ${listFile} is missing: list pagefind() after warta.integration in astro.config.mjs`);
        }
        const published = (JSON.parse(fs.readFileSync(listFile, 'utf8')) as { url: string }[]).map((a) => new URL(a.url, 'http://localhost').pathname);
        const bundle = path.join(site, 'pagefind');

        const started = Date.now();
        if (indexing && path.resolve(site) === path.resolve(buildSite)) {
          const took = await deadline(indexing, timeoutMs, 'search indexing');
          logger.info(`search index built while Astro rendered the other pages (${took} ms); waited ${Date.now() - started} ms for it after the last page`);
        } else {
          if (indexing) await indexing.catch(() => {});
          // Off, or not where the pages were expected (an adapter moved them): index what is there.
          await indexDirectory(site, bundle);
        }
        indexing = undefined;
        recompressSearchMeta(bundle);

        const problems = checkSearchIndex(bundle, { urls: published, language });
        if (problems.length > 0) throw new Error(`${PREFIX} the search index is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        logger.info(`search index checked: ${published.length} articles, ${Date.now() - started} ms after the last page`);
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

/** The route that renders article pages (and their alias redirects). */
export const ARTICLE_ROUTE = 'src/pages/[...path].astro';

/**
 * The files where article pages can be, for Pagefind's `addDirectory`: the permalink
 * pattern with each token as `*`, its first folder narrowed to the ones articles use
 * (`/:year/:month/:slug/` → `{2023,2024}/*\/*\/index.html`). `exclusive` when no other route
 * can write a file it matches: at least two folders deep (static pages are one), under
 * folders only articles use, none of them one that another route writes to (`taken`).
 */
export function articleGlob(permalink: string, articlePaths: string[], taken: Set<string>): { glob: string; exclusive: boolean } {
  const pattern = permalink.replace(/^\/+|\/+$/g, '').split('/').map((part) => part.replace(/:[a-z]+/g, '*'));
  const firstFolders = [...new Set(articlePaths.map((p) => p.replace(/^\/+/, '').split('/')[0]!))].sort();
  const narrow = pattern.length > 1 && firstFolders.length > 0 && firstFolders.length <= 200 && firstFolders.every((f) => /^[\w.-]+$/.test(f));
  if (narrow) pattern[0] = firstFolders.length === 1 ? firstFolders[0]! : `{${firstFolders.join(',')}}`;
  return { glob: `${pattern.join('/')}/index.html`, exclusive: narrow && !firstFolders.some((f) => taken.has(f)) };
}

/** `WARTA_SEARCH_EARLY=0` builds the index after the last page instead of beside the listings (for comparison). */
export function searchEarlyEnabled(env: NodeJS.ProcessEnv): boolean {
  const raw = env.WARTA_SEARCH_EARLY;
  if (raw === undefined || raw === '' || raw === '1') return true;
  if (raw === '0') return false;
  throw new Error(`[warta] WARTA_SEARCH_EARLY must be 1 (index while the listings render, the default) or 0 (after the build), got "${raw}"`);
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
