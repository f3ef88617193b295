/**
 * RSS 2.0 items for @astrojs/rss. RSS requires RFC 822 dates; we write them with
 * the site's numeric offset (+0700) and add `dc:date` in ISO 8601 (+07:00) for
 * readers that prefer it. Authors go in `dc:creator` (RSS `author` must be an
 * email address, which we never publish). Covers use Media RSS, which needs no
 * byte length (unlike `enclosure`).
 */
import { timeZoneOffset, toZonedIso, zonedParts } from './dates.ts';
import { escapeXml } from './escape-xml.ts';

export const FEED_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  atom: 'http://www.w3.org/2005/Atom',
};

export interface FeedArticle {
  title: string;
  url: string;
  date: Date;
  summary: string;
  authors: string[];
  category: string;
  image?: { url: string; width?: number; height?: number };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 822 date-time in the site's zone: `Wed, 05 Jul 2023 13:00:00 +0700`. Day and month names are fixed English tokens of the format. */
export function rfc822(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  const offset = timeZoneOffset(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${DAYS[weekday]}, ${pad(p.day)} ${MONTHS[p.month - 1]} ${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${sign}${pad(Math.trunc(abs / 60))}${pad(abs % 60)}`;
}


/** Items newest first, in the shape @astrojs/rss takes (pubDate goes in customData to keep the offset). */
export function feedItems(articles: FeedArticle[], timeZone: string) {
  return [...articles]
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .map((a) => ({
      title: a.title,
      link: a.url,
      description: a.summary,
      categories: [a.category],
      customData: [
        `<pubDate>${rfc822(a.date, timeZone)}</pubDate>`,
        `<dc:date>${toZonedIso(a.date, timeZone)}</dc:date>`,
        ...a.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
        a.image
          ? `<media:content url="${escapeXml(a.image.url)}" medium="image"${a.image.width ? ` width="${a.image.width}"` : ''}${a.image.height ? ` height="${a.image.height}"` : ''}/>`
          : '',
      ].join(''),
    }));
}
