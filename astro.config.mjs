// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { createWarta } from './src/integrations/warta.ts';
import { pagefind } from './src/integrations/pagefind.ts';

// Content (and so the site config) is read once, validated, and shared with the
// Markdown plugins. WARTA_CONTENT_DIR points builds at fixture sites in tests.
const warta = createWarta();
const contentKey = createHash('sha1').update(process.env.WARTA_CONTENT_DIR ?? 'content').digest('hex').slice(0, 8);

export default defineConfig({
  site: warta.content.site.url,
  // 'ignore' so /api/views/<id> is not redirected; every page link we emit ends in a slash anyway.
  trailingSlash: 'ignore',
  // Pages are static; only /api/* (comments and views) runs on demand. Standalone mode
  // makes `npm start` serve the portal and the API on one port. The function limits
  // bodies itself (413); this cap stops Node from buffering huge uploads first.
  adapter: node({ mode: 'standalone', bodySizeLimit: 64 * 1024 }),
  // Astro's content cache is keyed per content folder so fixture builds never reuse each other's entries.
  cacheDir: `./node_modules/.astro/${contentKey}`,
  markdown: {
    // Sätteri (Astro 7's default) ignores remark/rehype plugins; ours need unified().
    processor: unified(warta.markdownPlugins),
  },
  integrations: [warta.integration, pagefind(warta), mdx(), sitemap(warta.sitemap)],
});
