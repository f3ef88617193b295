/**
 * Dates in a newsroom are wall-clock times in the site's zone (WIB for Palembang).
 * Everything here goes through Intl so zone rules (and any future change to them)
 * come from the runtime's tz database, never from hand-kept offsets.
 */
import { intlLocale, type Locale } from '../i18n/translator.ts';
import { exampleDate, parseDateInput, timeZoneOffset, zonedTimeToDate, type DateInputResult } from '../schemas/date.ts';

// The parsing of frontmatter dates lives with their schema (schemas never import lib).
export { exampleDate, parseDateInput, timeZoneOffset, zonedTimeToDate, type DateInputResult };

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
