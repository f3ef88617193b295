// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createWarta } from './src/integrations/warta.ts';
import { EDITOR_CACHE, editorVitePlugin } from './src/editor/vite-plugin.ts';

// Astro's content cache is keyed per content folder AND per schema version: Astro only
// notices changes to content.config.ts itself, not to the schema files it imports, and
// would otherwise serve entries parsed by an older schema.
const cacheKey = createHash('sha1').update(process.env.WARTA_CONTENT_DIR ?? 'content');
for (const file of fs.globSync('src/schemas/*.ts').sort()) cacheKey.update(fs.readFileSync(file));
const contentKey = cacheKey.digest('hex').slice(0, 12);

/**
 * Only the adapter the target names is loaded: importing @astrojs/netlify alone takes about 2 s
 * (it brings Netlify's function bundler), on every build, `astro dev` and `astro check`.
 * @param {string | undefined} target
 */
async function adapterFor(target = 'node') {
  if (target === 'netlify') return (await import('@astrojs/netlify')).default();
  if (target === 'vercel') return (await import('@astrojs/vercel')).default();
  if (target === 'node') return (await import('@astrojs/node')).default({ mode: 'standalone', bodySizeLimit: 64 * 1024 });
  throw new Error(`[warta] WARTA_DEPLOY_TARGET must be node, netlify or vercel, got "${target}"`);
}

// WARTA_CACHE_DIR: a cold-build benchmark or test points this at an empty folder.
const cacheDir = process.env.WARTA_CACHE_DIR ?? `./node_modules/.astro/${contentKey}`;

// Content (and so the site config) is read once, validated, and shared with the
// Markdown plugins. WARTA_CONTENT_DIR points builds at fixture sites in tests.
// warta.integration is the whole of Warta, search included.
const warta = createWarta(process.cwd(), { cacheDir });

export default defineConfig({
  site: warta.content.site.url,
  // 'ignore' so /api/views/<id> is not redirected; every page link we emit ends in a slash anyway.
  trailingSlash: 'ignore',
  // Pages are static; only /api/* (comments and views) runs on demand, on the platform
  // WARTA_DEPLOY_TARGET names. Node standalone (default) makes `npm start` serve the
  // portal and the API on one port; the function limits bodies itself (413), the
  // adapter's cap stops Node from buffering huge uploads first.
  adapter: await adapterFor(process.env.WARTA_DEPLOY_TARGET),
  cacheDir,
  // The comment/view function checks Origin itself, with the WARTA_ALLOWED_ORIGINS
  // allow-list and JSON errors (src/server/http/origin-check.ts); Astro's own check
  // would answer plain-text 403s first and block allowed cross-host sites.
  security: { checkOrigin: false },
  vite: {
    // The browser editor (Sveltia CMS), bundled once for every content folder (src/editor/vite-plugin.ts).
    plugins: [editorVitePlugin(EDITOR_CACHE)],
    // Build output is not source: after `npm run bench` (.bench/ holds 200,000 files at 50,000
    // articles) the dev server spent minutes watching it and timed out loading astro:content.
    server: { watch: { ignored: ['**/.bench/**', '**/tests/.output/**', '**/dist/**', '**/data/**'] } },
  },
  markdown: {
    // Sätteri (Astro 7's default) ignores remark/rehype plugins; ours need unified(). This is
    // unified() with our plugins, rendering `.md` on every core during builds.
    processor: warta.markdownProcessor,
  },
  experimental: {
    // Pages whose getStaticPaths cacheKey (src/lib/page-keys.ts) and code are unchanged are
    // copied from the last build's cache (cacheDir/dist) instead of rendered: a warm build
    // re-renders the edited story and the listings that show it. `astro build --force`
    // renders everything.
    incrementalBuild: true,
  },
  // The sitemap first: its build:done work (~0.7 s at 10,000 stories) then runs while Warta's
  // waits for Pagefind to finish the search bundles, instead of after it.
  integrations: [sitemap(warta.sitemap), warta.integration, mdx()],
});
