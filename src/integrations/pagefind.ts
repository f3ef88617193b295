/**
 * Search: indexes the built site with Pagefind's Node API after the last page, and gives
 * `astro dev` a working `/pagefind/` bundle. Part of the warta integration (warta.ts calls
 * these hooks from its own), so nobody has to list it, nor in a particular order. A warm
 * build whose output folder is kept reads the unchanged stories' pages while Astro builds
 * (search-head-start.ts).
 *
 * What goes into the index is declared in the HTML: `data-pagefind-body` on the
 * article headline and body (so pages without it — home, sections, static pages,
 * redirects, /cari/ — are left out), `data-pagefind-ignore` on chrome and
 * comments, filters/sort/metadata in `components/search/PagefindMeta.astro`.
 * Pagefind reads only the folders article pages are in (`articleGlob`).
 *
 * Every Pagefind call is checked and has a deadline (pagefind-service.ts), and the build
 * then reads the bundle back from disk and compares it with the published articles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { AstroConfig, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import type { ViteDevServer } from 'vite';
import { checkSearchShards, searchBundleDir } from '../lib/search-index-check.ts';
import { switchFromEnv, wholeNumberFromEnv } from '../lib/build-env.ts';
import { pageFolder, type OutputStamp } from '../lib/output-folder.ts';
import { firstFolder, planSearchShards, searchShardPages, SEARCH_BUNDLE, type SearchShard } from '../lib/search-shards.ts';
import type { ContentIndex } from '../lib/content-check.ts';
import { assertNoErrors, deadline, pagefindBundle, PREFIX, withPagefind } from './pagefind-service.ts';
import { planHeadStart, renderAfter, startHeadStart, type HeadStart } from './search-head-start.ts';

/** Indexing 10,000 articles takes well under a minute on 2 cores; a call still pending after this has hung. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface Search {
  /** For `updateConfig` at config:setup: the bundles the search page merges. */
  viteDefine: Record<string, string>;
  /** `kept`: the last build's stamp when this build keeps its output folder (kept-output.ts); starts the head start. */
  configDone(config: AstroConfig, buildOutput: 'static' | 'server', kept: OutputStamp | undefined, logger: AstroIntegrationLogger): void;
  /** At build:start: waits for the head start's plan (a failed plan fails the build here). */
  buildStart(setPrerenderer: (make: (base: AstroPrerenderer) => AstroPrerenderer) => void): Promise<void>;
  /** At build:setup: has Astro render each page only once the head start lets it. */
  buildSetup(): void;
  /** Indexes the article pages under `site` (the static site Astro wrote) and checks that the bundles hold exactly `published`. */
  buildDone(site: string, published: string[], logger: AstroIntegrationLogger): Promise<void>;
  serverSetup(server: ViteDevServer, logger: AstroIntegrationLogger): void;
  serverStart(address: AddressInfo, logger: AstroIntegrationLogger): void;
}

/**
 * @param published the stories published when the build starts: they decide the split into bundles
 * @param root the folder their `file` paths are relative to
 */
