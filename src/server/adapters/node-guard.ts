import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

// Methods the Fetch API refuses to build a Request for: on Node the adapter's
// `new Request()` throws before any app code runs (Astro answered 500 with a stack).
const UNREPRESENTABLE = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Wraps a Node request listener so those methods get the API's 405 JSON answer
 * instead of reaching the adapter.
 */
export function guardMethods(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!UNREPRESENTABLE.has(req.method ?? '')) return listener(req, res);
    req.resume();
    res.writeHead(405, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      allow: 'GET, HEAD, POST, DELETE, OPTIONS',
      connection: 'close',
    });
    res.end(JSON.stringify({ error: 'method_not_allowed', message: `${req.method} is not allowed here; use GET, HEAD, POST, DELETE, OPTIONS` }));
  };
}
