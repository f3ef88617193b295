/**
 * RSS 2.0 items for @astrojs/rss. RSS requires RFC 822 dates; we write them with
 * the site's numeric offset (+0700) and add `dc:date` in ISO 8601 (+07:00) for
 * readers that prefer it. Authors go in `dc:creator` (RSS `author` must be an
 * email address, which we never publish). Covers use Media RSS, which needs no
 * byte length (unlike `enclosure`). AI labels reach readers in the description and
 * machines as IPTC digital source types: the text's as an RSS `category` with the
 * vocabulary as its domain, the cover's as a `media:category` of its `media:content`.
 */
import { timeZoneOffset, toZonedIso, zonedParts } from './dates.ts';
import { escapeXml } from './escape-xml.ts';
import { IPTC_DIGITAL_SOURCE_CODE, IPTC_DIGITAL_SOURCE_SCHEME, type AiUse } from './ai-labels.ts';

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
  /** AI in the text and the cover, with the sentences readers see. */
  ai?: { text?: AiUse; cover?: AiUse; labels: string[] };
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
      description: [a.summary, ...(a.ai?.labels ?? [])].filter(Boolean).join(' '),
      customData: [
        // Categories go here rather than in @astrojs/rss's `categories`, which would replace the domain one.
        `<category>${escapeXml(a.category)}</category>`,
        a.ai?.text ? `<category domain="${IPTC_DIGITAL_SOURCE_SCHEME}">${IPTC_DIGITAL_SOURCE_CODE[a.ai.text]}</category>` : '',
        `<pubDate>${rfc822(a.date, timeZone)}</pubDate>`,
        `<dc:date>${toZonedIso(a.date, timeZone)}</dc:date>`,
        ...a.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
        a.image ? mediaContent(a.image, a.ai?.cover) : '',
      ].join(''),
    }));
}

function mediaContent(image: NonNullable<FeedArticle['image']>, ai: AiUse | undefined): string {
  const attributes = `url="${escapeXml(image.url)}" medium="image"${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}`;
  if (!ai) return `<media:content ${attributes}/>`;
  return `<media:content ${attributes}><media:category scheme="${IPTC_DIGITAL_SOURCE_SCHEME}">${IPTC_DIGITAL_SOURCE_CODE[ai]}</media:category></media:content>`;
}
