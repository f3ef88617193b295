import { errorFields, type Logger } from '../log.ts';
import { ApiError } from '../service/errors.ts';

// Errors that mean "the database is away", worth a 503 the client may retry.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', '57P01', '57P03', '53300']);

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
  return error instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
}

/**
 * Every error becomes JSON `{ error, message }` here and only here. ApiErrors carry
 * their own status; anything else is logged with its stack and answered without it.
 */
export function errorResponse(error: unknown, log: Logger, request: Request): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  if (error instanceof ApiError) {
    if (error.extra.retryAfter !== undefined) headers.set('retry-after', String(error.extra.retryAfter));
    if (error.status === 401) headers.set('www-authenticate', 'Bearer realm="warta"');
    const body = { error: error.code, message: error.message, ...(error.extra.fields ? { fields: error.extra.fields } : {}) };
    return new Response(JSON.stringify(body), { status: error.status, headers });
  }
  const path = new URL(request.url).pathname;
  if (isUnavailable(error)) {
    log.error('database unavailable', { method: request.method, path, ...errorFields(error) });
    headers.set('retry-after', '5');
    return new Response(JSON.stringify({ error: 'unavailable', message: 'the database is not reachable; try again shortly' }), { status: 503, headers });
  }
  log.error('unhandled error', { method: request.method, path, ...errorFields(error) });
  return new Response(JSON.stringify({ error: 'internal', message: 'internal error; it has been logged' }), { status: 500, headers });
}
