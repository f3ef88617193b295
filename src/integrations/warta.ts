/**
 * Wires Warta into Astro, as one integration: validates all content before Astro starts
 * (so every problem is reported at once and the build fails), hands the article index to
 * the Markdown plugins, writes build artefacts other parts need, keeps the output folder
 * (kept-output.ts) and builds the search index (search/pagefind.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContent, type ContentIndex } from '../lib/content-check.ts';
import { formatReport } from '../lib/content-problems.ts';
import { contentDir } from '../lib/site-config.ts';
import { resolveNow, toZonedIso } from '../lib/dates.ts';
import { isPublished } from '../lib/publishing.ts';
import { createTranslator } from '../i18n/translator.ts';
import { createMarkdownPlugins, pluginOptionsFromData, type MarkdownPluginData } from '../markdown/plugins.ts';
import { markdownThreads, parallelUnified, type ParallelProcessor } from '../markdown/parallel-processor.ts';
import { sitemapRules } from '../lib/sitemap-rules.ts';
import { BODIES_APART, BODIES_FOLDER, bodiesIn, placeBodies, pruneBodies } from '../lib/bodies-apart.ts';
import { archiveCutoff, isArchived, prerenderDays } from '../lib/archive.ts';
import { dataStoreFromFile, storeIsOneFile, type DataStoreFromFile } from './data-store-from-file.ts';
import { keptOutput } from './kept-output.ts';
import { createSearch } from '../search/pagefind.ts';
import { ARCHIVE_SEARCH_PATH, readArchiveSearchPages } from '../search/archive-text.ts';

export interface Warta {
  content: ContentIndex;
  /** The folder the content's file paths (`content.articles[].file`) are relative to. */
  root: string;
  /** Options for @astrojs/sitemap: no noindex pages, lastmod from the articles. */
  sitemap: ReturnType<typeof sitemapRules>;
  /** The plugins, for a processor of your own (the benchmark's baseline uses `unified()`). */
  markdownPlugins: ReturnType<typeof createMarkdownPlugins>;
  /** `unified()` with these plugins, rendering on worker threads during `astro build`. */
  markdownProcessor: ParallelProcessor;
  /** Stories live at `now`: published and not retracted (the API's list and the search index). */
  published(now: Date): ContentIndex['articles'];
  /** The one integration to list in astro.config.mjs; it includes search. */
  integration: AstroIntegration;
}

