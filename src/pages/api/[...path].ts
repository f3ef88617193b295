/**
 * The comment and view-count function, mounted as Astro's one on-demand route so
 * `npm start` serves the portal and the API together. All logic is in src/server.
 */
import { createAstroHandler } from '../../server/adapters/astro.ts';

export const prerender = false;

// A build publishes the article list (warta-articles.json) for the function to read;
// the dev server has no build, so it answers from the content collections instead.
// Behind the build-time constant, the import is dropped from built functions: with it,
// every built function carried the whole content store (~100 MB at 10,000 articles).
const devCatalog = __WARTA_PREVIEW_UNPUBLISHED__
  ? {
      async get(id: string) {
        const { getCatalog } = await import('../../data/content.ts');
        const article = (await getCatalog()).articles.find((a) => a.id === id);
        return article && { id: article.id, title: article.data.title, url: article.path };
      },
    }
  : undefined;

// The site's configured `url` is its public origin, whatever scheme a TLS proxy in front hides.
export const ALL = createAstroHandler({ siteUrl: import.meta.env.SITE, ...(devCatalog ? { catalog: devCatalog } : {}) });
