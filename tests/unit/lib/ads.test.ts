import { describe, expect, it } from 'vitest';
import { AdsSchema } from '../../../src/schemas/ads.ts';
import { activeSlots, adScheduleDay } from '../../../src/lib/ads.ts';

const ads = AdsSchema.parse({
  adsense: { client: 'ca-pub-1234567890123456' },
  slots: [
    { id: 'leaderboard', placement: 'header', width: 728, height: 90, adsense: '1111111111' },
    { id: 'toko', placement: 'sidebar', width: 300, height: 250, banner: { image: '/iklan/toko.jpg', href: 'https://toko.example/', alt: 'Toko Ulu', start: '2026-11-01', end: '2026-11-30' } },
    { id: 'house', placement: 'sidebar', width: 300, height: 250, onAdvertorials: true, banner: { image: '/iklan/langganan.jpg', href: 'https://liputanabn.com/', alt: 'Langganan' } },
  ],
});
const WIB = 'Asia/Jakarta';

describe('ad slots', () => {
  it('runs a banner only between its start and end days in the site zone', () => {
    const lastDay = new Date('2026-11-30T16:59:00Z'); // 23:59 WIB on 30 November
    const dayAfter = new Date('2026-11-30T17:00:00Z'); // 00:00 WIB on 1 December
    expect(activeSlots(ads, 'sidebar', { now: lastDay, timeZone: WIB }).map((s) => s.id)).toEqual(['toko', 'house']);
    expect(activeSlots(ads, 'sidebar', { now: dayAfter, timeZone: WIB }).map((s) => s.id)).toEqual(['house']);
  });

  it('keeps other advertisers off advertorial articles', () => {
    const now = new Date('2026-11-15T00:00:00Z');
    expect(activeSlots(ads, 'sidebar', { now, timeZone: WIB, advertorial: true }).map((s) => s.id)).toEqual(['house']);
    expect(activeSlots(ads, 'header', { now, timeZone: WIB, advertorial: true })).toEqual([]);
  });

  it('shows AdSense units only when the publisher id is configured', () => {
    const now = new Date('2026-11-15T00:00:00Z');
    expect(activeSlots({ ...ads, adsense: undefined }, 'header', { now, timeZone: WIB })).toEqual([]);
    expect(activeSlots(ads, 'header', { now, timeZone: WIB })).toHaveLength(1);
  });

  it('refuses a slot with both an AdSense unit and a banner', () => {
    const result = AdsSchema.safeParse({ slots: [{ id: 'x', placement: 'header', width: 1, height: 1, adsense: '1', banner: { image: '/a.jpg', href: 'https://a.example/', alt: 'a' } }] });
    expect(result.success).toBe(false);
  });
});

describe('adScheduleDay', () => {
  const now = new Date('2026-11-27T18:30:00Z'); // 28 November 01:30 in Jakarta

  it('is the site-zone day when a banner has start or end days, so pages showing ads change with it', () => {
    expect(adScheduleDay(ads, now, 'Asia/Jakarta')).toBe('2026-11-28');
  });

  it('is empty when no banner is scheduled, so pages do not change from day to day', () => {
    const unscheduled = AdsSchema.parse({ slots: [{ id: 'a', placement: 'header', width: 728, height: 90, banner: { image: '/a.jpg', href: 'https://a.example/', alt: 'a' } }] });
    expect(adScheduleDay(unscheduled, now, 'Asia/Jakarta')).toBe('');
  });
});
