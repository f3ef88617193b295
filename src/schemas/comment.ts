import { z } from 'zod';

/*
 * What a reader may send when posting a comment. Everything else about a comment
 * (status, dates, author kind) is set by the server, never taken from the request,
 * in the spirit of remark42's `PrepareUntrusted`.
 */

// C0 and C1 control characters except tab and newline; \r is folded into \n first.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi overrides let a name read differently from what is stored.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

const wellFormed = (s: string) => s.isWellFormed();

/** A single-line text field: trimmed, NFC, no control characters, no lone surrogates. */
function lineField(max: number) {
  return z
    .string()
    .refine(wellFormed, { message: 'contains invalid characters (broken UTF-16)' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'is required' })
        .max(max, { message: `is too long (at most ${max} characters)` })
        .refine((s) => !LINE_CONTROL.test(s), { message: 'contains control characters or line breaks' })
        .refine((s) => !BIDI.test(s), { message: 'contains bidirectional override characters' }),
    );
}

export interface CommentLimits {
  /** Longest comment text, in characters. */
  maxLength: number;
}

/** The comment form's fields, with the text limit the site configured. */
export function createCommentInputSchema(limits: CommentLimits) {
  return z.strictObject({
    /** Display name, shown with the comment. */
    name: lineField(80),
    /** Required like on WordPress ("Alamat email Anda tidak akan dipublikasikan"); never returned publicly. */
    email: z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.email({ message: 'is not a valid email address' }).max(254, { message: 'is too long' })),
    /** Optional homepage; http(s) only so no `javascript:` link is ever stored. Empty = none. */
    website: z
      .string()
      .max(200, { message: 'is too long (at most 200 characters)' })
      .transform((s) => s.trim())
      .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })]))
      .transform((s) => s || undefined)
      .optional(),
    /** The comment, plain text. Line breaks are kept; Windows line ends become \n. */
    text: z
      .string()
      .max(limits.maxLength * 2, { message: `is too long (at most ${limits.maxLength} characters)` })
      .refine(wellFormed, { message: 'contains invalid characters (broken UTF-16)' })
      .transform((s) => s.replace(/\r\n?/g, '\n').normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { message: 'is required' })
          .max(limits.maxLength, { message: `is too long (at most ${limits.maxLength} characters)` })
          .refine((s) => !CONTROL.test(s), { message: 'contains control characters' }),
      ),
    /** Id of the approved comment this one answers, on the same article. */
    parentId: z
      .string()
      .regex(/^[a-z0-9]{1,32}$/, { message: 'is not a comment id' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Signed timestamp from `GET /api/comments/:articleId/token`; required for JSON posts. */
    token: z.string().max(200, { message: 'is not a form token' }).optional(),
    /** Honeypot: hidden from people by CSS, so anything in it means a bot filled the form. */
    company: z.string().max(1000, { message: 'is too long' }).optional(),
  });
}

export const CommentInputSchema = createCommentInputSchema({ maxLength: 4000 });
export type CommentInput = z.output<typeof CommentInputSchema>;

/** A newsroom reply written on the moderation page. */
export const NewsroomReplySchema = z.strictObject({
  /** Reply text, plain like readers' comments. */
  text: CommentInputSchema.shape.text,
});

/** A privacy request: everything stored under one commenter's email. */
export const PrivacyRequestSchema = z.strictObject({
  /** The commenter's email, as they gave it. */
  email: CommentInputSchema.shape.email,
});
