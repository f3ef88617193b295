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

/**
 * `onDemand.pages`: pages the server renders on request (archived stories, lib/archive.ts),
 * which the build does not write but the sitemap lists; `onDemand.exclude`: a path prefix of
 * built pages that are not for readers.
 */
export function sitemapRules(siteUrl: string, articles: SitemapArticle[], timeZone: string, onDemand: { pages: string[]; exclude?: string } = { pages: [] }) {
  const excluded = new Set([...NOINDEX_PATHS, ...articles.flatMap((a) => a.aliases.map(normalisePath))]);
  const lastmod = new Map(articles.map((a) => [new URL(a.path, `${siteUrl}/`).href, toZonedIso(a.updated ?? a.date, timeZone)]));
  const exclude = onDemand.exclude;
  return {
    customPages: onDemand.pages.map((p) => new URL(p, `${siteUrl}/`).href),
    filter: (url: string) => {
      const pathname = new URL(url).pathname;
      return !excluded.has(pathname) && !(exclude && pathname.startsWith(exclude));
    },
    serialize: <T extends { url: string; lastmod?: string }>(item: T): T => {
      const modified = lastmod.get(item.url);
      return modified ? { ...item, lastmod: modified } : item;
    },
  };
}
