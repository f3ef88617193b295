import { z } from 'zod';
import { CommentInputSchema, lineField } from './comment.ts';
import { ID_MAX_LENGTH } from './id.ts';

/*
 * A reader's complaint ("Laporkan") about a story or one of its comments, under the
 * Dewan Pers guideline for online media (Pedoman Pemberitaan Media Siber §3e–h, §4):
 * the newsroom must act on it within 2×24 hours. Everything else about a complaint
 * (status, dates, resolution) is set by the server.
 */

/** Why a reader complains; the labels live in src/i18n under `complaints.reason.*`. */
export const COMPLAINT_REASONS = ['fitnah', 'sara', 'pornografi', 'kekerasan', 'data-pribadi', 'lainnya'] as const;
export type ComplaintReason = (typeof COMPLAINT_REASONS)[number];

/** The guideline's "2×24 jam", in milliseconds. */
export const COMPLAINT_DEADLINE_MS = 48 * 60 * 60 * 1000;

const reasonList = COMPLAINT_REASONS.join(', ');

export const ComplaintInputSchema = z.strictObject({
  /** The story complained about, or the story the reported comment is on. */
  articleId: z.string().min(1, { message: 'is required' }).max(ID_MAX_LENGTH, { message: 'is too long' }),
  /** The reported comment; empty or absent when the story itself is reported. */
  commentId: z
    .string()
    .regex(/^[a-z0-9]{1,32}$/, { message: 'is not a comment id' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  reason: z.enum(COMPLAINT_REASONS, { message: `must be one of ${reasonList}` }),
  /** What is wrong, plain text like a comment. */
  text: CommentInputSchema.shape.text,
  /** How the newsroom may answer (email or phone); never published, never returned by the public API. */
  contact: z
    .union([z.literal(''), lineField(200)])
    .transform((s) => s || undefined)
    .optional(),
  /** Signed timestamp from `GET /api/comments/:articleId/token`; required for JSON posts. */
  token: CommentInputSchema.shape.token,
  /** Honeypot, as on the comment form. */
  company: CommentInputSchema.shape.company,
});
export type ComplaintInput = z.output<typeof ComplaintInputSchema>;

/** How an editor settles a complaint: hide the comment, mark the story for correction, or reject it. */
export const COMPLAINT_ACTIONS = ['hide', 'correct', 'reject'] as const;

export const ComplaintResolutionSchema = z.strictObject({
  action: z.enum(COMPLAINT_ACTIONS, { message: `must be one of ${COMPLAINT_ACTIONS.join(', ')}` }),
  /** The editor's note for the audit trail. */
  note: z
    .union([z.literal(''), CommentInputSchema.shape.text])
    .transform((s) => s || undefined)
    .optional(),
});
