/**
 * Loads Astro's content data store from its JSON file during prerendering, instead of from
 * the string literal Astro bundles it as.
 *
 * Astro's content plugin loads the whole data store as one module,
 * `export default JSON.parse("<the store as an escaped string>")` (61 MB at 10,000 stories).
 * Escaping the store into that string, handing it through every bundler plugin and having V8
 * compile it cost seconds on every build (V8 alone took ~40 s to compile it at 10,000 stories
 * with an empty compile cache; 12.7 minutes at 50,000). The file Astro reads is
 * `cacheDir/data-store.json`, written by the content sync before the bundle is built, so this
 * plugin answers the module's `load` before Astro's plugin does (a `load` hook ordered `pre`) with a read
 * of that same file: the prerender bundle (which runs in the build process, on the same
 * machine) reads it where it is.
 *
 * The server bundle carries the store only when a page rendered on request reads content (the
 * archive, lib/archive.ts): there the file is copied beside the server's code (`data-store.json`
 * in the server output) and read from there, so the server can run on another machine.
 * Without the file (no content synced yet), Astro's own module, an empty store, is kept.
 */
import fs from 'node:fs';
import type { Plugin } from 'vite';

/** Astro's resolved id of `astro:data-layer-content` (vite-plugin-content-virtual-mod.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The store's copy in the server output (`dist/server/`), read by a server that renders content on request. */
export const SERVER_STORE = 'data-store.json';
/**
 * The marker Astro puts on content-data modules (core/build/incremental-metadata.js): the incremental
 * build leaves them out of a page's code hash and tracks content by its digest instead.
 */
export const contentDataMeta = () => ({ astroIncremental: { kind: 'content-data' } });

/** The plugin, and whether it answered for every bundle that reads content: a build that synced content must read it through this plugin. */
export interface DataStoreFromFile extends Plugin {
  readsFile(): boolean;
}

/**
 * Whether the store is the one file this plugin reads: Astro's `experimental.collectionStorage`
 * other than `single-file` splits it into chunks and leaves `data-store.json` stale.
 */
export function storeIsOneFile(collectionStorage: unknown): boolean {
  return collectionStorage === undefined || collectionStorage === 'single-file';
}

/** The module's body once `file` names the store: a store that is not JSON stops the build or server saying which file. */
const READ_STORE = [
  'let store;',
  'try {',
  "  store = JSON.parse(readFileSync(file, 'utf8'));",
  '} catch (error) {',
  '  throw new Error(`[warta] could not read the content store ${file}: ${error.message}`);',
  '}',
  'export default store;',
  '',
].join('\n');

/** @param options.server the server renders content on request (the archive): give its bundle a copy of the store too */
export function dataStoreFromFile(storeFile: string, options: { server?: boolean } = {}): DataStoreFromFile {
  /** The environments it answered for. */
  const answered = new Set<string>();
  return {
    name: 'warta:data-store-from-file',
    readsFile: () => answered.has('prerender') && (options.server !== true || answered.has('ssr')),
    applyToEnvironment: (environment) => environment.name === 'prerender' || (options.server === true && environment.name === 'ssr'),
    load: {
      // Astro's content plugin is itself `enforce: 'pre'` and listed first: only a hook ordered 'pre' runs before its load.
      order: 'pre',
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(id) {
        if (id !== DATA_STORE_MODULE || !fs.existsSync(storeFile)) return undefined;
        answered.add(this.environment.name);
        if (this.environment.name === 'prerender') {
          return {
            code: `import { readFileSync } from 'node:fs';\nconst file = ${JSON.stringify(storeFile)};\n${READ_STORE}`,
            map: { mappings: '' },
            meta: contentDataMeta(),
          };
        }
        // A fixed name at the root of the server output: Astro moves hashed assets to the public folder,
        // and the store holds drafts. The chunk that reads it sits at that root or one folder below.
        this.emitFile({ type: 'asset', fileName: SERVER_STORE, source: fs.readFileSync(storeFile) });
        return {
          code: [
            `import { existsSync, readFileSync } from 'node:fs';`,
            `const file = [new URL('./${SERVER_STORE}', import.meta.url), new URL('../${SERVER_STORE}', import.meta.url)].find((f) => existsSync(f));`,
            `if (!file) throw new Error('[warta] ${SERVER_STORE} is missing beside the server code; deploy the whole server folder');`,
            READ_STORE,
          ].join('\n'),
          map: { mappings: '' },
          meta: contentDataMeta(),
        };
      },
    },
  };
}
