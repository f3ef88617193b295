import { describe, expect, test } from 'vitest';
import { commonOffset, offsetOf, wordpressDate, zoneForOffset } from '../../../../src/wordpress/plan/dates.ts';

describe("the export's own clock", () => {
  test('reads the blog offset from post_date and post_date_gmt', () => {
    expect(offsetOf('2012-01-19 23:05:24', '2012-01-19 15:05:24')).toBe(480);
    expect(offsetOf('2024-02-01 10:00:00', '0000-00-00 00:00:00')).toBeUndefined();
    expect(commonOffset(new Map([[480, 9], [420, 3]]))).toBe(480);
  });

  test("reads a draft's local date at the export's offset, not the site's zone", () => {
    expect(wordpressDate('0000-00-00 00:00:00', '2024-02-01 10:00:00', { timeZone: 'Asia/Jakarta', offsetMinutes: 480 })?.toISOString()).toBe('2024-02-01T02:00:00.000Z');
    expect(wordpressDate('0000-00-00 00:00:00', '2024-02-01 10:00:00', { timeZone: 'Asia/Jakarta' })?.toISOString()).toBe('2024-02-01T03:00:00.000Z');
    expect(wordpressDate('2024-02-01 02:00:00', 'ignored', { timeZone: 'Asia/Jakarta' })?.toISOString()).toBe('2024-02-01T02:00:00.000Z');
  });

  test('names a zone for the offset of a new site', () => {
    expect(zoneForOffset(420)).toBe('Asia/Jakarta');
    expect(zoneForOffset(480)).toBe('Asia/Makassar');
    expect(zoneForOffset(-420)).toBe('Etc/GMT+7');
    expect(zoneForOffset(330)).toBeUndefined();
  });
});
