import type { APIRoute } from 'astro';
import { getCatalog } from '../data/content.ts';
import { newsSitemapItems, newsSitemapXml } from '../lib/news-sitemap.ts';

/** Google News sitemap: the last 48 hours before the build (WARTA_NOW), at most 1,000 URLs. */
export const GET: APIRoute = async () => {
  const { site, articles, now } = await getCatalog();
  const items = newsSitemapItems(
    articles.filter((a) => a.state === 'published').map((a) => ({ url: a.url, title: a.data.title, date: a.data.date })),
    now,
  );
  return new Response(newsSitemapXml(items, { name: site.name, language: site.locale }, site.timeZone), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
