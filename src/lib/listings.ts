/**
 * Which stories go on which listing: sections by category, tag, person, location
 * and month, the day-by-day index, and the front page's slots. Inputs are plain
 * objects, newest first, so this is tested without Astro.
 */
import { zonedParts } from './dates.ts';

export interface ListingArticle {
  id: string;
  date: Date;
  category: string;
  location?: string;
  reporters: string[];
  editor: string;
  tags: { name: string; slug: string }[];
  headline: boolean;
  breaking: boolean;
}

/** Groups stories under each key they carry, keeping the input order (newest first). */
export function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** A person's stories: those they reported and those they edited. */
export const personKeys = (a: ListingArticle) => [...a.reporters, a.editor];

/** `2023/07` in the site's zone: a story at 00:30 WIB on 1 August belongs to August. */
export function monthKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}/${String(p.month).padStart(2, '0')}`;
}

/** `2023/07/05` in the site's zone. */
export function dayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}/${String(p.month).padStart(2, '0')}/${String(p.day).padStart(2, '0')}`;
}

export interface FrontPage<T> {
  headline?: T;
  /** The stories beside the headline, newest first. */
  top: T[];
  breaking: T[];
  latest: T[];
}

/**
 * The front page's slots: the newest story marked `headline` (else the newest), the
 * `topCount` newest others beside it (when the site has stories enough), breaking stories from the 24 hours before the
 * build, and the latest list: the first `latestCount` stories (the first page of the
 * latest listing, so /halaman/2/ follows on without a gap) less those already shown
 * above it, so no story appears twice. `articles` are newest first.
 */
export function frontPage<T>(
  articles: T[],
  describe: (item: T) => Pick<ListingArticle, 'date' | 'headline' | 'breaking'>,
  now: Date,
  latestCount: number,
  topCount = 0,
): FrontPage<T> {
  const headline = articles.find((a) => describe(a).headline) ?? articles[0];
  // A small site keeps its stories in the latest list: top stories only when half a page is left for it.
  const others = articles.length - 1;
  const top = others - topCount >= latestCount / 2 ? articles.filter((a) => a !== headline).slice(0, topCount) : [];
  const shown = new Set([headline, ...top]);
  const dayAgo = now.getTime() - 24 * 60 * 60 * 1000;
  const breaking = articles.filter((a) => {
    const d = describe(a);
    return d.breaking && d.date.getTime() > dayAgo && d.date.getTime() <= now.getTime();
  });
  const latest = articles.slice(0, latestCount).filter((a) => !shown.has(a));
  return { headline, top, breaking, latest };
}

export interface CalendarDay {
  day: number;
  /** Key of the day page when that day has stories. */
  key?: string;
}

/**
 * A month as weeks of days (Monday first, as Indonesian calendars print it),
 * for the index's date picker. `null` pads the first and last week.
 */
export function calendarMonth(year: number, month: number, daysWithStories: Set<string>): (CalendarDay | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (CalendarDay | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= days; day++) {
    const key = `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
    cells.push(daysWithStories.has(key) ? { day, key } : { day });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
