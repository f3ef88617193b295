import { NewsroomReplySchema, PrivacyRequestSchema } from '../../schemas/comment.ts';
import type { CommentRecord, CommentStatus } from '../storage/storage.ts';
import type { ServiceContext } from './context.ts';
import { ApiError } from './errors.ts';
import { newId } from './ids.ts';
import { parseInput } from './input-error.ts';
import { shortHash } from './keys.ts';

export type ModerationAction = 'approve' | 'reject' | 'spam';
const TARGET: Record<ModerationAction, CommentStatus> = { approve: 'approved', reject: 'rejected', spam: 'spam' };

/** Editor-only operations. Every change writes an audit entry naming the editor. */
export function createModerationService(ctx: ServiceContext) {
  const audit = (editor: string, action: string, commentId: string | null, detail: Record<string, unknown>) =>
    ctx.storage.appendAudit({ id: newId(ctx.clock()), at: ctx.clock().toISOString(), editor, action, commentId, detail });

  const requireComment = async (id: string): Promise<CommentRecord> => {
    const comment = /^[a-z0-9]{1,32}$/.test(id) ? await ctx.storage.getComment(id) : undefined;
    if (!comment) throw new ApiError(404, 'unknown_comment', `no comment has the id "${id.slice(0, 40)}"`);
    return comment;
  };

  return {
    async list(query: { status: CommentStatus; articleId?: string; limit: number; offset: number }) {
      const [items, total] = await Promise.all([
        ctx.storage.listComments({ ...query, order: 'desc' }),
        ctx.storage.countComments({ status: query.status, articleId: query.articleId }),
      ]);
      const withTitles = await Promise.all(items.map(async (c) => ({ ...c, articleTitle: (await ctx.catalog.get(c.articleId))?.title ?? null })));
      return { status: query.status, total, items: withTitles };
    },

    async moderate(editor: string, id: string, action: ModerationAction) {
      const comment = await requireComment(id);
      const to = TARGET[action];
      await ctx.storage.setCommentStatus(id, to, editor, ctx.clock().toISOString());
      await audit(editor, action, id, { from: comment.status, to, articleId: comment.articleId });
      return { id, status: to };
    },

    async remove(editor: string, id: string) {
      const comment = await requireComment(id);
      await ctx.storage.deleteComment(id);
      await audit(editor, 'delete', id, { status: comment.status, articleId: comment.articleId });
      return { id, deleted: true };
    },

    async reply(editor: string, parentId: string, raw: unknown) {
      const parent = await requireComment(parentId);
      if (parent.status !== 'approved') throw new ApiError(409, 'parent_not_approved', 'approve the comment before replying to it');
      const input = parseInput(NewsroomReplySchema, raw);
      const now = ctx.clock();
      const reply: CommentRecord = {
        id: newId(now),
        articleId: parent.articleId,
        parentId,
        authorName: ctx.settings.newsroomName,
        authorEmail: null,
        authorWebsite: null,
        authorKind: 'newsroom',
        text: input.text,
        status: 'approved',
        createdAt: now.toISOString(),
        moderatedAt: now.toISOString(),
        moderatedBy: editor,
        rulesAccepted: null,
      };
      await ctx.storage.insertComment(reply);
      await audit(editor, 'reply', reply.id, { parentId, articleId: parent.articleId });
      return { id: reply.id, status: reply.status };
    },

    /**
     * Everything stored under one email, for a reader's access request: the comments (each
     * with the rules its author accepted, and when) and the confirmation links mailed to it
     * (their dates; the token hashes open nothing and are left out).
     */
    async exportByEmail(editor: string, raw: unknown) {
      const { email } = parseInput(PrivacyRequestSchema, raw);
      const [comments, links] = await Promise.all([ctx.storage.commentsByEmail(email), ctx.storage.emailVerificationsByEmail(email)]);
      const verifications = links.map(({ commentId, createdAt, expiresAt, usedAt }) => ({ commentId, createdAt, expiresAt, usedAt }));
      // The audit keeps a hash, not the address: the log must not undo an erasure.
      await audit(editor, 'privacy-export', null, { email: shortHash(email), count: comments.length, verifications: verifications.length });
      return { email, comments, verifications };
    },

    /** Erases the address everywhere it is stored: comments, confirmation links, and the contact line of complaints. */
    async deleteByEmail(editor: string, raw: unknown) {
      const { email } = parseInput(PrivacyRequestSchema, raw);
      const deleted = await ctx.storage.deleteCommentsByEmail(email);
      const verifications = await ctx.storage.deleteEmailVerificationsByEmail(email);
      const complaintContacts = await ctx.storage.clearComplaintContacts(email);
      await audit(editor, 'privacy-delete', null, { email: shortHash(email), count: deleted, verifications, complaintContacts });
      return { deleted, verifications, complaintContacts };
    },

    audit: (limit: number) => ctx.storage.listAudit(limit).then((entries) => ({ entries })),
  };
}
