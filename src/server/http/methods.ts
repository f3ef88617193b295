import { ApiError } from '../service/errors.ts';

/** The methods the API answers anywhere; anything else (PUT, PATCH, TRACE, WebDAV…) is refused before routing. */
export const API_METHODS = ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'];

export interface RouteInfo {
  method: string;
  path: string;
}

const patterns = new Map<string, RegExp>();
/** A Hono path (`/api/comments/:id/token`) as a RegExp, built once per path. */
function pattern(path: string): RegExp {
  let re = patterns.get(path);
  if (!re) patterns.set(path, (re = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`)));
  return re;
}

/**
 * 405 with `Allow` (RFC 9110 §15.5.6) when the method is not one the API uses, or
 * the path exists under other methods; undefined when the path has no route (404).
 * A 4xx, not 501: the client chose the method, and no server fault is involved.
 */
export function methodNotAllowed(routes: readonly RouteInfo[], method: string, pathname: string): ApiError | undefined {
  const allowed = [...new Set(routes.filter((r) => pattern(r.path).test(pathname)).map((r) => r.method))];
  if (allowed.includes('GET')) allowed.push('HEAD');
  if (API_METHODS.includes(method) && (allowed.length === 0 || allowed.includes(method))) return undefined;
  const allow = (allowed.length ? allowed : API_METHODS).join(', ');
  return new ApiError(405, 'method_not_allowed', `${method.slice(0, 20)} is not allowed here; use ${allow}`, { allow });
}