/** @param options.cacheDir Astro's cache folder: the content check keeps each story's result there for the next build. */
export function createWarta(root = process.cwd(), options: { cacheDir?: string } = {}): Warta {
  const dir = contentDir(process.env, root);
  const content = loadContent(dir, root, { cacheFile: options.cacheDir && path.resolve(root, options.cacheDir, 'warta-content-check.bin') });
  const { site } = content;
  const t = createTranslator(site.locale);
  // Plain data, so the Markdown render threads can build the same plugins (parallel-processor.ts).
  const markdownData: MarkdownPluginData = {
    siteUrl: site.url,
    bacaJugaLabel: t('article.readAlso'),
    datelineLabel: site.datelineLabel,
    datelines: Object.fromEntries([...content.locations].map(([id, location]) => [id, location.dateline])),
    articles: content.articles.map((a) => [a.id, a.data.title, a.path]),
    liveUpdates: { timeZone: site.timeZone, locale: site.locale, label: t('article.liveUpdates') },
  };
  const markdownPlugins = createMarkdownPlugins(pluginOptionsFromData(markdownData));
  const markdownProcessor = parallelUnified(markdownData);
  // Retracted stories keep their page but leave the API (no new views or comments) and search.
  const published = (now: Date) => content.articles.filter((a) => isPublished(a.data, now) && !a.data.retracted);

  // Unchanged pages stay in the output folder between builds (kept-output.ts).
  const output = keptOutput(process.env);
  const buildNow = resolveNow();
  // Stories older than WARTA_PRERENDER_DAYS are rendered on request (lib/archive.ts); usually none.
  const days = prerenderDays(process.env);
  const cutoff = archiveCutoff(buildNow, days);
  const archivedStories = content.articles.filter((a) => isPublished(a.data, buildNow) && isArchived(a.data.date, cutoff));
  const archivedPaths = new Set(archivedStories.map((a) => a.path));
  const search = createSearch(
    content,
    published(buildNow).map((a) => ({ url: a.path, sortKey: toZonedIso(a.data.date, site.timeZone) })),
    process.env,
    // An archived story has no page: search reads its text from the build's archive search pages.
    archivedPaths.size > 0 ? (site) => readArchiveSearchPages(site, archivedPaths) : undefined,
  );

  /** Where the build keeps every story's body (Astro's cache folder), and where the server reads the archived ones (its output folder). */
  let bodies: { cache: string; server: string } | undefined;
  /** Set for builds: answers the content store module with a read of its file (data-store-from-file.ts). */
  let storeFromFile: DataStoreFromFile | undefined;

  const integration: AstroIntegration = {
    name: 'warta',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig, injectRoute }) => {
        const archiving = command === 'build' && cutoff !== undefined;
        // Builds keep every story's rendered body out of the content store (lib/bodies-apart.ts),
        // archive or not: at 10,000 stories the store is 6 MB instead of 60, and a one-story edit
        // serialises and bundles that much less. `astro check` and `astro sync` write the same store,
        // so they keep them apart too; the dev server renders as Astro does.
        if (command === 'build' || command === 'sync') process.env[BODIES_APART] = '1';
        else delete process.env[BODIES_APART];
        const define = {
          __WARTA_PREVIEW_UNPUBLISHED__: JSON.stringify(command === 'dev'),
          __WARTA_BODIES__: JSON.stringify(bodiesIn(config.cacheDir)),
          __WARTA_BUILD_NOW__: JSON.stringify(''),
          __WARTA_SITE__: JSON.stringify(null),
          // The dev server renders every story as it is asked for; only builds leave the archive out.
          __WARTA_PRERENDER_DAYS__: JSON.stringify(archiving ? days : 0),
          ...search.viteDefine,
        };
        if (archiving) {
          // One instant for the whole build: the pages' catalog (content.ts) reads WARTA_NOW, and must
          // draw the archive's line where this integration and the server do, to the second.
          process.env.WARTA_NOW ||= buildNow.toISOString();
          // Same pattern as the article route: Astro serves a prerendered page first, this route the rest.
          injectRoute({ pattern: '/[...story]', entrypoint: new URL('../routes/archived-story.astro', import.meta.url), prerender: false });
          injectRoute({ pattern: `${ARCHIVE_SEARCH_PATH}[batch]`, entrypoint: new URL('../routes/archive-search.astro', import.meta.url), prerender: true });
        }
        // Builds render Markdown on every core; the dev server renders one file at a time.
        const threads = markdownThreads(process.env);
        markdownProcessor.useWorkers(command === 'build' ? threads.workers : 0, threads.localFirst);
        // Drafts and scheduled stories are previewed by `astro dev` only. Decided by the
        // command, not by NODE_ENV/import.meta.env.DEV, which a test runner or host can change.
        updateConfig({
          vite: {
            define,
            // Only the server that renders archived stories has the build's instant and site config built
            // in: in the prerendered pages' code they would change every page's incremental-build hash on
            // every build, and the build reads both itself (content.ts).
            ...(archiving ? { environments: { ssr: { define: { ...define, __WARTA_BUILD_NOW__: JSON.stringify(buildNow.toISOString()), __WARTA_SITE__: JSON.stringify(site), __WARTA_BODIES__: JSON.stringify('') } } } } : {}),
            build: { ...output.setup(command).build, rollupOptions: { onwarn: quietAstroDirective } },
            // Builds read the content store from its file instead of compiling it (data-store-from-file.ts).
            // Not with a store Astro splits in chunks (experimental.collectionStorage): then the file is not the store.
            plugins:
              command === 'build' && storeIsOneFile(config.experimental.collectionStorage)
                ? [(storeFromFile = dataStoreFromFile(fileURLToPath(new URL('data-store.json', config.cacheDir)), { server: archiving })), ...search.vitePlugins]
                : search.vitePlugins,
          },
        });
        const errors = content.problems.filter((p) => p.severity === 'error');
        const warnings = content.problems.length - errors.length;
        if (errors.length > 0) {
          // A build must never publish half-valid content; the dev server keeps running
          // so the journalist sees the report and can fix the file in place. The report is
          // the whole message: exiting here, before Astro writes anything, spares the reader
          // the stack trace and "unhandled error in a hook" frame a thrown error would get.
          console.error(formatReport(errors, site.locale));
          if (command === 'build') process.exit(1);
        }
        // Warnings are advice; the build only counts them so its log stays readable.
        if (warnings > 0) logger.info(t('error.warningsOnly', { count: warnings }));
      },
      'astro:config:done': ({ config, buildOutput }) => {
        output.configDone(config);
        search.configDone(config, buildOutput);
        bodies = { cache: bodiesIn(config.cacheDir), server: bodiesIn(config.build.server) };
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        output.start(logger);
        // Story pages first, each search bundle written as soon as its stories are rendered (search/alongside.ts).
        const prerenderer = search.prerenderer(logger);
        if (prerenderer) setPrerenderer(prerenderer);
      },
      'astro:build:done': async ({ dir: outDir, assets, logger }) => {
        // The list of published ids lets the comment/view function refuse unknown articles
        // without a database of its own (see src/server).
        const list = published(resolveNow()).map((a) => ({ id: a.id, title: a.data.title, url: a.path }));
        const out = fileURLToPath(outDir);
        const listFile = path.join(out, 'warta-articles.json');
        fs.writeFileSync(listFile, JSON.stringify(list));
        logger.info(`${list.length} articles published`);
        // Astro loaded its content store module itself: an upgrade changed the module this plugin answers for.
        if (storeFromFile && !storeFromFile.readsFile()) logger.warn('the content store was bundled by Astro, not read from its file (data-store-from-file.ts): builds are slower until the plugin is updated');
        // Pruned before search reads the pages, so no deleted story's page is indexed.
        // Archived stories' bodies beside the server are placed below, changed ones only.
        output.finish(out, assets, listFile, logger, cutoff && bodies ? [bodies.server] : []);
        await search.buildDone(out, list.map((a) => a.url), logger);
        // The archived stories' search text was written only for the index: whole stories by the hundred, not pages to publish.
        if (cutoff) fs.rmSync(path.join(out, ARCHIVE_SEARCH_PATH), { recursive: true, force: true });
        if (bodies) {
          pruneBodies(bodies.cache, new Set(content.articles.map((a) => a.id)));
          if (cutoff) {
            const placed = placeBodies(bodies.cache, bodies.server, archivedStories.map((a) => a.id));
            logger.info(`${placed} archived stories' bodies placed beside the server (${BODIES_FOLDER}/)`);
          }
        }
        // The search bundle is the last part of the folder a build completes: a folder is kept only when all of it is.
        output.seal();
      },
      'astro:server:setup': ({ server, logger }) => search.serverSetup(server, logger),
      'astro:server:start': ({ address, logger }) => search.serverStart(address, logger),
    },
  };

  const sitemap = sitemapRules(
    site.url,
    content.articles.map((a) => ({ path: a.path, date: a.data.date, updated: a.data.updated, aliases: a.data.aliases })),
    site.timeZone,
    // Archived stories are not built pages, which is what the sitemap lists otherwise.
    { pages: [...archivedPaths], exclude: ARCHIVE_SEARCH_PATH },
  );

  return { content, root, markdownPlugins, markdownProcessor, published, integration, sitemap };
}

/**
 * Rolldown warns that it may not preserve the module-level directive "use astro:head-inject",
 * which @astrojs/mdx writes into every MDX module (withastro/astro#18087, open upstream): Astro
 * reads that marker before bundling, so the warning is noise in every build with an MDX story.
 * Only that directive is dropped; any other warning goes to Vite's handler as before.
 */
export function quietAstroDirective(warning: { code?: string; message: string }, warn: (w: typeof warning) => void): void {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
  warn(warning);
}
