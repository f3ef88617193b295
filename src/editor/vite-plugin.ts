import fs from 'node:fs';
import path from 'node:path';
import { build, version as viteVersion, type Plugin } from 'vite';
import { inputsDigest } from '../lib/cache-files.ts';

const STUB = '\0warta-editor-no-code-languages';
const ENTRY = '\0warta-editor-sveltia';

/**
 * Sveltia CMS imports each of Shiki's ~280 languages lazily to highlight code blocks in its
 * Markdown editor; bundled, that is ~280 chunks (~9 MB) in dist/_astro for a feature a news
 * story never uses. Every language import of the editor resolves to one empty list instead:
 * code blocks still work, unhighlighted. Only imports from @sveltia/cms are touched.
 */
export function noCodeLanguages(): Plugin {
  return {
    name: 'warta-editor-no-code-languages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('@shikijs/langs/') && importer?.includes('@sveltia/cms')) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? 'export default [];' : null;
    },
  };
}

/**
 * Where builds keep the editor's bundle (relative to the project): beside Astro's caches, but
 * shared by every content folder's builds, since it depends on the dependencies only.
 */
export const EDITOR_CACHE = 'node_modules/.astro';

/**
 * The editor's plugins. Bundling Sveltia CMS (2.1 MB of code and its libraries) took ~2.8 s of
 * every build's Vite step at 10,000 stories, content edits included, though its code only changes
 * with the dependencies: so a build bundles it once into `cacheDir` (`sveltiaBundle`), and the
 * browser build imports it from there as a file of the site, `/_astro/sveltia-<digest>/index.js`.
 * The dev server bundles it as it does any dependency.
 */
export function editorVitePlugin(cacheDir: string): Plugin[] {
  let bundle: { dir: string; files: string[] } | undefined;
  let url = '';
  return [
    noCodeLanguages(),
    {
      name: 'warta-editor-sveltia-once',
      apply: 'build',
      enforce: 'pre',
      applyToEnvironment: (environment) => environment.name === 'client',
      async buildStart() {
        const { root } = this.environment.config;
        bundle = await sveltiaBundle(path.resolve(root, cacheDir), root);
        const { base, build: options } = this.environment.config;
        url = `${base}${options.assetsDir}/${path.basename(bundle.dir)}/`;
      },
      resolveId(source) {
        return source === '@sveltia/cms' && bundle ? { id: `${url}index.js`, external: true } : null;
      },
      generateBundle() {
        const folder = url.slice(this.environment.config.base.length);
        for (const file of bundle?.files ?? []) this.emitFile({ type: 'asset', fileName: folder + file, source: fs.readFileSync(path.join(bundle!.dir, file)) });
      },
    },
  ];
}

/**
 * Sveltia CMS bundled for the browser on its own (its default export kept), in a folder of
 * `cacheDir` named by a digest of everything that decides the result: the lockfile (the
 * versions of Sveltia and of its libraries), Vite's version and this file. Bundled again only
 * when one of them changes; a folder is complete once renamed into place, so builds sharing the
 * cache may bundle it at the same time.
 */
export async function sveltiaBundle(cacheDir: string, root: string): Promise<{ dir: string; files: string[] }> {
  const lockfile = path.join(root, 'package-lock.json');
  const digest = inputsDigest([fs.existsSync(lockfile) ? lockfile : path.join(root, 'node_modules/@sveltia/cms/package.json'), new URL(import.meta.url)], viteVersion);
  const parent = path.join(cacheDir, 'warta-editor');
  const dir = path.join(parent, `sveltia-${digest.toString('hex').slice(0, 12)}`);
  if (!fs.existsSync(dir)) {
    // Other versions go; so does a bundling left unfinished an hour ago. One still running (another build on the same cache) stays.
    for (const entry of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
      const other = path.join(parent, entry);
      if (!entry.endsWith('.tmp') || fs.statSync(other).mtimeMs < Date.now() - 3_600_000) fs.rmSync(other, { recursive: true, force: true });
    }
    const scratch = `${dir}.${process.pid}.tmp`;
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      // Its chunks and files are found from its own URL, wherever the site serves the folder.
      base: './',
      plugins: [
        noCodeLanguages(),
        { name: 'warta-editor-entry', resolveId: (id) => (id === ENTRY ? id : null), load: (id) => (id === ENTRY ? "export { default } from '@sveltia/cms';" : null) },
      ],
      build: {
        outDir: scratch,
        emptyOutDir: true,
        copyPublicDir: false,
        chunkSizeWarningLimit: 3000,
        rolldownOptions: {
          input: { index: ENTRY },
          preserveEntrySignatures: 'strict',
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
        },
      },
    });
    try {
      fs.renameSync(scratch, dir);
    } catch (error) {
      // Another build on the same cache finished the same bundle first: its folder is as good.
      if (!fs.existsSync(dir)) throw error;
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return { dir, files };
}
