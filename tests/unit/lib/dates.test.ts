import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseDateInput, resolveNow, toZonedIso, zonedTimeToDate } from '../../../src/lib/dates.ts';

const WIB = 'Asia/Jakarta';

describe('reading frontmatter dates', () => {
  it('keeps the instant of a date-time written with an offset', () => {
    const r = parseDateInput('2023-07-05T13:00:00+07:00', WIB);
    expect(r.ok && r.date.toISOString()).toBe('2023-07-05T06:00:00.000Z');
  });

  it('reads a date-only value as midnight of that day in the site zone', () => {
    const r = parseDateInput('2023-07-05', WIB);
    expect(r.ok && toZonedIso(r.date, WIB)).toBe('2023-07-05T00:00:00+07:00');
  });

  it('reads a date-only value that YAML already turned into UTC midnight the same way', () => {
    const r = parseDateInput(new Date('2023-07-05T00:00:00Z'), WIB);
    expect(r.ok && toZonedIso(r.date, WIB)).toBe('2023-07-05T00:00:00+07:00');
  });

  it('refuses a date-time without an offset, saying the offset is what is missing', () => {
    expect(parseDateInput('2023-07-05 13:00:00', WIB)).toEqual({ ok: false, reason: 'noOffset' });
    expect(parseDateInput('2023-07-05T13:00', WIB)).toEqual({ ok: false, reason: 'noOffset' });
  });

  it('refuses text and impossible calendar days', () => {
    expect(parseDateInput('kemarin sore', WIB)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('2023-02-30', WIB)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('2023-07-05T25:00:00+07:00', WIB)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('showing dates', () => {
  const date = new Date('2023-07-05T06:00:00Z');

  it('formats the byline date in Indonesian with the WIB zone name', () => {
    expect(formatDateTime(date, 'id', WIB)).toBe('Rabu, 5 Juli 2023 pukul 13.00 WIB');
  });

  it('formats the byline date in English when the site is English', () => {
    expect(formatDateTime(date, 'en', WIB)).toMatch(/^Wednesday, 5 July 2023 at 13:00 GMT\+7$/);
  });

  it('formats listing dates without the time', () => {
    expect(formatDate(date, 'id', WIB)).toBe('5 Juli 2023');
  });

  it('emits ISO dates with the zone offset rather than Z', () => {
    expect(toZonedIso(date, WIB)).toBe('2023-07-05T13:00:00+07:00');
    expect(toZonedIso(date, 'Asia/Makassar')).toBe('2023-07-05T14:00:00+08:00');
  });

  it('finds the instant of a wall-clock time in a zone', () => {
    expect(zonedTimeToDate({ year: 2023, month: 8, day: 1, hour: 0, minute: 30 }, WIB).toISOString()).toBe('2023-07-31T17:30:00.000Z');
  });
});

describe('the build clock', () => {
  it('uses WARTA_NOW when it is set', () => {
    expect(resolveNow({ WARTA_NOW: '2026-11-27T21:00:00+07:00' }).toISOString()).toBe('2026-11-27T14:00:00.000Z');
  });

  it('stops with a clear message when WARTA_NOW is not a date-time with offset', () => {
    expect(() => resolveNow({ WARTA_NOW: 'besok' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: WARTA_NOW="besok" is not an ISO date-time with an offset, e.g. 2023-07-05T13:00:00+07:00]`,
    );
  });
});
