import { createCommentInputSchema } from '../../schemas/comment.ts';
import { errorFields } from '../log.ts';
import { MESSAGES } from '../messages.ts';
import type { CommentRecord, CommentStatus } from '../storage/storage.ts';
import { akismetCheck } from './akismet.ts';
import type { ServiceContext, Visitor } from './context.ts';
import { countLinks } from './count-links.ts';
import { ApiError } from './errors.ts';
import { checkFormToken, issueFormToken } from './form-token.ts';
import { newId } from './ids.ts';
import { parseInput } from './input-error.ts';
import { createNotifier } from './notify.ts';
import { moderationStatus } from './comment-status.ts';
import { createEmailVerification } from './email-verification.ts';
import { enforceRateLimit } from './rate-limit.ts';
import { requireArticle } from './require-article.ts';
import { buildThread } from './thread.ts';

/** A thread cursor: the last top-level comment of a page, opaque to clients. */
const encodeCursor = (c: { createdAt: string; id: string }) => Buffer.from(`${c.createdAt}~${c.id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt = '', id = '', extra] = Buffer.from(cursor, 'base64url').toString().split('~');
  if (extra !== undefined || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(createdAt) || !/^[a-z0-9]{1,40}$/.test(id)) {
    throw new ApiError(400, 'invalid_cursor', 'after: is not a cursor from a previous page (use `next` as given)');
  }
  return { createdAt, id };
}

export function createCommentService(ctx: ServiceContext) {
  const schema = createCommentInputSchema({ maxLength: ctx.settings.comments.maxLength });
  const notify = createNotifier(ctx.settings, ctx.log, ctx.fetch);
  const text = MESSAGES[ctx.settings.locale];

  const verification = createEmailVerification(ctx);

  async function decideStatus(input: { email: string; spam: boolean; unsure: boolean; hold: boolean }): Promise<CommentStatus> {
    if (input.spam) return 'spam';
    if (input.hold) return 'unverified';
    if (input.unsure) return 'pending';
    return moderationStatus(ctx, input.email);
  }

  return {
    /**
     * One page of the approved thread: `limit` top-level comments with all their
     * replies, the true count of approved comments, and the cursor of the next page
     * (null on the last), so threads of any length can be read to the end.
     */
    async thread(articleId: string, page: { after?: string; limit: number }) {
      const article = await requireArticle(ctx, articleId);
      const after = page.after ? decodeCursor(page.after) : undefined;
      const [{ roots, replies, more }, count] = await Promise.all([
        ctx.storage.listThreadPage({ articleId, after, limit: page.limit }),
        ctx.storage.countComments({ articleId, status: 'approved' }),
      ]);
      const last = roots.at(-1);
      return { article, count, comments: buildThread([...roots, ...replies]), next: more && last ? encodeCursor(last) : null };
    },

    async token(articleId: string) {
      await requireArticle(ctx, articleId);
      return { token: issueFormToken(ctx.settings.secret, articleId, ctx.clock()), minSeconds: ctx.settings.comments.minSeconds };
    },

    /**
     * Order of checks: cheap and certain first (article, shape, honeypot, token,
     * links), then the database-backed rate limit, then the network call to Akismet.
     * `tokenRequired` is false for the no-JavaScript form, which cannot fetch a token.
     * `origin` is where the request came in, for the confirmation link when no site URL is set.
     */
    async submit(articleId: string, raw: unknown, visitor: Visitor, options: { tokenRequired: boolean; origin: string }) {
      const article = await requireArticle(ctx, articleId);
      const input = parseInput(schema, raw);
      if (input.company) throw new ApiError(400, 'honeypot', 'company: this field must stay empty');
      // Pedoman Pemberitaan Media Siber §3a–c: the reader accepts the site's comment rules with each comment.
      if (input.acceptRules !== true) {
        throw new ApiError(422, 'rules_not_accepted', 'acceptRules: accept the comment rules first; tick "Saya menyetujui aturan komentar" (JSON: "acceptRules": true, with the rules page in "rules")', {
          fields: [{ field: 'acceptRules', message: 'must be ticked to accept the comment rules' }],
        });
      }
      if (input.token !== undefined || options.tokenRequired) {
        if (!input.token) throw new ApiError(400, 'token_required', 'token: required; get one from GET /api/comments/:articleId/token when the form is shown');
        const check = checkFormToken(ctx.settings.secret, articleId, input.token, ctx.clock(), ctx.settings.comments.minSeconds);
        if (!check.ok && check.reason === 'too_fast') {
          throw new ApiError(429, 'too_fast', `sent too quickly after the form was shown; wait ${check.wait} seconds`, { retryAfter: check.wait });
        }
        if (!check.ok) throw new ApiError(400, 'bad_token', check.reason === 'expired' ? 'token: expired; reload the page' : 'token: is not valid for this article');
      }
      const links = countLinks(input.text);
      if (links > ctx.settings.comments.maxLinks) {
        throw new ApiError(422, 'too_many_links', `text: has ${links} links, at most ${ctx.settings.comments.maxLinks} allowed`);
      }
      if (input.parentId) {
        const parent = await ctx.storage.getComment(input.parentId);
        if (!parent || parent.articleId !== articleId || parent.status !== 'approved') {
          throw new ApiError(422, 'unknown_parent', 'parentId: no published comment with this id on this article');
        }
      }
      await enforceRateLimit(ctx, 'comment', visitor.ip, ctx.settings.comments.rateMax, ctx.settings.comments.rateWindowSeconds);
      const hold = verification.required(input.email, input.emailProof);
      if (hold) await verification.limit(visitor.ip, input.email);

      let verdict: 'spam' | 'ham' | 'unknown' | 'off' = 'off';
      if (ctx.settings.akismet) {
        const permalink = ctx.settings.siteUrl ? new URL(article.url, `${ctx.settings.siteUrl}/`).href : article.url;
        verdict = await akismetCheck(
          {
            ...ctx.settings.akismet,
            blog: ctx.settings.siteUrl ?? new URL(permalink, 'http://localhost').origin,
            ip: visitor.ip,
            userAgent: visitor.userAgent,
            referrer: visitor.referrer,
            permalink,
            author: input.name,
            email: input.email,
            website: input.website,
            text: input.text,
            lang: ctx.settings.locale,
          },
          ctx.fetch,
        );
        if (verdict === 'unknown') ctx.log.warn('akismet gave no verdict; comment held for moderation', { articleId });
      }

      const now = ctx.clock();
      const status = await decideStatus({ email: input.email, spam: verdict === 'spam', unsure: verdict === 'unknown', hold });
      const comment: CommentRecord = {
        id: newId(now),
        articleId,
        parentId: input.parentId ?? null,
        authorName: input.name,
        authorEmail: input.email,
        authorWebsite: input.website ?? null,
        authorKind: 'reader',
        text: input.text,
        status,
        createdAt: now.toISOString(),
        moderatedAt: null,
        moderatedBy: null,
        rulesAccepted: { rules: input.rules ?? null, at: now.toISOString() },
      };
      await ctx.storage.insertComment(comment);
      ctx.log.info('comment stored', { commentId: comment.id, articleId, status });
      if (status === 'unverified') {
        try {
          await verification.send({ ...comment, authorEmail: input.email }, article, options.origin);
        } catch (error) {
          // Without its mail the held comment could never be released: take it back and say so.
          await ctx.storage.deleteComment(comment.id);
          ctx.log.warn('confirmation mail failed', { commentId: comment.id, ...errorFields(error) });
          throw new ApiError(503, 'mail_failed', 'the confirmation mail could not be sent; your comment was not kept, try again in a few minutes', { retryAfter: 60 });
        }
      }
      if (status === 'pending' || status === 'approved') {
        await notify({ id: comment.id, articleId, articleTitle: article.title, articleUrl: article.url, authorName: comment.authorName, text: comment.text, status }).catch(
          (e: unknown) => ctx.log.warn('notification failed', errorFields(e)),
        );
      }
      // Spam is answered like any held comment: telling a spammer what tripped is a gift.
      const shown = status === 'approved' ? 'approved' : hold ? 'unverified' : 'pending';
      const message = shown === 'approved' ? text.approved : shown === 'unverified' ? text.unverified : text.pending;
      return { article, result: { id: comment.id, status: shown, message } };
    },
  };
}
