/**
 * The list behind "Berita Terkini" on article pages: the newest stories with their time
 * already written in the site's language and zone, so the page's script formats nothing.
 * One more than an article shows, so a page can leave itself out.
 */
import { toZonedIso } from './dates.ts';
import { intlLocale } from '../i18n/translator.ts';

export const LATEST_SHOWN = 5;

/**
 * How many stories an article's box will list, known when the page is built so the box keeps
 * exactly that room: LATEST_SHOWN, or fewer on a site of a few stories. The feed holds one
 * more than the box shows, so only the article itself is ever left out.
 */
export function latestRows(publishedCount: number, articleIsPublished: boolean): number {
  return Math.max(0, Math.min(LATEST_SHOWN, publishedCount - (articleIsPublished ? 1 : 0)));
}

export interface LatestInput {
  id: string;
  title: string;
  url: string;
  category: string;
  date: Date;
}

export interface LatestItem {
  id: string;
  title: string;
  url: string;
  category: string;
  /** "27 Nov 2026, 07.10 WIB". */
  time: string;
  /** ISO date-time with the site's offset, for `<time datetime>`. */
  datetime: string;
}

export function latestFeed(stories: LatestInput[], site: { locale: 'id' | 'en'; timeZone: string }, shown = LATEST_SHOWN): LatestItem[] {
  const time = new Intl.DateTimeFormat(intlLocale[site.locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: site.timeZone,
    timeZoneName: 'short',
  });
  return stories.slice(0, shown + 1).map((s) => ({
    id: s.id,
    title: s.title,
    url: s.url,
    category: s.category,
    time: time.format(s.date),
    datetime: toZonedIso(s.date, site.timeZone),
  }));
}
