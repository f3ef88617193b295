import { z } from 'zod';

/** A static page in `content/pages/` (Tentang Kami, Redaksi, Kontak…). */
export const PageSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** Order in the footer; lower first. */
  order: z.number().int().default(100),
  /** Show the newsroom's people (editors, reporters, photographers) under the text: the Redaksi page. */
  masthead: z.boolean().default(false),
});
