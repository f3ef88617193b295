/**
 * /og/<id>.png: the share card of a recent story without a cover (src/share-card).
 * An endpoint rather than a step of the Warta integration, so Astro's incremental build
 * caches each card by its cacheKey like a page: a warm build copies unchanged cards and
 * draws only new or retitled stories, and `astro build --force` draws them all again.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fromCatalog, getCatalog, hasShareCard } from '../../data/content.ts';
import { cardKey, cardLook, storyCardText } from '../../data/share-image.ts';
import { renderCard } from '../../share-card/render-card.ts';

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  const drawn = [];
  for (const article of articles) if (await hasShareCard(article)) drawn.push(article);
  return Promise.all(
    drawn.map(async (article) => {
      const text = await storyCardText(article);
      return { params: { id: article.id }, props: { id: article.id }, cacheKey: await cardKey(text) };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const byId = await fromCatalog('articlesById', (c) => new Map(c.allArticles.map((a) => [a.id, a])));
  const png = await renderCard(await storyCardText(byId.get(props.id as string)!), await cardLook());
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
