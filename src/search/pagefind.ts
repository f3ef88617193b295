/**
 * Search: indexes the built site with Pagefind's Node API, each bundle while the rest of the
 * site renders when it can (alongside.ts), else after the last page, and gives
 * `astro dev` a working `/pagefind/` bundle. Part of the warta integration (integrations/warta.ts calls
 * these hooks from its own), so nobody has to list it, nor in a particular order.
 *
 * What goes into the index is declared in the HTML: `data-pagefind-body` on the
 * article headline and body (so pages without it — home, sections, static pages,
 * redirects, /cari/ — are left out), `data-pagefind-ignore` on chrome and
 * comments, filters/sort/metadata in `components/search/PagefindMeta.astro`. Pagefind is
 * given each published story's page cut to those parts (`indexedHtml`), in the bundles of
 * shards.ts; a bundle whose stories' indexed HTML is unchanged since the last
 * build is left as it is (manifest.ts).
 *
 * Every Pagefind call is checked and has a deadline (pagefind-service.ts), and the build
 * reads every bundle it writes back from disk and compares it with the stories it should hold;
 * a bundle left as it was had passed that check when it was written (manifest.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { AstroConfig, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { findPackageJSON } from 'node:module';
import { checkPlacement, checkSearchIndex } from './index-check.ts';
import { switchFromEnv, wholeNumberFromEnv } from '../lib/build-env.ts';
import { planSearchShards, searchSplit, SEARCH_BUNDLE, type IndexedStory, type SearchShard } from './shards.ts';
import { bundleUpToDate, readManifest, updateBundles, type PagesByUrl } from './manifest.ts';
import { firstSearchFiles, pruneGzipCache, shrinkWithZopfli } from './gzip.ts';
import { inputsDigest } from '../lib/cache-files.ts';
import type { ContentIndex } from '../lib/content-check.ts';
import { assertNoErrors, deadline, PREFIX, withPagefind, writeBundle, type StagedPages } from './pagefind-service.ts';
import { prerenderEntry, searchAlongside, type PreparedBundle, type SearchAlongside } from './alongside.ts';

/** Indexing 10,000 articles takes well under a minute on 2 cores; a call still pending after this has hung. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface Search {
  /** For `updateConfig` at config:setup: the bundles the search page merges. */
  viteDefine: Record<string, string>;
  /** For `updateConfig` at config:setup, in builds: what writing bundles while pages render needs. */
  vitePlugins: Plugin[];
  /** At config:done, with what Astro builds (`buildOutput`): where pages are written. */
  configDone(config: AstroConfig, buildOutput?: 'static' | 'server'): void;
  /** At build:start: Astro's prerenderer, wrapped so that bundles are written while pages render (alongside.ts); undefined when that is off. */
  prerenderer(logger: AstroIntegrationLogger): ((astro: AstroPrerenderer) => AstroPrerenderer) | undefined;
  /** Brings the bundles under `site` (the static site Astro wrote) up to date and checks that they hold exactly `published`. */
  buildDone(site: string, published: string[], logger: AstroIntegrationLogger): Promise<void>;
  serverSetup(server: ViteDevServer, logger: AstroIntegrationLogger): void;
  serverStart(address: AddressInfo, logger: AstroIntegrationLogger): void;
}

/**
 * What wrote a bundle, in each bundle's manifest: another Pagefind, or other code cutting pages
 * for it or calling it, may write a different bundle from the same pages, so either rewrites it.
 */
const INDEXER = indexerOf(['./pagefind.ts', './pagefind-service.ts', './alongside.ts', './manifest.ts', './archive-text.ts', './gzip.ts', './gzip-worker.ts']);

function indexerOf(code: string[]): string {
  const version = (JSON.parse(fs.readFileSync(findPackageJSON('pagefind', import.meta.url)!, 'utf8')) as { version: string }).version;
  return `pagefind ${version}, ${inputsDigest(code.map((file) => new URL(file, import.meta.url))).toString('base64url').slice(0, 12)}`;
}

/**
 * @param published the stories published when the build starts: they decide the split into bundles
 * @param unwritten for stories the build renders on request (lib/archive.ts): their search text by URL, read from the built site (archive-text.ts)
 */
