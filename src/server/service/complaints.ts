import { COMPLAINT_DEADLINE_MS, ComplaintInputSchema, ComplaintResolutionSchema } from '../../schemas/complaint.ts';
import { MESSAGES } from '../messages.ts';
import type { ComplaintRecord, ComplaintStatus } from '../storage/storage.ts';
import type { ServiceContext, Visitor } from './context.ts';
import { ApiError } from './errors.ts';
import { checkFormToken } from './form-token.ts';
import { newId } from './ids.ts';
import { parseInput } from './input-error.ts';
import type { createModerationService } from './moderation.ts';
import { enforceRateLimit } from './rate-limit.ts';
import { requireArticle } from './require-article.ts';

/**
 * Readers' complaints about a story or a comment, and the editors' queue of them.
 * The same defences as a comment (honeypot, form token for JSON, rate limit per
 * network) guard the public side; every resolution writes an audit entry.
 */
export function createComplaintService(ctx: ServiceContext, moderation: ReturnType<typeof createModerationService>) {
  const text = MESSAGES[ctx.settings.locale];

  return {
    /** The article comes from the body, so its errors name the field rather than a path. */
    async submit(raw: unknown, visitor: Visitor, options: { tokenRequired: boolean }) {
      const input = parseInput(ComplaintInputSchema, raw);
      const article = await requireArticle(ctx, input.articleId);
      if (input.company) throw new ApiError(400, 'honeypot', 'company: this field must stay empty');
      if (input.token !== undefined || options.tokenRequired) {
        if (!input.token) throw new ApiError(400, 'token_required', 'token: required; get one from GET /api/comments/:articleId/token when the form is shown');
        const check = checkFormToken(ctx.settings.secret, article.id, input.token, ctx.clock(), ctx.settings.comments.minSeconds);
        if (!check.ok && check.reason === 'too_fast') {
          throw new ApiError(429, 'too_fast', `sent too quickly after the form was shown; wait ${check.wait} seconds`, { retryAfter: check.wait });
        }
        if (!check.ok) throw new ApiError(400, 'bad_token', check.reason === 'expired' ? 'token: expired; reload the page' : 'token: is not valid for this article');
      }
      if (input.commentId) {
        const comment = await ctx.storage.getComment(input.commentId);
        // Only what readers can see can be reported; anything else would reveal held comments.
        if (!comment || comment.articleId !== article.id || comment.status !== 'approved') {
          throw new ApiError(422, 'unknown_comment', 'commentId: no published comment with this id on this article');
        }
      }
      await enforceRateLimit(ctx, 'complaint', visitor.ip, ctx.settings.comments.rateMax, ctx.settings.comments.rateWindowSeconds);
      const now = ctx.clock();
      const complaint: ComplaintRecord = {
        id: newId(now),
        articleId: article.id,
        commentId: input.commentId ?? null,
        reason: input.reason,
        text: input.text,
        contact: input.contact ?? null,
        status: 'open',
        createdAt: now.toISOString(),
        resolution: null,
        note: null,
        resolvedBy: null,
        resolvedAt: null,
        correctionDoneAt: null,
        correctionDoneBy: null,
      };
      await ctx.storage.insertComplaint(complaint);
      ctx.log.info('complaint stored', { complaintId: complaint.id, articleId: article.id, commentId: complaint.commentId });
      return { article, result: { id: complaint.id, status: 'open' as const, message: text.complaintReceived } };
    },

    /** One status's complaints, oldest first, each with its deadline and whether it has passed. */
    async list(query: { status: ComplaintStatus; limit: number }) {
      const now = ctx.clock().getTime();
      const [items, total] = await Promise.all([ctx.storage.listComplaints(query), ctx.storage.countComplaints(query.status)]);
      const withDeadlines = await Promise.all(
        items.map(async (c) => {
          const deadline = Date.parse(c.createdAt) + COMPLAINT_DEADLINE_MS;
          const comment = c.commentId ? await ctx.storage.getComment(c.commentId) : undefined;
          return {
            ...c,
            articleTitle: (await ctx.catalog.get(c.articleId))?.title ?? null,
            // The reported words, so the editor judges them without leaving the queue.
            commentText: comment?.text ?? null,
            commentAuthor: comment?.authorName ?? null,
            commentStatus: comment?.status ?? null,
            deadline: new Date(deadline).toISOString(),
            msLeft: deadline - now,
            overdue: c.status === 'open' && now > deadline,
          };
        }),
      );
      return { status: query.status, total, now: new Date(now).toISOString(), items: withDeadlines };
    },

    /**
     * Stories an editor marked for correction whose correction is not reported done: the
     * resolution alone changes no page, so the list stays in view until someone publishes it.
     */
    async owedCorrections(limit: number) {
      const items = await ctx.storage.listOwedCorrections(limit);
      return {
        items: await Promise.all(
          items.map(async (c) => ({
            id: c.id,
            articleId: c.articleId,
            articleTitle: (await ctx.catalog.get(c.articleId))?.title ?? null,
            reason: c.reason,
            text: c.text,
            note: c.note,
            resolvedBy: c.resolvedBy,
            resolvedAt: c.resolvedAt,
          })),
        ),
      };
    },

    async correctionDone(editor: string, id: string) {
      const complaint = /^[a-z0-9]{1,32}$/.test(id) ? await ctx.storage.getComplaint(id) : undefined;
      if (!complaint) throw new ApiError(404, 'unknown_complaint', `no complaint has the id "${id.slice(0, 40)}"`);
      const at = ctx.clock().toISOString();
      if (!(await ctx.storage.markCorrectionDone(id, editor, at))) {
        throw new ApiError(409, 'no_correction_owed', complaint.correctionDoneAt ? `this correction was already reported done by ${complaint.correctionDoneBy ?? 'an editor'}` : 'this complaint was not resolved with "correct"');
      }
      await ctx.storage.appendAudit({ id: newId(ctx.clock()), at, editor, action: 'correction-done', commentId: null, detail: { complaintId: id, articleId: complaint.articleId } });
      return { id, correctionDone: true };
    },

    async resolve(editor: string, id: string, raw: unknown) {
      const input = parseInput(ComplaintResolutionSchema, raw);
      const complaint = /^[a-z0-9]{1,32}$/.test(id) ? await ctx.storage.getComplaint(id) : undefined;
      if (!complaint) throw new ApiError(404, 'unknown_complaint', `no complaint has the id "${id.slice(0, 40)}"`);
      if (complaint.status !== 'open') throw new ApiError(409, 'already_resolved', `this complaint was already ${complaint.status} by ${complaint.resolvedBy ?? 'an editor'}`);
      if (input.action === 'hide' && !complaint.commentId) throw new ApiError(422, 'not_a_comment', 'action: hide is for complaints about a comment; use correct or reject');
      // Hiding is the moderation queue's own "reject", with its own audit entry; it comes
      // first, so a failure leaves the complaint open rather than settled with the comment up.
      // A comment deleted meanwhile is hidden already.
      if (input.action === 'hide' && complaint.commentId) {
        await moderation.moderate(editor, complaint.commentId, 'reject').catch((e: unknown) => {
          if (!(e instanceof ApiError && e.status === 404)) throw e;
        });
      }
      const status = input.action === 'reject' ? 'rejected' : 'resolved';
      const at = ctx.clock().toISOString();
      if (!(await ctx.storage.resolveComplaint(id, { status, resolution: input.action, note: input.note ?? null, by: editor, at }))) {
        throw new ApiError(409, 'already_resolved', 'another editor resolved this complaint a moment ago');
      }
      await ctx.storage.appendAudit({
        id: newId(ctx.clock()),
        at,
        editor,
        action: `complaint-${input.action}`,
        commentId: complaint.commentId,
        detail: { complaintId: id, articleId: complaint.articleId, reason: complaint.reason, ...(input.note ? { note: input.note } : {}) },
      });
      return { id, status, resolution: input.action };
    },
  };
}
