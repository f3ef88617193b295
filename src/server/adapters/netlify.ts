import { boot } from './boot.ts';

/**
 * Netlify Functions (v2, Request → Response). Use it from `netlify/functions/api.ts`:
 *
 *   export { default, config } from '../../src/server/adapters/netlify.ts';
 *
 * Netlify gives the reader's address as `context.ip`; set DATABASE_URL (PostgreSQL)
 * and WARTA_ARTICLES_URL, since a function has no persistent disk.
 */
const { ready } = boot(process.env);

export default async (request: Request, context: { ip?: string }) => (await ready).app.fetch(request, { clientIp: context.ip });

export const config = { path: '/api/*' };
