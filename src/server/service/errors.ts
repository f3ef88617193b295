/**
 * The one error type the service throws for anything a client did wrong (or may
 * retry). http/errors.ts turns it into a JSON response in one place, like Hono's
 * HTTPException; anything else is a bug and becomes a logged, stack-free 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly extra: { fields?: Array<{ field: string; message: string }>; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
