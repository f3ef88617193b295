/**
 * WordPress writes two clocks per post: `post_date` (the blog's local time) and
 * `post_date_gmt` (UTC). Their difference is the blog's own offset, which the export
 * never states; posts never published carry `0000-00-00 00:00:00` as GMT, and their
 * local date is read at that offset (not at the Warta site's, which may differ).
 */
import { zonedTimeToDate } from '../../lib/dates.ts';

// WordPress writes a space between date and time; exports made by other tools often an ISO `T`.
const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

function fields(text: string) {
  const m = WP_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year === 0 || month === 0 || day === 0) return undefined;
  return { year, month, day, hour, minute, second };
}

/** How to read a local WordPress date: the export's own offset when known, else the site's zone. */
export interface ExportClock {
  timeZone: string;
  /** post_date − post_date_gmt, in minutes, as most posts of the export have it. */
  offsetMinutes?: number;
}

/** The instant of a post or comment: GMT when WordPress recorded it, else the local date on the export's clock. */
export function wordpressDate(gmt: string, local: string, clock: ExportClock): Date | undefined {
  const g = fields(gmt);
  if (g) return new Date(Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute, g.second));
  const l = fields(local);
  if (!l) return undefined;
  if (clock.offsetMinutes !== undefined) return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - clock.offsetMinutes * 60_000);
  return zonedTimeToDate(l, clock.timeZone);
}

/** Calendar fields of WordPress's local date (what its permalinks use). */
export function localDateFields(local: string) {
  return fields(local);
}

/** post_date − post_date_gmt in minutes for one post; undefined when either is missing. */
export function offsetOf(local: string, gmt: string): number | undefined {
  const l = fields(local);
  const g = fields(gmt);
  if (!l || !g) return undefined;
  const diff = (Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute)) / 60_000;
  return Math.abs(diff) <= 14 * 60 ? Math.round(diff) : undefined;
}

/** The offset most posts share (ties: the smaller), from a tally of offsets. */
export function commonOffset(tally: ReadonlyMap<number, number>): number | undefined {
  let best: [number, number] | undefined;
  for (const [offset, n] of tally) if (!best || n > best[1] || (n === best[1] && offset < best[0])) best = [offset, n];
  return best?.[0];
}

/**
 * An IANA zone with the export's offset, for a new site.yaml: Indonesia's own zones
 * when they match (WIB, WITA, WIT), UTC, else a fixed-offset `Etc/GMT±N` zone
 * (note the inverted sign: Etc/GMT-8 is UTC+8). Undefined for offsets of no whole hour.
 */
export function zoneForOffset(minutes: number): string | undefined {
  const known: Record<number, string> = { 420: 'Asia/Jakarta', 480: 'Asia/Makassar', 540: 'Asia/Jayapura', 0: 'UTC' };
  if (known[minutes]) return known[minutes];
  if (minutes % 60 !== 0) return undefined;
  const hours = minutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
