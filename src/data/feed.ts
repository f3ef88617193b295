/** Builds an RSS response for a list of articles; routes choose which articles. */
import rss from '@astrojs/rss';
import type { Article } from './content.ts';
import { getCatalog } from './content.ts';
import { coverImageUrl } from './cover-url.ts';
import { FEED_NAMESPACES, feedItems, type FeedArticle } from '../lib/feed.ts';
import { aiCoverLabel, aiTextLabel } from '../lib/ai-labels.ts';
import { shortenAtWord } from '../markdown/remark-summary.ts';
import { liveUpdatesOf } from './live.ts';
import { renderStory } from './render-story.ts';

/** How many items a feed carries: readers poll often, so recent items are enough. */
const FEED_SIZE = 50;
/** A live story's newest updates in the feed, each an item of its own; more would push other stories out. */
const UPDATES_PER_STORY = 10;

export async function feedResponse(articles: Article[], title: string, description: string, selfPath: string): Promise<Response> {
  const { site, t } = await getCatalog();
  const recent = articles.slice(0, FEED_SIZE);
  const perStory = await Promise.all(
    recent.map(async (a): Promise<FeedArticle[]> => {
      const summary = a.data.summary ?? (await renderStory(a.entry)).remarkPluginFrontmatter.derivedSummary ?? '';
      const cover = a.data.cover ? a.data.ai?.cover : undefined;
      const ai = a.data.ai && {
        text: a.data.ai.text,
        cover,
        labels: [...(cover ? [`${t(aiCoverLabel(cover))}.`] : []), ...(a.data.ai.text ? [t(aiTextLabel(a.data.ai.text))] : [])],
      };
      const story: FeedArticle = {
        title: a.data.title,
        url: a.url,
        date: a.data.date,
        summary,
        authors: a.reporters.map((p) => p.name),
        category: a.category.name,
        image: a.data.cover ? await coverImageUrl(a.data.cover, site.url) : undefined,
        ai,
      };
      const updates = (await liveUpdatesOf(a)).slice(0, UPDATES_PER_STORY).map((u): FeedArticle => ({
        ...story,
        title: t('feed.liveUpdate', { title: a.data.title, headline: u.headline }),
        url: `${a.url}#${u.id}`,
        date: new Date(u.datePublished),
        summary: shortenAtWord(u.text, 300),
        image: undefined,
        ai: a.data.ai?.text ? { text: a.data.ai.text, labels: [t(aiTextLabel(a.data.ai.text))] } : undefined,
      }));
      return [story, ...updates];
    }),
  );
  const items = perStory.flat().sort((x, y) => y.date.getTime() - x.date.getTime()).slice(0, FEED_SIZE);
  return rss({
    title,
    description,
    site: site.url,
    xmlns: FEED_NAMESPACES,
    customData: `<language>${site.locale}</language><atom:link href="${site.url}${selfPath}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(items, site.timeZone),
  });
}
