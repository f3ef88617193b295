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
export function lineField(max: number) {
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

/** A site path or an http(s) URL, no spaces or control characters: what the form's hidden `rules` field holds. */
const RULES_REF = /^(https?:\/\/[A-Za-z0-9.:[\]-]+)?\/[A-Za-z0-9._~\/-]*(\?v=[A-Za-z0-9_-]{1,64})?$/;

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
    /**
     * The reader ticked "Saya menyetujui aturan komentar" (Pedoman Pemberitaan Media Siber §3a–c).
     * `true` in JSON; a ticked checkbox posts `on`. Required: the service answers 422 without it.
     */
    acceptRules: z
      .union([z.boolean(), z.enum(['on', 'true', '1']).transform(() => true)], { message: 'must be true (the reader ticked the rules box)' })
      .optional(),
    /** Which rules were accepted: the rules page's address with its version, as the form carries it (`/aturan-komentar/?v=3f9a1c2b0d`). */
    rules: z
      .union([z.literal(''), z.string().max(300, { message: 'is too long (at most 300 characters)' }).regex(RULES_REF, { message: 'is not the address of a rules page (e.g. /aturan-komentar/?v=3f9a1c2b0d)' })])
      .transform((s) => s || undefined)
      .optional(),
    /** The signed proof that this browser confirmed this email before: `emailProof` of `POST /api/email-verification`. */
    emailProof: z.string().max(200, { message: 'is not a verification token' }).regex(/^[A-Za-z0-9._-]*$/, { message: 'is not a verification token' }).optional(),
  });
}


export const CommentInputSchema = createCommentInputSchema({ maxLength: 4000 });
export type CommentInput = z.output<typeof CommentInputSchema>;

/** A newsroom reply written on the moderation page. */
export const NewsroomReplySchema = z.strictObject({
  /** Reply text, plain like readers' comments. */
  text: CommentInputSchema.shape.text,
});

/** Opening the link of a comment's confirmation mail: the one-time token from its query. */
export const EmailVerificationSchema = z.strictObject({
  /** 32 random bytes, base64url (43 characters), as the mailed link carries them. */
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a confirmation token; copy the whole link from the mail' }),
});

/** A privacy request: everything stored under one commenter's email. */
export const PrivacyRequestSchema = z.strictObject({
  /** The commenter's email, as they gave it. */
  email: CommentInputSchema.shape.email,
});