export function createSearch(content: ContentIndex, published: ContentIndex['articles'], root: string, env: NodeJS.ProcessEnv = process.env): Search {
  const language = content.site.locale;
  const permalink = content.site.permalink;
  const timeoutMs = wholeNumberFromEnv(env, 'WARTA_PAGEFIND_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, { min: 1, hint: 'milliseconds each Pagefind call may take' });
  // Which stories go into which bundle (lib/search-shards.ts); the search page merges them.
  const shards = planSearchShards(published.map((a) => a.path), searchShardPages(env), permalink);
  const early = searchEarlyEnabled(env);
  const globs = shards.map((shard) => articleGlob(permalink, shard.years.length > 0 ? shard.urls : content.articles.map((a) => a.path)));
  /** Where the last `astro build` left its static files (`dist/client/` with the Node adapter). */
  let lastBuild = '';
  /** The dev server's bundle, built in memory on start when no build has left one on disk. */
  let devFiles: Map<string, Uint8Array> | undefined;
  /** Where `astro build` writes static pages; the head start, begun at config:done, and once planned. */
  let buildSite = '';
  let headStarting: Promise<HeadStart | undefined> = Promise.resolve(undefined);
  let headStart: HeadStart | undefined;
  let install: ((make: (base: AstroPrerenderer) => AstroPrerenderer) => void) | undefined;

  /** One bundle after another, each by its own Pagefind service: the indexer's memory is the largest bundle's. */
  async function indexAll(site: string) {
    for (const [i, shard] of shards.entries()) {
      const bundle = searchBundleDir(site, shard);
      if (i === 0) fs.rmSync(bundle, { recursive: true, force: true });
      const writer = await pagefindBundle(site, bundle, timeoutMs);
      await writer.add(globs[i]!);
      await writer.write();
    }
  }

  /**
   * The output folder is kept: Pagefind starts reading its unchanged stories' pages now, while
   * Astro syncs content and builds its bundles. Not later: at 10,000 stories the read takes ~14 s,
   * and begun at build:start it held up Astro's first page by ~8 s. One bundle only: a split index
   * is written bundle by bundle, for memory.
   */
  function beginHeadStart(kept: OutputStamp, logger: AstroIntegrationLogger): HeadStart | undefined {
    const changed = (file: string) => {
      try {
        return fs.statSync(path.resolve(root, file)).mtimeMs >= kept.startedAt;
      } catch {
        return true;
      }
    };
    const plan = planHeadStart(
      fs.globSync(globs[0]!, { cwd: buildSite }).map(pageFolder),
      published.map((a) => ({ folder: pageFolder(a.path), changed: changed(a.file) })),
    );
    if (plan.read.length === 0) return undefined;
    const bundle = searchBundleDir(buildSite, shards[0]!);
    fs.rmSync(bundle, { recursive: true, force: true });
    logger.info(`search index: reading ${plan.read.length} unchanged stories' pages from the kept output folder while Astro builds`);
    return startHeadStart(buildSite, globs[0]!, plan, pagefindBundle(buildSite, bundle, timeoutMs));
  }

  return {
    viteDefine: { __WARTA_SEARCH_MERGE__: JSON.stringify(shards.slice(1).map((s) => s.bundlePath)) },

    configDone(config, buildOutput, kept, logger) {
      const candidates = [fileURLToPath(config.build.client), fileURLToPath(config.outDir)];
      lastBuild = candidates.find((dir) => fs.existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))) ?? candidates[0]!;
      // With an adapter (output "server") prerendered pages go to build.client.
      buildSite = buildOutput === 'server' ? candidates[0]! : candidates[1]!;
      // (Only builds keep an output folder: `kept` is undefined otherwise.)
      headStarting = (async () => (early && kept && shards.length === 1 ? beginHeadStart(kept, logger) : undefined))();
      headStarting.catch(() => {}); // awaited at build:start
    },

    async buildStart(setPrerenderer) {
      headStart = await headStarting;
      headStarting = Promise.resolve(undefined);
      install = headStart ? setPrerenderer : undefined;
    },

    // Not at build:start: while a prerenderer is set when Astro computes the Vite config, Astro
    // expects the adapter to bundle the prerender entry itself and the build fails ("input
    // should not be an html file when building for SSR"); by build:setup that config exists.
    // Undocumented, so its canary is the warm build in tests/site/incremental-build.test.ts.
    buildSetup() {
      const head = headStart;
      if (head && install) install((base) => renderAfter(base, head));
      install = undefined;
    },

    async buildDone(site, listed, logger) {
      const started = Date.now();
      const head = headStart;
      headStart = undefined;
      const result = head && path.resolve(site) === path.resolve(buildSite) ? await head.finish(listed) : undefined;
      if (result?.ok) logger.info(`search index: ${result.read} kept pages read while Astro built, ${result.added} new or changed pages added after the last page`);
      else {
        if (result) logger.info(`search index: ${result.reason}; reading every article page again`);
        await indexAll(site);
      }
      for (const shard of shards) recompressSearchMeta(searchBundleDir(site, shard));
      const problems = checkSearchShards(site, shards, listed.map((url) => new URL(url, 'http://localhost').pathname), language);
      if (problems.length > 0) throw new Error(`${PREFIX} the search index is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      const split = shards.length > 1 ? ` in ${shards.length} bundles (${shards.map((s) => s.years.join('+')).join(', ')})` : '';
      logger.info(`search index built and checked: ${listed.length} articles${split} in ${Date.now() - started} ms`);
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

/** `WARTA_SEARCH_EARLY=0` reads every story's page after the last page, also in warm builds (for comparison). */
export function searchEarlyEnabled(env: NodeJS.ProcessEnv): boolean {
  return switchFromEnv(env, 'WARTA_SEARCH_EARLY', true, { on: 'read the kept pages of unchanged stories while Astro builds, the default', off: 'after the build' });
}

/**
 * The files where article pages can be, for Pagefind's `addDirectory`: the permalink
 * pattern with each token as `*`, its first folder narrowed to the ones articles use
 * (`/:year/:month/:slug/` → `{2023,2024}/*\/*\/index.html`), so listing pages are not read.
 */
export function articleGlob(permalink: string, articlePaths: string[]): string {
  const pattern = permalink.replace(/^\/+|\/+$/g, '').split('/').map((part) => part.replace(/:[a-z]+/g, '*'));
  const firstFolders = [...new Set(articlePaths.map(firstFolder))].sort();
  const narrow = pattern.length > 1 && firstFolders.length > 0 && firstFolders.length <= 200 && firstFolders.every((f) => /^[\w.-]+$/.test(f));
  if (narrow) pattern[0] = firstFolders.length === 1 ? firstFolders[0]! : `{${firstFolders.join(',')}}`;
  return `${pattern.join('/')}/index.html`;
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
