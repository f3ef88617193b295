/**
 * /langsung/<id>.json: a live story's updates, newest first, for its open pages to poll
 * (components/live/live-page.ts). A small file of its own, so a reader's every poll costs
 * one static request, and a new update changes this file and the story's page only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, published } from '../../data/content.ts';
import { liveUpdatesOf } from '../../data/live.ts';
import { toZonedIso } from '../../lib/dates.ts';

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  return published(articles)
    .filter((a) => a.data.live)
    .map((article) => ({ params: { id: article.id }, props: { id: article.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, articles } = await getCatalog();
  const article = articles.find((a) => a.id === props.id)!;
  const live = article.data.live!;
  const updates = await liveUpdatesOf(article);
  const body = {
    id: article.id,
    url: article.path,
    coverageStartTime: toZonedIso(live.start, site.timeZone),
    coverageEndTime: toZonedIso(live.end, site.timeZone),
    updates: updates.map(({ id, datePublished, headline, html }) => ({ id, datePublished, headline, html })),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
