/**
 * /terkini.json: the newest stories for the "Berita Terkini" box beside every article
 * (components/article/LatestBox.astro). A file of its own rather than a list in each
 * article page, so a new story changes one small file and not the cached pages of
 * every story in the archive.
 */
import type { APIRoute } from 'astro';
import { getCatalog, published } from '../data/content.ts';
import { latestFeed } from '../lib/latest-feed.ts';

export const GET: APIRoute = async () => {
  const { site, articles } = await getCatalog();
  const items = latestFeed(
    published(articles).map((a) => ({ id: a.id, title: a.data.title, url: a.path, category: a.category.name, date: a.data.date })),
    { locale: site.locale, timeZone: site.timeZone },
  );
  return new Response(JSON.stringify(items), { headers: { 'content-type': 'application/json' } });
};
