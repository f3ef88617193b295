import { z } from 'zod';

/**
 * A publication date as journalists write it: `2023-07-05T13:00:00+07:00`.
 * Date-only values mean that day in the site's zone; date-times must carry an
 * offset, because YAML reads `2023-07-05 13:00:00` as UTC, which is not what a
 * journalist in Palembang means. Issues carry `params.code` so the error map
 * can explain the fix in the site's language.
 */
export function dateSchema(timeZone: string) {
  return z.unknown().transform((value, ctx) => {
    if (value === undefined || value === null || value === '') {
      ctx.addIssue({ code: 'custom', message: 'required', params: { code: 'required' } });
      return z.NEVER;
    }
    const parsed = parseDateInput(value, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.reason === 'noOffset' ? 'date without offset' : 'unparseable date',
        params: { code: parsed.reason === 'noOffset' ? 'dateNoOffset' : 'dateInvalid', value: String(value), example: exampleDate(timeZone) },
      });
      return z.NEVER;
    }
    return parsed.date;
  });
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 / RFC 3339 date-time; the offset group is optional so we can say
// "missing offset" rather than "unparseable" when a journalist forgets it.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export type DateInputResult =
  | { ok: true; date: Date; dateOnly: boolean }
  | { ok: false; reason: 'noOffset' | 'invalid' };

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) offsetFormatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  return formatter;
}

/** Minutes east of UTC that `timeZone` observes at `date`. */
export function timeZoneOffset(date: Date, timeZone: string): number {
  const part = offsetFormatter(timeZone)
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = part?.match(/GMT([+-])(\d{2}):(\d{2})/);
  if (!match) return 0; // "GMT" alone means UTC
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
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

/** An example date in the site's zone for error messages, e.g. `2023-07-05T13:00:00+07:00`. */
export function exampleDate(timeZone: string): string {
  const offset = timeZoneOffset(zonedTimeToDate({ year: 2023, month: 7, day: 5, hour: 13 }, timeZone), timeZone);
  const hhmm = (n: number) => String(Math.trunc(n)).padStart(2, '0');
  return `2023-07-05T13:00:00${offset < 0 ? '-' : '+'}${hhmm(Math.abs(offset) / 60)}:${hhmm(Math.abs(offset) % 60)}`;
}
