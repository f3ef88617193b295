import { z } from 'zod';
import { TimeZoneSchema } from './time-zone.ts';
import { AdsSchema } from './ads.ts';

/** The one site configuration file, `content/site.yaml`. */
export const SiteSchema = z.strictObject({
  /** Portal name as readers know it, e.g. "Liputan ABN". */
  name: z.string().min(1),
  /** Short line under the logo. */
  tagline: z.string().optional(),
  /** Default meta description for pages without their own. */
  description: z.string().min(1),
  /** Public origin of the site, e.g. "https://liputanabn.com". Used for canonical URLs and feeds. */
  url: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  /** UI language: `id` (Indonesian, default) or `en`. */
  locale: z.enum(['id', 'en']).default('id'),
  /** IANA zone in which dates are written and shown; WIB by default. */
  timeZone: TimeZoneSchema,
  /** First part of the dateline, "Liputan ABN" in "Liputan ABN | PALEMBANG –". */
  datelineLabel: z.string().min(1),
  /**
   * Article URL pattern. Tokens: `:year`, `:month`, `:day` (in the site's zone), `:slug` (the article id),
   * `:category`. Portals moving from WordPress keep theirs, e.g. `/:year/:month/:day/:slug/`.
   */
  permalink: z
    .string()
    .regex(/^\/.*:slug.*\/$/, { message: 'must start and end with "/" and contain ":slug", e.g. /:year/:month/:slug/' })
    .default('/:year/:month/:slug/'),
  /** Logo in `public/`, shown in the header and used as the publisher logo in JSON-LD. */
  logo: z
    .strictObject({
      src: z.string().startsWith('/'),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    })
    .optional(),
  /** Links to the portal's social accounts, shown in the footer. */
  social: z
    .strictObject({
      facebook: z.url().optional(),
      instagram: z.url().optional(),
      x: z.url().optional(),
      youtube: z.url().optional(),
      tiktok: z.url().optional(),
      whatsapp: z.url().optional(),
    })
    .default({}),
  /** Stories per listing page. */
  pageSize: z.number().int().min(1).max(100).default(20),
  /** Ad slots; none configured means no ad code and no empty boxes. */
  ads: AdsSchema.default({ slots: [] }),
  /** Live coverage (stories with `live:`). */
  live: z
    .strictObject({
      /**
       * How often an open live page asks for new updates, in seconds. Each ask is one small
       * static file per reader, so the host's traffic grows with readers divided by this.
       */
      pollSeconds: z.number().int().min(1).max(600).default(45),
    })
    .default({ pollSeconds: 45 }),
  /** Installable app and offline reading. */
  app: z
    .strictObject({
      /** Short name under the home-screen icon (12 characters or fewer shows in full). */
      shortName: z.string().min(1).max(24).optional(),
      /** Browser UI colour. */
      themeColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#b3121b'),
      backgroundColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#ffffff'),
      /** How many opened pages the service worker keeps for offline reading. */
      offlinePages: z.number().int().min(1).max(200).default(20),
    })
    .default({ themeColor: '#b3121b', backgroundColor: '#ffffff', offlinePages: 20 }),
});

export type SiteInput = z.input<typeof SiteSchema>;
export type Site = z.output<typeof SiteSchema>;
