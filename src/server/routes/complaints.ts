import { z } from 'zod';
import type { Services, WartaHono } from '../http/app-env.ts';
import { readBody } from '../http/read-body.ts';
import { visitorFrom } from '../http/visitor-from.ts';
import { createComplaintService } from '../service/complaints.ts';
import { ApiError } from '../service/errors.ts';
import { parseInput } from '../service/input-error.ts';
import { isId } from '../../schemas/id.ts';

const ListQuery = z.object({
  status: z.enum(['open', 'resolved', 'rejected']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const CorrectionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) });

/** The article URL with `?laporan=<outcome>#laporan-<outcome>`, for the no-JS form's 303 (as comments do). */
function backToArticle(url: string, outcome: string, reason?: string): string {
  const absolute = /^https?:\/\//.test(url);
  const target = new URL(url, 'http://placeholder.invalid');
  target.searchParams.set('laporan', outcome);
  if (reason) target.searchParams.set('reason', reason);
  target.hash = `laporan-${outcome}`;
  return absolute ? target.href : `${target.pathname}${target.search}${target.hash}`;
}

/**
 * Complaints ("Laporkan"): the public POST and the editors' queue. Must be registered
 * after adminRoutes, whose `/api/admin/*` middleware checks the editor's token.
 */
export function complaintRoutes(app: WartaHono, s: Services) {
  const complaints = createComplaintService(s.ctx, s.moderation);

  app.post('/api/complaints', async (c) => {
    const body = await readBody(c.req.raw, s.ctx.settings);
    const navigating = body.form && /text\/html/.test(c.req.header('accept') ?? '');
    try {
      const { article, result } = await complaints.submit(body.data, visitorFrom(c, s.ctx.settings), { tokenRequired: !body.form });
      if (navigating) return c.redirect(backToArticle(article.url, 'terkirim'), 303);
      return c.json(result, 201, { 'cache-control': 'no-store' });
    } catch (error) {
      // Back to the story when it is known; otherwise there is no page to return to, so the JSON error stands.
      const articleId = body.data.articleId;
      const url = navigating && typeof articleId === 'string' && isId(articleId) ? (await Promise.resolve(s.ctx.catalog.get(articleId)).catch(() => undefined))?.url : undefined;
      if (url && error instanceof ApiError) return c.redirect(backToArticle(url, 'gagal', error.code), 303);
      throw error;
    }
  });

  app.get('/api/admin/complaints', async (c) => {
    const q = parseInput(ListQuery, c.req.query());
    return c.json(await complaints.list(q));
  });

  app.get('/api/admin/corrections', async (c) => {
    const q = parseInput(CorrectionsQuery, c.req.query());
    return c.json(await complaints.owedCorrections(q.limit));
  });

  app.post('/api/admin/corrections/:id/done', async (c) => c.json(await complaints.correctionDone(c.get('editor'), c.req.param('id'))));

  app.post('/api/admin/complaints/:id/resolve', async (c) => {
    const body = await readBody(c.req.raw, s.ctx.settings);
    return c.json(await complaints.resolve(c.get('editor'), c.req.param('id'), body.data));
  });
}
