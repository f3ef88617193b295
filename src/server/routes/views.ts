import { z } from 'zod';
import type { Services, WartaHono } from '../http/app-env.ts';
import { visitorFrom } from '../http/visitor-from.ts';
import { parseInput } from '../service/input-error.ts';

const PopularQuery = z.object({
  /** day = today, week = last 7 days, month = last 30 days, all in the newsroom's zone. */
  period: z.enum(['day', 'week', 'month']).default('week'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

// Speculation rules and <link rel=prefetch> say so in these headers; such loads are not reads.
const isPrefetch = (headers: Headers) =>
  /prefetch|prerender/i.test(headers.get('sec-purpose') ?? '') || /prefetch/i.test(headers.get('purpose') ?? '') || /prefetch/i.test(headers.get('x-purpose') ?? '') || /prefetch/i.test(headers.get('x-moz') ?? '');

export function viewRoutes(app: WartaHono, s: Services) {
  app.post('/api/views/:id', async (c) => {
    const result = await s.views.record(c.req.param('id'), visitorFrom(c, s.ctx.settings), isPrefetch(c.req.raw.headers));
    return c.json(result, 200, { 'cache-control': 'no-store' });
  });

  app.get('/api/views', async (c) => {
    const ids = (c.req.query('ids') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    return c.json(await s.views.totals(ids), 200, { 'cache-control': 'public, max-age=60' });
  });

  app.get('/api/popular', async (c) => {
    const query = parseInput(PopularQuery, { period: c.req.query('period'), limit: c.req.query('limit') });
    return c.json(await s.views.popular(query.period, query.limit), 200, { 'cache-control': 'public, max-age=300' });
  });
}
