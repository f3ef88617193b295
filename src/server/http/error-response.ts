import { errorFields, type Logger } from '../log.ts';
import { ApiError } from '../service/errors.ts';
import { describeCause, isUnavailable } from '../storage/unavailable.ts';

/**
 * Every error becomes JSON `{ error, message }` here and only here. ApiErrors carry
 * their own status; anything else is logged with its stack and answered without it.
 */
export function errorResponse(error: unknown, log: Logger, request: Request): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  if (error instanceof ApiError) {
    if (error.code === 'client_aborted') {
      // Nobody reads this answer; the line says what happened so it is not mistaken for an outage.
      log.info('client aborted the request', { method: request.method, path: new URL(request.url).pathname.slice(0, 200), cause: describeCause(error.extra.cause) });
    }
    if (error.extra.allow) headers.set('allow', error.extra.allow);
    if (error.extra.retryAfter !== undefined) headers.set('retry-after', String(error.extra.retryAfter));
    if (error.status === 401) headers.set('www-authenticate', 'Bearer realm="warta"');
    const body = { error: error.code, message: error.message, ...(error.extra.fields ? { fields: error.extra.fields } : {}) };
    return new Response(JSON.stringify(body), { status: error.status, headers });
  }
  const path = new URL(request.url).pathname;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'WARTA_ARTICLES_UNAVAILABLE') {
    log.error('article list unavailable', { method: request.method, path, cause: (error as Error).message });
    headers.set('retry-after', '5');
    return new Response(JSON.stringify({ error: 'unavailable', message: 'the list of published articles is not available yet; try again shortly' }), { status: 503, headers });
  }
  // PostgreSQL's refusal of text the one text rule should have caught (NUL, bad encoding): still the client's input.
  if (code === '22021' || code === '22P05') {
    log.warn('text refused by PostgreSQL', { method: request.method, path, cause: describeCause(error) });
    return new Response(JSON.stringify({ error: 'invalid_input', message: 'the request contains characters that cannot be stored' }), { status: 400, headers });
  }
  if (isUnavailable(error)) {
    log.error('database unavailable', { method: request.method, path, cause: describeCause(error) });
    headers.set('retry-after', '5');
    return new Response(JSON.stringify({ error: 'unavailable', message: 'the database is not reachable; try again shortly' }), { status: 503, headers });
  }
  log.error('unhandled error', { method: request.method, path, ...errorFields(error) });
  return new Response(JSON.stringify({ error: 'internal', message: 'internal error; it has been logged' }), { status: 500, headers });
}
