/**
 * Which built pages go into sitemap-index.xml and with what lastmod. Pages that
 * carry `noindex` (search, moderation, 404, alias redirects) stay out, as
 * Google's sitemap guidelines ask for canonical URLs only.
 */
import { toZonedIso } from './dates.ts';
import { normalisePath } from './paths.ts';

export const NOINDEX_PATHS = ['/cari/', '/moderasi/', '/404/', '/offline/', '/redaksi/editor/', '/verifikasi-komentar/'];

export interface SitemapArticle {
  path: string;
  date: Date;
  updated?: Date;
  aliases: string[];
}

export function sitemapRules(siteUrl: string, articles: SitemapArticle[], timeZone: string) {
  const excluded = new Set([...NOINDEX_PATHS, ...articles.flatMap((a) => a.aliases.map(normalisePath))]);
  const lastmod = new Map(articles.map((a) => [new URL(a.path, `${siteUrl}/`).href, toZonedIso(a.updated ?? a.date, timeZone)]));
  return {
    filter: (url: string) => !excluded.has(new URL(url).pathname),
    serialize: <T extends { url: string; lastmod?: string }>(item: T): T => {
      const modified = lastmod.get(item.url);
      return modified ? { ...item, lastmod: modified } : item;
    },
  };
}
