/**
 * Dates in a newsroom are wall-clock times in the site's zone (WIB for Palembang).
 * Everything here goes through Intl so zone rules (and any future change to them)
 * come from the runtime's tz database, never from hand-kept offsets.
 */
import { intlLocale, type Locale } from '../i18n/translator.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat per locale and options. Constructing one costs far more
 * than formatting with it, and a build formats dates hundreds of thousands of times
 * (profiled: uncached construction was 40% of render time at 300 articles).
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 / RFC 3339 date-time; the offset group is optional so we can say
// "missing offset" rather than "unparseable" when a journalist forgets it.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export type DateInputResult =
  | { ok: true; date: Date; dateOnly: boolean }
  | { ok: false; reason: 'noOffset' | 'invalid' };

/** Minutes east of UTC that `timeZone` observes at `date`. */
export function timeZoneOffset(date: Date, timeZone: string): number {
  const part = dateFormatter('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = part?.match(/GMT([+-])(\d{2}):(\d{2})/);
  if (!match) return 0; // "GMT" alone means UTC
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A memo for values derived from one instant. A build asks for the same few thousand
 * publication dates on every listing page and every card: at 10,000 stories the uncached
 * `toZonedIso` and `formatDate` of the cards were ~2 s of Astro's page phase (profiled).
 */
function memo<T>(): (key: string, compute: () => T) => T {
  const cache = new Map<string, T>();
  return (key, compute) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute();
      if (cache.size > 100_000) cache.clear(); // bound memory on huge archives
      cache.set(key, value);
    }
    return value;
  };
}

type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };
const partsMemo = memo<ZonedParts>();

/** The calendar fields of `date` as a clock in `timeZone` shows them (memoised). */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  return partsMemo(`${timeZone}|${date.getTime()}`, () => computeZonedParts(date, timeZone));
}

function computeZonedParts(date: Date, timeZone: string): ZonedParts {
  const parts = dateFormatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The instant at which a wall-clock time occurs in `timeZone`. */
export function zonedTimeToDate(
  fields: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  // Two passes settle the offset even across a DST change in zones that have one.
  let guess = asUtc - timeZoneOffset(new Date(asUtc), timeZone) * 60_000;
  guess = asUtc - timeZoneOffset(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

const isoMemo = memo<string>();

/** RFC 3339 with the zone's own offset, e.g. `2023-07-05T13:00:00+07:00` (schema.org, sitemaps, feeds). */
export function toZonedIso(date: Date, timeZone: string): string {
  return isoMemo(`${timeZone}|${date.getTime()}`, () => computeZonedIso(date, timeZone));
}

function computeZonedIso(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const offset = timeZoneOffset(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/**
 * Reads a frontmatter date. Strings must carry an offset (`+07:00` or `Z`);
 * a bare date means midnight of that day in the site's zone.
 * A `Date` comes from a YAML parser that already resolved the value; a date-only
 * YAML value arrives as UTC midnight, which we read back as a date-only value.
 */
export function parseDateInput(value: unknown, timeZone: string): DateInputResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'invalid' };
    const utcMidnight =
      value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
    if (utcMidnight) {
      return {
        ok: true,
        dateOnly: true,
        date: zonedTimeToDate({ year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() }, timeZone),
      };
    }
    return { ok: true, date: value, dateOnly: false };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'invalid' };
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    if (!validCalendarDay(year, month, day)) return { ok: false, reason: 'invalid' };
    return { ok: true, dateOnly: true, date: zonedTimeToDate({ year, month, day }, timeZone) };
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute] = dateTime.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (!validCalendarDay(year, month, day) || hour > 23 || minute > 59) return { ok: false, reason: 'invalid' };
  if (!dateTime[7]) return { ok: false, reason: 'noOffset' };
  const date = new Date(text.replace(' ', 'T').replace(/\s+/g, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'invalid' };
  return { ok: true, dateOnly: false, date };
}

function validCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const formatMemo = memo<string>();

/** "Rabu, 5 Juli 2023 pukul 13.00 WIB" — the byline form Indonesian portals use. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return formatMemo(`long|${locale}|${timeZone}|${date.getTime()}`, () => dateFormatter(intlLocale[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date));
}

/** "5 Juli 2023" — for listings and cards. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return formatMemo(`day|${locale}|${timeZone}|${date.getTime()}`, () =>
    dateFormatter(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date),
  );
}

/** An example date in the site's zone for error messages, e.g. `2023-07-05T13:00:00+07:00`. */
export function exampleDate(timeZone: string): string {
  return toZonedIso(zonedTimeToDate({ year: 2023, month: 7, day: 5, hour: 13 }, timeZone), timeZone);
}

/**
 * The build's "now": `WARTA_NOW` (an ISO date-time with offset) when set, so tests
 * and previews can fix time; otherwise the clock.
 */
export function resolveNow(env: Record<string, string | undefined> = process.env): Date {
  const raw = env.WARTA_NOW;
  if (!raw) return new Date();
  const parsed = parseDateInput(raw, 'UTC');
  if (!parsed.ok) {
    throw new Error(`WARTA_NOW="${raw}" is not an ISO date-time with an offset, e.g. 2023-07-05T13:00:00+07:00`);
  }
  return parsed.date;
}
