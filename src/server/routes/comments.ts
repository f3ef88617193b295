import { z } from 'zod';
import type { Services, WartaHono } from '../http/app-env.ts';
import { commentsPage } from '../http/comments-page.ts';
import { readBody } from '../http/read-body.ts';
import { visitorFrom } from '../http/visitor-from.ts';
import { ApiError } from '../service/errors.ts';
import { parseInput } from '../service/input-error.ts';
import { requireArticle } from '../service/require-article.ts';

/**
 * The article URL with `?comment=<status>` added and the fragment `#komentar-<status>`,
 * for the no-JS form's 303. The fragment names the message element, so the page
 * shows it with CSS `:target` alone, without JavaScript.
 */
function backToArticle(url: string, query: { comment: string; reason?: string }): string {
  const absolute = /^https?:\/\//.test(url);
  const target = new URL(url, 'http://placeholder.invalid');
  for (const [k, v] of Object.entries(query)) if (v !== undefined) target.searchParams.set(k, v);
  target.hash = `komentar-${query.comment}`;
  return absolute ? target.href : `${target.pathname}${target.search}${target.hash}`;
}

const ThreadQuery = z.object({
  /** `next` of the previous page. */
  after: z.string().max(200).optional(),
  /** Top-level comments per page (each with all its replies). */
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export function commentRoutes(app: WartaHono, s: Services) {
  app.get('/api/comments/:id', async (c) => {
    const q = parseInput(ThreadQuery, { after: c.req.query('after'), limit: c.req.query('limit') });
    const { article, count, comments, next } = await s.comments.thread(c.req.param('id'), q);
    return c.json({ articleId: article.id, count, comments, next }, 200, { 'cache-control': 'public, max-age=15' });
  });

  app.get('/api/comments/:id/token', async (c) => c.json(await s.comments.token(c.req.param('id')), 200, { 'cache-control': 'no-store' }));

  app.get('/api/comments/:id/html', async (c) => {
    const q = parseInput(ThreadQuery, { after: c.req.query('after'), limit: c.req.query('limit') });
    const { article, count, comments, next } = await s.comments.thread(c.req.param('id'), q);
    const nextHref = next ? `?after=${encodeURIComponent(next)}${c.req.query('limit') ? `&limit=${q.limit}` : ''}` : null;
    return c.html(commentsPage(article, comments, count, s.ctx.settings.locale, nextHref), 200, { 'cache-control': 'public, max-age=15' });
  });

  app.post('/api/comments/:id', async (c) => {
    const article = await requireArticle(s.ctx, c.req.param('id'));
    const body = await readBody(c.req.raw, s.ctx.settings);
    // A browser's plain form post navigates, so it gets a page back, not JSON:
    // 303 to the article with the outcome in the query (RFC 9110 §15.4.4).
    const navigating = body.form && /text\/html/.test(c.req.header('accept') ?? '');
    try {
      const origin = new URL(c.req.url).origin;
      const { result } = await s.comments.submit(article.id, body.data, visitorFrom(c, s.ctx.settings), { tokenRequired: !body.form, origin });
      if (navigating) return c.redirect(backToArticle(article.url, { comment: result.status }), 303);
      // 202: a comment waiting for its confirmation link is accepted, not yet created in any queue.
      return c.json(result, result.status === 'unverified' ? 202 : 201, { 'cache-control': 'no-store' });
    } catch (error) {
      if (navigating && error instanceof ApiError) return c.redirect(backToArticle(article.url, { comment: 'error', reason: error.code }), 303);
      throw error;
    }
  });

  // The mailed confirmation link's page posts its token here (JSON); the answer never names the address.
  app.post('/api/email-verification', async (c) => {
    const body = await readBody(c.req.raw, s.ctx.settings);
    return c.json(await s.verification.confirm(body.data), 200, { 'cache-control': 'no-store' });
  });
}
