import type { Services, WartaHono } from '../http/app-env.ts';
import { describeCause } from '../storage/unavailable.ts';

/**
 * For uptime checks and load balancers: 200 when the database answers AND takes a
 * write (a full or read-only disk still answers reads), 503 when either fails.
 */
export function healthRoutes(app: WartaHono, s: Services) {
  app.get('/api/health', async (c) => {
    const reachable = await s.ctx.storage.ping();
    let writes = false;
    if (reachable) {
      try {
        await s.ctx.storage.checkWrite();
        writes = true;
      } catch (error) {
        s.ctx.log.error('health: database writes failing', { cause: describeCause(error) });
      }
    }
    const ok = reachable && writes;
    return c.json(
      { ok, db: reachable ? 'reachable' : 'unreachable', writes: writes ? 'ok' : 'failing', engine: s.ctx.storage.engine },
      ok ? 200 : 503,
      { 'cache-control': 'no-store', ...(ok ? {} : { 'retry-after': '5' }) },
    );
  });
}
