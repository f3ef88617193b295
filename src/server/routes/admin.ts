import { z } from 'zod';
import type { Services, WartaHono } from '../http/app-env.ts';
import { findEditor } from '../http/editor-auth.ts';
import { readBody } from '../http/read-body.ts';
import { ID_MAX_LENGTH } from '../../schemas/id.ts';
import { ApiError } from '../service/errors.ts';
import { parseInput } from '../service/input-error.ts';

const ListQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'spam']).default('pending'),
  article: z.string().max(ID_MAX_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** The moderation API. Every route needs an editor's bearer token; responses are never cached. */
export function adminRoutes(app: WartaHono, s: Services) {
  app.use('/api/admin/*', async (c, next) => {
    const editor = findEditor(s.ctx.settings.editors, c.req.header('authorization') ?? null);
    if (!editor) throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <your editor token>');
    c.set('editor', editor);
    await next();
    c.header('cache-control', 'no-store, private');
  });

  app.get('/api/admin/me', (c) => c.json({ editor: c.get('editor') }));

  app.get('/api/admin/comments', async (c) => {
    const q = parseInput(ListQuery, c.req.query());
    return c.json(await s.moderation.list({ status: q.status, articleId: q.article, limit: q.limit, offset: q.offset }));
  });

  for (const action of ['approve', 'reject', 'spam'] as const) {
    app.post(`/api/admin/comments/:id/${action}`, async (c) => c.json(await s.moderation.moderate(c.get('editor'), c.req.param('id'), action)));
  }

  app.delete('/api/admin/comments/:id', async (c) => c.json(await s.moderation.remove(c.get('editor'), c.req.param('id'))));

  app.post('/api/admin/comments/:id/reply', async (c) => {
    const body = await readBody(c.req.raw, s.ctx.settings);
    return c.json(await s.moderation.reply(c.get('editor'), c.req.param('id'), body.data), 201);
  });

  app.post('/api/admin/privacy/export', async (c) => {
    const body = await readBody(c.req.raw, s.ctx.settings);
    return c.json(await s.moderation.exportByEmail(c.get('editor'), body.data));
  });

  app.post('/api/admin/privacy/delete', async (c) => {
    const body = await readBody(c.req.raw, s.ctx.settings);
    return c.json(await s.moderation.deleteByEmail(c.get('editor'), body.data));
  });

  app.get('/api/admin/audit', async (c) => {
    const q = parseInput(AuditQuery, c.req.query());
    return c.json(await s.moderation.audit(q.limit));
  });
}
