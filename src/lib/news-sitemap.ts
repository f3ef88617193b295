/**
 * Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * only articles published in the last two days, at most 1,000 URLs per sitemap,
 * with the publication's name and language and the date in W3C format.
 */
import { toZonedIso } from './dates.ts';
import { escapeXml } from './escape-xml.ts';

export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

export interface NewsItem {
  url: string;
  title: string;
  date: Date;
}

/** Articles eligible for the news sitemap at `now`, newest first, capped at 1,000. */
export function newsSitemapItems<T extends NewsItem>(articles: T[], now: Date): T[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  return articles
    .filter((a) => a.date.getTime() > from && a.date.getTime() <= now.getTime())
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, NEWS_MAX_URLS);
}


export function newsSitemapXml(items: NewsItem[], publication: { name: string; language: string }, timeZone: string): string {
  const urls = items.map(
    (a) => `  <url>
    <loc>${escapeXml(a.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publication.name)}</news:name>
        <news:language>${escapeXml(publication.language)}</news:language>
      </news:publication>
      <news:publication_date>${toZonedIso(a.date, timeZone)}</news:publication_date>
      <news:title>${escapeXml(a.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
}
