import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EmailVerificationSchema } from '../../schemas/comment.ts';
import type { ArticleRef } from '../catalog/catalog.ts';
import { errorFields } from '../log.ts';
import { MESSAGES } from '../messages.ts';
import type { CommentRecord } from '../storage/storage.ts';
import { moderationStatus } from './comment-status.ts';
import type { ServiceContext } from './context.ts';
import { ApiError } from './errors.ts';
import { parseInput } from './input-error.ts';
import { derivedKey, hmac } from './keys.ts';
import { createNotifier } from './notify.ts';
import { enforceRateLimit } from './rate-limit.ts';
import { sendMail } from './smtp.ts';

/*
 * A verified email before a first comment (WARTA_COMMENT_VERIFY_EMAIL), for newsrooms
 * that apply the guideline's registration rule strictly (Pedoman Pemberitaan Media
 * Siber §3a). The held comment waits for a one-time link mailed to its address; the
 * link's token is random and only its hash is stored. Opening it gives the browser a
 * signed proof for that address, sent with later comments, so the same reader in the
 * same browser is not asked again; someone else typing that address is.
 */

/** Where the mailed link opens: a static page of the site whose script posts the token (a mail scanner's GET uses nothing). */
export const VERIFY_PAGE_PATH = '/verifikasi-komentar/';

/** How long a browser's proof is honoured: a reader who comes back within a year is not asked again. */
const PROOF_MAX_AGE_SECONDS = 365 * 24 * 3600;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

const proofSignature = (secret: string, email: string, issuedAt: number) =>
  hmac(derivedKey(secret, 'verified-email'), `${email}\n${issuedAt}`).subarray(0, 18).toString('base64url');

/** `issuedAt.signature`, bound to the address; the address itself is not in it (it sits in the browser's storage). */
export function issueEmailProof(secret: string, email: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${proofSignature(secret, email, issuedAt)}`;
}

export function checkEmailProof(secret: string, email: string, proof: string, now: Date): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{24})$/.exec(proof);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = now.getTime() / 1000 - issuedAt;
  if (age < -300 || age > PROOF_MAX_AGE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(proofSignature(secret, email, issuedAt)), Buffer.from(match[2]!));
}

export function createEmailVerification(ctx: ServiceContext) {
  const text = MESSAGES[ctx.settings.locale];
  const notify = createNotifier(ctx.settings, ctx.log, ctx.fetch);

  return {
    /** Whether this comment must wait for a link: the setting is on and the browser brings no proof for this address. */
    required(email: string, proof: string | undefined): boolean {
      if (!ctx.settings.comments.verifyEmail) return false;
      return !(proof && checkEmailProof(ctx.settings.secret, email, proof, ctx.clock()));
    },

    /**
     * The mail limits, checked before anything is stored: per network like comments, and per
     * address, so nobody can make the site mail one person over and over.
     */
    async limit(ip: string, email: string): Promise<void> {
      const { rateMax, rateWindowSeconds } = ctx.settings.comments;
      await enforceRateLimit(ctx, 'confirmation mail', ip, rateMax, rateWindowSeconds);
      await enforceRateLimit(ctx, 'confirmation mail', `address:${email}`, rateMax, rateWindowSeconds).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'rate_limited') {
          throw new ApiError(429, 'rate_limited', `too many confirmation mails to this address; try again in ${e.extra.retryAfter} seconds`, e.extra);
        }
        throw e;
      });
    },

    /** Stores the link's hash and mails the link; on a failed mail the link is dropped again and the error thrown. */
    async send(comment: CommentRecord & { authorEmail: string }, article: ArticleRef, origin: string): Promise<void> {
      const now = ctx.clock();
      const token = randomBytes(32).toString('base64url');
      const hours = ctx.settings.comments.verifyLinkHours;
      await ctx.storage.insertEmailVerification({
        tokenHash: tokenHash(token),
        email: comment.authorEmail,
        commentId: comment.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + hours * 3600_000).toISOString(),
        usedAt: null,
      });
      const link = new URL(`${VERIFY_PAGE_PATH}?token=${token}`, `${ctx.settings.siteUrl ?? origin}/`).href;
      const fill = (template: string) =>
        template.replace(/\{(\w+)\}/g, (_, k: string) => ({ title: article.title, name: comment.authorName, hours: String(hours), link })[k] ?? '');
      const smtp = ctx.settings.smtp!;
      try {
        await sendMail(smtp.url, { from: smtp.from, to: [comment.authorEmail], subject: fill(text.mailSubject), text: fill(text.mailBody) });
      } catch (error) {
        await ctx.storage.deleteEmailVerificationsOfComment(comment.id);
        throw error;
      }
      ctx.log.info('confirmation link mailed', { commentId: comment.id, articleId: comment.articleId });
    },

    /**
     * Uses a link once: the held comment goes on to moderation (or straight to the page
     * when the site auto-approves), the editors are told as for any new comment, and the
     * browser gets its proof. A used, expired or unknown link gets its own answer.
     */
    async confirm(raw: unknown) {
      const { token } = parseInput(EmailVerificationSchema, raw);
      const now = ctx.clock();
      const outcome = await ctx.storage.useEmailVerification(tokenHash(token), now.toISOString());
      if (!outcome) throw new ApiError(404, 'link_unknown', 'token: no confirmation link has this token; copy the whole link from the mail, or send the comment again for a new link');
      const { record } = outcome;
      if (!outcome.used && record.usedAt !== null) {
        throw new ApiError(409, 'link_used', 'this confirmation link was already used (a link works once); the comment it held went on to moderation then, so nothing more is needed');
      }
      if (!outcome.used) throw new ApiError(410, 'link_expired', 'this confirmation link has expired; send the comment again to get a new link');

      const proof = issueEmailProof(ctx.settings.secret, record.email, now);
      const comment = await ctx.storage.getComment(record.commentId);
      const article = comment ? await ctx.catalog.get(comment.articleId) : undefined;
      if (!comment || comment.status !== 'unverified') {
        return { status: 'gone' as const, message: text.confirmedGone, articleUrl: article?.url ?? null, emailProof: proof };
      }
      const status = await moderationStatus(ctx, record.email);
      await ctx.storage.releaseComment(comment.id, status);
      ctx.log.info('comment released by its confirmation link', { commentId: comment.id, articleId: comment.articleId, status });
      if (article) {
        await notify({ id: comment.id, articleId: article.id, articleTitle: article.title, articleUrl: article.url, authorName: comment.authorName, text: comment.text, status }).catch(
          (e: unknown) => ctx.log.warn('notification failed', errorFields(e)),
        );
      }
      return { status, message: status === 'approved' ? text.confirmedApproved : text.confirmedPending, articleUrl: article?.url ?? null, emailProof: proof };
    },
  };
}
