/**
 * WordPress writes two clocks per post: `post_date` (the blog's local time) and
 * `post_date_gmt` (UTC). Drafts that were never published carry
 * `0000-00-00 00:00:00` as GMT; their local date is then read in the site's zone.
 */
import { zonedTimeToDate } from '../dates.ts';

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function fields(text: string) {
  const m = WP_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year === 0 || month === 0 || day === 0) return undefined;
  return { year, month, day, hour, minute, second };
}

/** The instant of a post or comment: GMT when WordPress recorded it, else the local date in `timeZone`. */
export function wordpressDate(gmt: string, local: string, timeZone: string): Date | undefined {
  const g = fields(gmt);
  if (g) return new Date(Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute, g.second));
  const l = fields(local);
  return l ? zonedTimeToDate(l, timeZone) : undefined;
}

/** Calendar fields of WordPress's local date (what its permalinks use). */
export function localDateFields(local: string) {
  return fields(local);
}
