import type { Services, WartaHono } from '../http/app-env.ts';

/** For uptime checks and load balancers: 200 when the database answers, 503 when not. */
export function healthRoutes(app: WartaHono, s: Services) {
  app.get('/api/health', async (c) => {
    const reachable = await s.ctx.storage.ping();
    return c.json({ ok: reachable, db: reachable ? 'reachable' : 'unreachable', engine: s.ctx.storage.engine }, reachable ? 200 : 503, { 'cache-control': 'no-store' });
  });
}
