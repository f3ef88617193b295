/**
 * The comment and view-count function, mounted as Astro's one on-demand route so
 * `npm start` serves the portal and the API together. All logic is in src/server.
 */
import { createAstroHandler } from '../../server/adapters/astro.ts';
import { getCatalog } from '../../data/content.ts';

export const prerender = false;

// A build publishes the article list (warta-articles.json) for the function to read;
// the dev server has no build, so it answers from the content collections instead.
const devCatalog = {
  async get(id: string) {
    const article = (await getCatalog()).articles.find((a) => a.id === id);
    return article && { id: article.id, title: article.data.title, url: article.path };
  },
};

export const ALL = createAstroHandler(import.meta.env.DEV ? { catalog: devCatalog } : {});
