/** Builds an RSS response for a list of articles; routes choose which articles. */
import rss from '@astrojs/rss';
import { render } from 'astro:content';
import type { Article } from './content.ts';
import { getCatalog } from './content.ts';
import { coverImageUrl } from './cover-url.ts';
import { FEED_NAMESPACES, feedItems } from '../lib/feed.ts';

/** How many stories a feed carries: readers poll often, so recent items are enough. */
const FEED_SIZE = 50;

export async function feedResponse(articles: Article[], title: string, description: string, selfPath: string): Promise<Response> {
  const { site } = await getCatalog();
  const recent = articles.slice(0, FEED_SIZE);
  const items = await Promise.all(
    recent.map(async (a) => {
      const summary = a.data.summary ?? (await render(a.entry)).remarkPluginFrontmatter.derivedSummary ?? '';
      return {
        title: a.data.title,
        url: a.url,
        date: a.data.date,
        summary,
        authors: a.reporters.map((p) => p.name),
        category: a.category.name,
        image: a.data.cover ? await coverImageUrl(a.data.cover, site.url) : undefined,
      };
    }),
  );
  return rss({
    title,
    description,
    site: site.url,
    xmlns: FEED_NAMESPACES,
    customData: `<language>${site.locale}</language><atom:link href="${site.url}${selfPath}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(items, site.timeZone),
  });
}
