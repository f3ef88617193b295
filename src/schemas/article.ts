import { z } from 'zod';
import { dateSchema } from './date.ts';

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item));

const isRemote = (src: string) => /^https?:\/\//.test(src);

/** How an AI tool took part: it made the thing, or it changed a human's work. */
export const AI_USES = ['generated', 'edited'] as const;
const aiUse = z.enum(AI_USES);

interface ArticleSchemaOptions<Image extends z.ZodType> {
  /** The site's zone, for date-only values. */
  timeZone: string;
  /**
   * Validates a local cover path. Astro passes its `image()` helper so local
   * covers go through `astro:assets`; CLIs pass a plain string check.
   */
  localImage?: Image;
}

function coverSchema<Image extends z.ZodType>(localImage: Image) {
  return z
    .strictObject({
      /** `./file.jpg` beside the article (optimised by astro:assets) or an https URL. */
      src: z.union([z.url({ protocol: /^https?$/ }), localImage]),
      /** Describes the picture for readers who cannot see it. Required. */
      alt: z.string().trim().min(1),
      caption: z.string().optional(),
      credit: z.string().optional(),
      /** Remote images are never fetched at build time, so their size must be given. */
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    })
    .superRefine((c, ctx) => {
      const src = (c as { src?: unknown }).src;
      if (typeof src === 'string' && isRemote(src)) {
        for (const key of ['width', 'height'] as const) {
          if (c[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required', params: { code: 'required' } });
        }
      }
    });
}

/**
 * Every field but the cover, built once per time zone: Astro calls a collection's schema
 * function once per entry (its `image()` helper is bound to the entry's file), and building
 * the whole object each time cost 6.8 s of a 10,000-article build (profiled).
 */
const baseSchemas = new Map<string, ReturnType<typeof baseSchema>>();
function baseSchema(timeZone: string) {
  return z.strictObject({
    /** Headline, shown as the page's h1. */
    title: z.string().trim().min(1),
    /**
     * A shorter headline for search results and shares (the page's `<title>`, `og:title` and the
     * JSON-LD headline) when `title` is longer than search engines show, as Yoast's "SEO title" does
     * on WordPress. The page itself keeps `title`.
     */
    seoTitle: z.string().trim().min(1).max(110).optional(),
    /** Publication time, with offset: `2023-07-05T13:00:00+07:00`. Future dates are scheduled. */
    date: dateSchema(timeZone),
    /** Last substantive update; shown as "Diperbarui …" and used as `dateModified`. */
    updated: dateSchema(timeZone).optional(),
    /**
     * Location id from `content/locations.yaml`; gives the dateline. Optional: a story
     * without one (an opinion piece, a story imported without a dateline) prints none.
     */
    location: z.string().trim().min(1).optional(),
    /** Reporter id, or a list of ids for a co-byline. */
    reporter: oneOrMany(z.string().trim().min(1)).pipe(z.array(z.string()).min(1)),
    /** Editor id from `content/people/`. */
    editor: z.string().trim().min(1),
    /** Photographer: a person id, or free text such as "Humas Polda Sumsel". */
    photographer: z.string().min(1).optional(),
    /** Category id from `content/categories.yaml`. */
    category: z.string().trim().min(1),
    /** Free-text tags; each gets a page at /tag/<slug>/. */
    tags: oneOrMany(z.string().trim().min(1)).default([]),
    /** One-sentence summary; when absent the first paragraph is used. */
    summary: z.string().trim().min(1).optional(),
    /** Cover image; `alt` is required. Remote covers need `width` and `height`. */
    cover: z.never().optional(), // replaced per entry, see articleSchema
    /** Not published; shown with a DRAFT banner in `npm run dev`. */
    draft: z.boolean().default(false),
    /** Candidate for the front page's headline slot. */
    headline: z.boolean().default(false),
    /** Shown in the breaking-news ticker for 24 hours after publication. */
    breaking: z.boolean().default(false),
    /** Paid content: labelled "Advertorial" as the press council's cyber-media guideline requires. */
    advertorial: z.boolean().default(false),
    /**
     * Corrections, oldest first; each shows as a dated "Koreksi" notice and becomes a
     * schema.org CorrectionComment (the press council's guideline asks for visible corrections).
     */
    corrections: z.array(z.strictObject({ date: dateSchema(timeZone), text: z.string().trim().min(1) })).default([]),
    /** Id of the "Hak Jawab" (right of reply) article that answers this one; both pages link each other. */
    rightOfReply: z.string().trim().min(1).optional(),
    /**
     * Retraction: the URL stays alive with a notice in place of the body, and the
     * article leaves listings, feeds, search and the API.
     */
    retracted: z.strictObject({ date: dateSchema(timeZone), reason: z.string().trim().min(1) }).optional(),
    /**
     * `pending`: urgent news published before it could be verified, as the press council's
     * guideline for online media allows (Pedoman Pemberitaan Media Siber 2012, 2c): the page
     * ends with the guideline's note, in parentheses and italics. Keep it after verification:
     * the follow-up that declares `verifies:` turns the note into a link to the verified account.
     */
    verification: z.literal('pending').optional(),
    /** Id of the `verification: pending` story this follow-up verifies (guideline 2d); both pages link each other. */
    verifies: z.string().trim().min(1).optional(),
    /**
     * Artificial intelligence in the story, labelled as the press council's 2025 regulation on AI
     * in journalism asks: `generated` (made by an AI tool) or `edited` (a human's work changed
     * with one), for the text and for the cover image. Shown on the page, on cards, in the
     * JSON-LD (schema.org digitalSourceType) and in the feeds.
     */
    ai: z.strictObject({ text: aiUse.optional(), cover: aiUse.optional() }).optional(),
    /**
     * Live coverage: `start` and `end` of the coverage, with offsets. Updates are written in the
     * body, one `:::update[Headline]{time="…"}` block each; the page shows them newest first,
     * fetches new ones while live, and is published as a schema.org LiveBlogPosting.
     */
    live: z
      .strictObject({ start: dateSchema(timeZone), end: dateSchema(timeZone) })
      .superRefine((live, ctx) => {
        if (live.end.getTime() <= live.start.getTime()) {
          ctx.addIssue({ code: 'custom', path: ['end'], message: 'end before start', params: { code: 'liveEndBeforeStart' } });
        }
      })
      .optional(),
    /** Old URL paths (e.g. from WordPress) that redirect here. */
    aliases: z.array(z.string().regex(/^\//, { message: 'must be a path starting with "/"' })).default([]),
  });
}

/**
 * Frontmatter of an article in `content/articles/YYYY/MM/<id>.md(x)`.
 * Unknown fields are errors: a typo such as `reporte:` must not silently drop a byline.
 */
export function articleSchema<Image extends z.ZodType = z.ZodString>({ timeZone, localImage = z.string() as unknown as Image }: ArticleSchemaOptions<Image>) {
  let base = baseSchemas.get(timeZone);
  if (!base) baseSchemas.set(timeZone, (base = baseSchema(timeZone)));
  // `extend` keeps the field order (errors are reported in it) and reuses every other field's schema.
  // Cover image: `alt` is required; remote covers need `width` and `height`. Built only when
  // an entry has a cover: Astro calls this once per entry, and building it for each of
  // 10,000 stories was 1.5 s of the content sync (profiled).
  return base.extend({ cover: z.lazy(() => coverSchema(localImage)).optional() });
}

export type ArticleSchema = ReturnType<typeof articleSchema>;
export type ArticleData = z.output<ArticleSchema>;
export { isRemote };
