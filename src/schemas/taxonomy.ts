import { z } from 'zod';
import { idSchema as id } from './id.ts';

/** A section of the portal, listed in `content/categories.yaml`. */
export const CategorySchema = z.strictObject({
  id,
  /** Name in navigation and headings, e.g. "Hukum & Kriminal". */
  name: z.string().min(1),
  description: z.string().optional(),
});

/** A place stories come from, listed in `content/locations.yaml`. */
export const LocationSchema = z.strictObject({
  id,
  /** Name as shown on location pages, e.g. "Ogan Ilir". */
  name: z.string().min(1),
  /** Upper-case dateline form, e.g. "OGAN ILIR" in "Liputan ABN | OGAN ILIR –". */
  dateline: z.string().min(1).refine((s) => s === s.toUpperCase(), { message: 'must be upper case, e.g. PALEMBANG' }),
});

export type Category = z.output<typeof CategorySchema>;
export type Location = z.output<typeof LocationSchema>;
