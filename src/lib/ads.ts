/**
 * Which ad slots a page shows. Pure: the build time and the article's advertorial
 * flag decide; components only render what this returns.
 */
import type { AdSlot, Ads } from '../schemas/ads.ts';
import { zonedParts } from './dates.ts';

export interface AdContext {
  now: Date;
  timeZone: string;
  /** The page is a paid (advertorial) article. */
  advertorial?: boolean;
}

/** `YYYY-MM-DD` of `now` in the site's zone, to compare with banner start/end days. */
function today(now: Date, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The day that decides which banners run, or '' when no banner has start or end days:
 * pages showing ads change with it (a key for incremental builds, see page-keys.ts).
 */
export function adScheduleDay(ads: Ads, now: Date, timeZone: string): string {
  return ads.slots.some((slot) => slot.banner?.start || slot.banner?.end) ? today(now, timeZone) : '';
}

/** Slots for a placement that have something to show on this page. */
export function activeSlots(ads: Ads, placement: AdSlot['placement'], ctx: AdContext): AdSlot[] {
  const day = today(ctx.now, ctx.timeZone);
  return ads.slots.filter((slot) => {
    if (slot.placement !== placement) return false;
    if (ctx.advertorial && !slot.onAdvertorials) return false;
    if (slot.adsense) return Boolean(ads.adsense);
    const banner = slot.banner!;
    return (!banner.start || banner.start <= day) && (!banner.end || day <= banner.end);
  });
}
