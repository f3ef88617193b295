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
import { checkSearchShards, searchBundleDir } from '../lib/search-index-check.ts';
import { resolveNow } from '../lib/dates.ts';
import { switchFromEnv, wholeNumberFromEnv } from '../lib/build-env.ts';
import { firstFolder, planSearchShards, searchShardPages, SEARCH_BUNDLE, type SearchShard } from '../lib/search-shards.ts';
import type { Warta } from './warta.ts';
import { assertNoErrors, deadline, pagefindBundle, PREFIX, withPagefind } from './pagefind-service.ts';
import { createSearchIndexer } from './search-indexer.ts';
import { articlesFirst } from './articles-first.ts';
import { pageFolder, stalePages } from '../lib/output-folder.ts';
import { planHeadStart, startHeadStart, type HeadStart } from './search-head-start.ts';

/** Indexing 10,000 articles takes well under a minute on 2 cores; a call still pending after this has hung. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface PagefindIntegrationOptions {
  /** Deadline for each Pagefind call. `WARTA_PAGEFIND_TIMEOUT_MS` overrides it. */
  timeoutMs?: number;
}

export function pagefind(warta: Warta, options: PagefindIntegrationOptions = {}): AstroIntegration {
  const language = warta.content.site.locale;
  const timeoutMs = wholeNumberFromEnv(process.env, 'WARTA_PAGEFIND_TIMEOUT_MS', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, {
    min: 1,
    hint: 'milliseconds each Pagefind call may take',
  });
  // Which stories go into which bundle (lib/search-shards.ts); the search page merges them.
  const shards = planSearchShards(
    warta.published(resolveNow()).map((a) => a.path),
    searchShardPages(process.env),
    warta.content.site.permalink,
  );
  /** Where the last `astro build` left its static files (`dist/client/` with the Node adapter). */
  let lastBuild = '';
  /** The dev server's bundle, built in memory on start when no build has left one on disk. */
  let devFiles: Map<string, Uint8Array> | undefined;
  /** Where `astro build` writes static pages; `build.concurrency`; the index being built. */
  let buildSite = '';
  let concurrency = 1;
  let indexing: Promise<number> | undefined;
  let installPrerenderer: ((make: (base: AstroPrerenderer) => AstroPrerenderer) => void) | undefined;
  let headStart: HeadStart | undefined;
  /** The head start, begun at config:done when the output folder is kept. */
  let headStarting: Promise<HeadStart | undefined> = Promise.resolve(undefined);
  /** Whether the index is read beside Astro's rendering (see `searchEarlyEnabled` and `articleGlob`). */
  let earlySearch = false;
  let buildLogger: AstroIntegrationLogger | undefined;

  /** Set at config:done, when the routes folder is known: each shard's files, and whether only articles match. */
  let globs: string[] = [];
  let exclusive = false;

  /**
   * Indexes the article pages under `site` into the search bundles under `site/pagefind/`,
   * replacing what was there (search-indexer.ts). Not written over the last bundle, although
   * Pagefind writes that twice as fast: it keeps any file whose name exists, and its names are
   * hash prefixes whose length depends on the other pages, so a name can move to another page
   * (measured: a kept fragment then held the wrong story). One Pagefind service per bundle, one after
   * another, so the indexer holds one bundle's pages at a time. Only files where article pages
   * can be are read (see articleGlob): reading every listing page cost seconds at 10k, and
   * listing pages may still be being written.
   */
  function searchIndexer(site: string) {
    return createSearchIndexer(shards, globs, (shard, early) => {
      if (shard === shards[0]) fs.rmSync(searchBundleDir(site, shard), { recursive: true, force: true });
      // One thread while Astro still renders article pages (cold builds); all of them when the
      // service starts after those (warm builds copy most pages; see RENDERED_BEFORE_EARLY).
      return pagefindBundle(site, searchBundleDir(site, shard), timeoutMs, { oneThread: early });
    });
  }

  /**
   * Warm builds whose output folder was kept: Pagefind reads the unchanged stories' pages now,
   * while Astro syncs content and builds its bundles (search-head-start.ts). One bundle only: a
   * split index is written bundle by bundle, for memory.
   */
  async function beginHeadStart(logger: AstroIntegrationLogger): Promise<HeadStart | undefined> {
    const kept = warta.output.kept;
    if (!kept || shards.length !== 1) return undefined;
    const changed = (file: string) => {
      try {
        return fs.statSync(path.resolve(warta.root, file)).mtimeMs >= kept.startedAt;
      } catch {
        return true;
      }
    };
    const plan = planHeadStart(
      fs.globSync(globs[0]!, { cwd: buildSite }).map(pageFolder),
      warta.published(resolveNow()).map((a) => ({ folder: pageFolder(a.path), changed: changed(a.file) })),
    );
    if (plan.read.length === 0) return undefined;
    const bundle = searchBundleDir(buildSite, shards[0]!);
    fs.rmSync(bundle, { recursive: true, force: true });
    logger.info(`search index: reading ${plan.read.length} unchanged stories' pages from the kept output folder while Astro builds`);
    return startHeadStart(buildSite, globs[0]!, plan, pagefindBundle(buildSite, bundle, timeoutMs));
  }

  return {
    name: 'warta:pagefind',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // The search page merges the other bundles into the first (SearchPage.astro).
        updateConfig({ vite: { define: { __WARTA_SEARCH_MERGE__: JSON.stringify(shards.slice(1).map((s) => s.bundlePath)) } } });
      },

      'astro:config:done': ({ config, buildOutput, logger }) => {
        const candidates = [fileURLToPath(config.build.client), fileURLToPath(config.outDir)];
        lastBuild = candidates.find((dir) => fs.existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))) ?? candidates[0]!;
        // With an adapter (output "server") prerendered pages go to build.client.
        buildSite = buildOutput === 'server' ? candidates[0]! : candidates[1]!;
        concurrency = config.build.concurrency;
        // Folders other routes write to: every entry of src/pages, plus Astro's and Pagefind's own.
        const routes = fileURLToPath(new URL('src/pages/', config.root));
        const taken = ['_astro', 'pagefind', ...(fs.existsSync(routes) ? fs.readdirSync(routes).map((n) => n.replace(/\.(astro|ts|js|md|mdx)$/, '')) : [])];
        const permalink = warta.content.site.permalink;
        ({ exclusive } = articleGlob(permalink, warta.content.articles.map((a) => a.path), new Set(taken)));
        // Early only when the glob can match nothing but article pages: other pages are still
        // being written while the index is built, and a half-written file must not be read.
        earlySearch = searchEarlyEnabled(process.env) && exclusive;
        globs = shards.map((shard) => articleGlob(permalink, shard.years.length > 0 ? shard.urls : warta.content.articles.map((a) => a.path), new Set(taken)).glob);
        // The output folder is kept: Pagefind starts reading its unchanged pages now, while Astro
        // syncs content and builds its bundles. Not later: at 10,000 stories the read takes ~14 s,
        // and begun at build:start it held up Astro's first page by ~8 s. Spawning the service here
        // also avoids copying the process once the content store is loaded (that blocked Astro 1.6 s).
        // (Only builds keep an output folder: `warta.output.kept` is undefined otherwise.)
        headStarting = earlySearch ? beginHeadStart(logger) : Promise.resolve(undefined);
        // Awaited at build:start (a failed plan fails the build there; a failed read makes finish() read again).
        headStarting.catch(() => {});
      },

      'astro:build:start': async ({ setPrerenderer, logger }) => {
        indexing = undefined;
        buildLogger = logger;
        installPrerenderer = earlySearch ? setPrerenderer : undefined;
        headStart = await headStarting;
        headStarting = Promise.resolve(undefined);
      },

      // Not in build:start: while a prerenderer is set when Astro computes the Vite config, Astro
      // expects the adapter to bundle the prerender entry itself and the build fails ("input
      // should not be an html file when building for SSR"); by build:setup that config exists.
      'astro:build:setup': () => {
        if (!installPrerenderer) return;
        // Article pages render first; finished folders are read while Astro renders the rest of
        // them, and the bundles are written while it renders the listings. With a head start
        // (warm builds), the kept pages are read already and only the rest is added.
        const indexer = searchIndexer(buildSite);
        const head = headStart;
        let articlePaths: string[] = [];
        const indexed = (work: () => Promise<void>) => {
          const started = Date.now();
          indexing = work().then(() => Date.now() - started);
          // Reported at build:done; until then a failure must not end the build as an unhandled rejection.
          indexing.catch(() => {});
        };
        installPrerenderer((base) =>
          articlesFirst(base, {
            articleRoute: ARTICLE_ROUTE,
            concurrency,
            onArticlePaths: (pathnames) => {
              articlePaths = pathnames;
              if (head) return; // its plan removed every kept page not to be read
              // A kept output folder (kept-output.ts) still holds the pages of removed stories: not for the index.
              for (const glob of globs) for (const file of stalePages(buildSite, glob, pathnames)) fs.rmSync(file, { force: true });
              indexer.plan(pathnames);
            },
            onArticlesWrittenBefore: (count) => (head ? undefined : indexer.writtenBefore(count)),
            beforeRendering: (pathname) => head?.beforeRewrite(pageFolder(pathname)),
            onArticlesWritten: () =>
              indexed(async () => {
                if (!head) return indexer.finish();
                const result = await head.finish(articlePaths);
                if (result.ok) {
                  buildLogger?.info(`search index: ${result.read} kept pages read while Astro built, ${result.added} new or changed pages added after the article pages`);
                  return;
                }
                buildLogger?.info(`search index: ${result.reason}; reading every article page again`);
                await indexer.finish();
              }),
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

        const started = Date.now();
        if (indexing && path.resolve(site) === path.resolve(buildSite)) {
          const took = await deadline(indexing, timeoutMs * shards.length, 'search indexing');
          logger.info(`search index built beside Astro's pages, finished ${took} ms after the last article page; waited ${Date.now() - started} ms for it after the last page`);
        } else {
          if (indexing) await indexing.catch(() => {});
          // Off, or not where the pages were expected (an adapter moved them): index what is there.
          await searchIndexer(site).finish();
        }
        indexing = undefined;
        for (const shard of shards) recompressSearchMeta(searchBundleDir(site, shard));

        const problems = checkSearchShards(site, shards, published, language);
        if (problems.length > 0) throw new Error(`${PREFIX} the search index is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        const split = shards.length > 1 ? ` in ${shards.length} bundles (${shards.map((s) => s.years.join('+')).join(', ')})` : '';
        logger.info(`search index checked: ${published.length} articles${split}, ${Date.now() - started} ms after the last page`);
        // The last write to the output folder that a kept folder depends on (kept-output.ts).
        warta.output.seal();
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
        void buildDevIndex(address, shards, timeoutMs, logger).then(
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
  const firstFolders = [...new Set(articlePaths.map(firstFolder))].sort();
  const narrow = pattern.length > 1 && firstFolders.length > 0 && firstFolders.length <= 200 && firstFolders.every((f) => /^[\w.-]+$/.test(f));
  if (narrow) pattern[0] = firstFolders.length === 1 ? firstFolders[0]! : `{${firstFolders.join(',')}}`;
  return { glob: `${pattern.join('/')}/index.html`, exclusive: narrow && !firstFolders.some((f) => taken.has(f)) };
}

/** `WARTA_SEARCH_EARLY=0` builds the index after the last page instead of beside the listings (for comparison). */
export function searchEarlyEnabled(env: NodeJS.ProcessEnv): boolean {
  return switchFromEnv(env, 'WARTA_SEARCH_EARLY', true, { on: 'index while the listings render, the default', off: 'after the build' });
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

/** Indexes the dev server's own rendering of every published article in memory, in the build's bundles. */
async function buildDevIndex(address: AddressInfo, shards: SearchShard[], timeoutMs: number, logger: AstroIntegrationLogger) {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const origin = `http://${host === '[::]' ? '[::1]' : host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  const started = Date.now();
  const files = new Map<string, Uint8Array>();
  for (const shard of shards) {
    // Served under /pagefind/, so a merged bundle's files are keyed by its folder inside it.
    const prefix = shard.bundlePath.slice(SEARCH_BUNDLE.length);
    await withPagefind(timeoutMs, async (index) => {
      for (const urlPath of shard.urls) {
        const response = await fetch(origin + urlPath);
        if (!response.ok) throw new Error(`${urlPath} answered ${response.status}`);
        const added = await deadline(index.addHTMLFile({ url: urlPath, content: await response.text() }), timeoutMs, 'addHTMLFile');
        assertNoErrors(`addHTMLFile ${urlPath}`, added.errors);
      }
      const result = await deadline(index.getFiles(), timeoutMs, 'getFiles');
      assertNoErrors('getFiles', result.errors);
      for (const f of result.files) files.set(prefix + f.path.replace(/^\/+/, ''), f.content);
    });
  }
  const count = shards.reduce((n, s) => n + s.urls.length, 0);
  logger.info(`search index for dev built from ${count} articles in ${Date.now() - started} ms`);
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
