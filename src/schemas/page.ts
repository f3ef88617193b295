import { z } from 'zod';

/** A static page in `content/pages/` (Tentang Kami, Redaksi, Kontak…). */
export const PageSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** Order in the footer; lower first. */
  order: z.number().int().default(100),
  /** Show the newsroom's people (editors, reporters, photographers) under the text: the Redaksi page. */
  masthead: z.boolean().default(false),
  /**
   * This page is the site's comment rules (Pedoman Pemberitaan Media Siber §3a–c): the comment
   * form links it, and each comment records that its author accepted this version of it.
   */
  commentRules: z.boolean().default(false),
});
