import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date such as 2026-12-31' });

/** A direct banner sold to a local business or a government notice. */
const BannerSchema = z.strictObject({
  /** Image in `public/` ("/iklan/toko.jpg") or an https URL. */
  image: z.string().min(1),
  /** Where a click goes. */
  href: z.url({ protocol: /^https?$/ }),
  /** Describes the advertisement for screen readers. */
  alt: z.string().min(1),
  /** First and last day the banner runs, in the site's zone; outside them the slot is empty. */
  start: isoDate.optional(),
  end: isoDate.optional(),
});

/** One ad slot: where it sits, how much room it reserves, and what fills it. */
export const AdSlotSchema = z
  .strictObject({
    /** Unique name, e.g. "leaderboard". */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /**
     * `header` (under the site header), `in-article` (after paragraph `after`),
     * `sidebar` (beside listings on wide screens), `listing` (between listing items, after item `after`).
     */
    placement: z.enum(['header', 'in-article', 'sidebar', 'listing']),
    /** Paragraph (in-article) or item (listing) after which the slot appears. */
    after: z.number().int().min(1).default(3),
    /** The box reserved before the ad loads, so nothing shifts (CSS pixels). */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** A Google AdSense unit id (data-ad-slot); needs `adsense.client`. */
    adsense: z.string().regex(/^\d+$/, { message: 'the numeric data-ad-slot id from AdSense' }).optional(),
    banner: BannerSchema.optional(),
    /**
     * Whether the slot may show on advertorial (paid) articles. Off by default: a paid
     * article must not carry a competitor's advertising.
     */
    onAdvertorials: z.boolean().default(false),
  })
  .refine((slot) => Boolean(slot.adsense) !== Boolean(slot.banner), { message: 'give either "adsense" or "banner", not both or neither' });

export const AdsSchema = z.strictObject({
  /** AdSense publisher id, e.g. "ca-pub-1234567890123456". */
  adsense: z.strictObject({ client: z.string().regex(/^ca-pub-\d+$/) }).optional(),
  slots: z.array(AdSlotSchema).default([]),
});

export type AdSlot = z.output<typeof AdSlotSchema>;
export type Ads = z.output<typeof AdsSchema>;
