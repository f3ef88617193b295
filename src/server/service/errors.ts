/**
 * The one error type the service throws for anything a client did wrong (or may
 * retry). http/errors.ts turns it into a JSON response in one place, like Hono's
 * HTTPException; anything else is a bug and becomes a logged, stack-free 500.
 */
export type ApiStatus = 400 | 401 | 403 | 404 | 405 | 408 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export class ApiError extends Error {
  // Plain fields, not constructor parameter properties, so Node's built-in type
  // stripping can run this file without a compiler.
  readonly status: ApiStatus;
  readonly code: string;
  readonly extra: { fields?: Array<{ field: string; message: string }>; retryAfter?: number; allow?: string; cause?: unknown };

  constructor(status: ApiStatus, code: string, message: string, extra: ApiError['extra'] = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}
