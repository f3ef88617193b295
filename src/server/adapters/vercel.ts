import { boot } from './boot.ts';

/**
 * Vercel Functions (Node.js runtime, Web `fetch` handler), from `api/[...path].ts`:
 *
 *   export { default } from '../src/server/adapters/vercel.ts';
 *
 * Vercel's edge overwrites `x-real-ip` with the reader's address, so it is the
 * socket address here (https://vercel.com/docs/headers/request-headers#x-real-ip).
 */
const { ready } = boot(process.env);

export default {
  async fetch(request: Request) {
    return (await ready).app.fetch(request, { clientIp: request.headers.get('x-real-ip') ?? undefined });
  },
};