export function createSearch(content: ContentIndex, published: IndexedStory[], env: NodeJS.ProcessEnv = process.env, unwritten?: (site: string) => PagesByUrl): Search {
  const language = content.site.locale;
  const timeoutMs = wholeNumberFromEnv(env, 'WARTA_PAGEFIND_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, { min: 1, hint: 'milliseconds each Pagefind call may take' });
  // Which stories go into which bundle (shards.ts); the search page merges them.
  const shards = planSearchShards(published, searchSplit(env));
  /** Where the last `astro build` left its static files (`dist/client/` with the Node adapter). */
  let lastBuild = '';
  /** The dev server's bundle, built in memory on start when no build has left one on disk. */
  let devFiles: Map<string, Uint8Array> | undefined;
  /** Bundles are written while the pages render unless WARTA_SEARCH_ALONGSIDE=0 (or there is nothing to index). */
  const together = switchFromEnv(env, 'WARTA_SEARCH_ALONGSIDE', true, { on: 'write search bundles while pages render, the default', off: 'after the last page' }) && published.length > 0;
  let scratch = '';
  /** Zopfli's results by bundle, kept from one build to the next (gzip.ts). */
  let gzipCache = '';
  const gzipCacheOf = (shard: SearchShard) => path.join(gzipCache, shard.bundlePath);
  /** Where this build writes its pages. */
  let pagesDir = '';
  let concurrency = 1;
  let alongside: SearchAlongside | undefined;
  /** Writes a bundle into `dir`, checks it against the stories it should hold (throws when wrong), then shrinks what a first search loads. */
  const checked = async (write: () => Promise<void>, dir: string, shard: SearchShard, logger: AstroIntegrationLogger) => {
    await write();
    const label = shards.length > 1 ? `${shard.bundlePath}: ` : '';
    throwIfWrong(checkSearchIndex(dir, { urls: shard.urls, language }).map((p) => label + p));
    const started = Date.now();
    const shrunk = await shrinkWithZopfli(firstSearchFiles(dir, shard.bundlePath === SEARCH_BUNDLE), gzipCacheOf(shard));
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    logger.info(`${shard.bundlePath}: ${shrunk.files} files a first search loads, ${kb(shrunk.before)} → ${kb(shrunk.after)} (${shrunk.compressed} compressed, the rest from the cache) in ${Date.now() - started} ms`);
  };
  return {
    viteDefine: { __WARTA_SEARCH_MERGE__: JSON.stringify(shards.slice(1).map((s) => s.bundlePath)) },
    vitePlugins: together ? [prerenderEntry()] : [],

    configDone(config, buildOutput) {
      const candidates = [fileURLToPath(config.build.client), fileURLToPath(config.outDir)];
      lastBuild = candidates.find((dir) => fs.existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))) ?? candidates[0]!;
      // Where this build writes its pages (Astro's getOutRoot; no adapter Warta deploys with keeps build.client for static output).
      pagesDir = buildOutput === 'static' ? fileURLToPath(config.outDir) : fileURLToPath(config.build.client);
      concurrency = config.build.concurrency;
      scratch = fileURLToPath(new URL('warta-search/', config.cacheDir));
      gzipCache = fileURLToPath(new URL('warta-search-gzip/', config.cacheDir));
      // What a build that stopped half way left there, whether or not this one writes alongside.
      fs.rmSync(scratch, { recursive: true, force: true });
    },

    prerenderer(logger) {
      if (!together) return undefined;
      alongside = searchAlongside(shards, {
        scratch,
        write: (staged: StagedPages, dir, shard) => checked(() => staged.index(dir, timeoutMs), dir, shard, logger),
        warn: (message) => logger.warn(message),
        // The last build's bundle, where this build will leave it (kept output folder).
        upToDate: (shard, stories) => bundleUpToDate(path.join(pagesDir, shard.bundlePath), { indexer: INDEXER, stories }),
        site: concurrency === 1 ? pagesDir : undefined,
        recorded: (shard) => {
          const had = readManifest(path.join(pagesDir, shard.bundlePath));
          return had?.indexer === INDEXER ? had : undefined;
        },
      });
      return (astro) => alongside!.prerenderer(astro);
    },

    async buildDone(site, listed, logger) {
      const started = Date.now();
      // Bundles written while the pages rendered (or still being written), then the rest, one by one: Pagefind's memory is the largest bundle's.
      const settling = alongside?.settled() ?? Promise.resolve(new Map<string, PreparedBundle>());
      try {
        const { rewritten, moved } = await updateBundles(site, shards, INDEXER, (pages, dir, shard) => checked(() => writeBundle(pages, dir, timeoutMs), dir, shard, logger), {
          unwritten: unwritten?.(site),
          prepared: settling,
          writing: alongside?.writing(),
        });
        const prepared = await settling;
        throwIfWrong(checkPlacement(shards, listed.map((url) => new URL(url, 'http://localhost').pathname)));
        pruneGzipCache(gzipCache, shards.map(gzipCacheOf));
        const state = (s: SearchShard) => {
          if (!rewritten.includes(s.bundlePath)) return ' unchanged';
          return moved.includes(s.bundlePath) ? ` written while pages rendered, ${prepared.get(s.bundlePath)!.renderedAfter} pages after it` : '';
        };
        const parts = shards.map((s) => `${s.bundlePath} ${s.urls.length}${state(s)}`).join(', ');
        logger.info(`search index checked: ${listed.length} articles (${parts}) in ${Date.now() - started} ms`);
      } finally {
        await settling; // a failed check must not remove the scratch folder from under a bundle being written
        alongside?.dispose();
        alongside = undefined;
      }
    },

    serverSetup(server, logger) {
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

    serverStart(address, logger) {
      const onDisk = path.join(lastBuild, 'pagefind', 'pagefind-entry.json');
      if (env.WARTA_DEV_SEARCH !== 'fresh' && fs.existsSync(onDisk)) {
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
  };
}

function throwIfWrong(problems: string[]): void {
  if (problems.length > 0) throw new Error(`${PREFIX} the search index is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
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
