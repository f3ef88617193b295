import { z } from 'zod';

export const RoleSchema = z.enum(['reporter', 'editor', 'photographer']);

/** A person in `content/people/<id>.yaml`; the file name is the id. */
export const PersonSchema = z.strictObject({
  /** Full name shown in bylines, e.g. "Bolok". */
  name: z.string().min(1),
  /** Reporter code printed at the end of stories, e.g. "Bolok" in "( Bolok )". */
  code: z.string().min(1),
  /** What the person does in the newsroom; editors and reporters share one registry. */
  roles: z.array(RoleSchema).min(1),
  /** One or two sentences for the person page. */
  bio: z.string().optional(),
  /** Photo in `public/` (starts with "/") or a full URL. */
  photo: z.string().optional(),
});

export type Person = z.output<typeof PersonSchema> & { id: string };
