/**
 * Loads Astro's content data store from its JSON file during prerendering, instead of from
 * the string literal Astro bundles it as.
 *
 * Astro compiles the whole data store into the prerender bundle as one module,
 * `export default JSON.parse("<the store as an escaped string>")` (61 MB at 10,000 stories).
 * V8 takes ~40 s to compile that module; Node's compile cache (which Astro enables) hides it
 * only when the module is byte-identical to an earlier build's, so every CI build and every
 * build after a content change paid it before the first page (measured at 10,000: 49 s with an
 * empty compile cache, 7 s with a warm one; importing the chunk alone 39.2 s, reading the same
 * JSON from a file 2.3 s; at 50,000 it was 12.7 minutes). The store file Astro bundles is
 * `cacheDir/data-store.json`, written by the content sync before the bundle is built, so the
 * prerender bundle (which runs in the build process, on the same machine) reads that file.
 *
 * The server bundle carries the store only when a page rendered on request reads content (the
 * archive, lib/archive.ts): there the file is copied beside the server's code (`data-store.json`
 * in the server output) and read from there, so the server can run on another machine.
 * When the bundled text is not exactly the file's, the module is left as Astro made it.
 */
import fs from 'node:fs';
import type { Plugin } from 'vite';

/** Astro's resolved id of `astro:data-layer-content` (vite-plugin-content-virtual-mod.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
/** The store's copy in the server output (`dist/server/`), read by a server that renders content on request. */
export const SERVER_STORE = 'data-store.json';

/** @param options.server the server renders content on request (the archive): give its bundle a copy of the store too */
export function dataStoreFromFile(storeFile: string, options: { server?: boolean } = {}): Plugin {
  /** The module text last found equal to the file: the server bundle gets the same text, and comparing twice held a second copy of the store. */
  let checked: string | undefined;
  return {
    name: 'warta:data-store-from-file',
    applyToEnvironment: (environment) => environment.name === 'prerender' || (options.server === true && environment.name === 'ssr'),
    transform: {
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(code, id) {
        if (id !== DATA_STORE_MODULE) return undefined;
        if (!code.startsWith(PREFIX) || !code.trimEnd().endsWith(')') || !fs.existsSync(storeFile)) {
          // Another Astro version, or `experimental.collectionStorage`: the builds work, only slower.
          this.warn(`Astro's content store module is not the JSON.parse of ${storeFile} this plugin expects; leaving it as it is (slower to load)`);
          return undefined;
        }
        if (code !== checked) {
          const bundled = JSON.parse(code.slice(PREFIX.length, code.trimEnd().length - 1)) as unknown;
          if (bundled !== fs.readFileSync(storeFile, 'utf8')) {
            this.warn(`the content store differs from ${storeFile}; leaving Astro's bundled copy (slower to load)`);
            return undefined;
          }
          checked = code;
        }
        if (this.environment.name === 'prerender') {
          return {
            code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`,
            map: { mappings: '' },
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
            `export default JSON.parse(readFileSync(file, 'utf8'));`,
            '',
          ].join('\n'),
          map: { mappings: '' },
        };
      },
    },
  };
}
