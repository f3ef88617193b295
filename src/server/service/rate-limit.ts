import { derivedKey, hmac } from './keys.ts';
import type { ServiceContext } from './context.ts';
import { ApiError } from './errors.ts';

/**
 * Fixed-window limit per action (`comment`, `complaint`) whose counter lives in the database, so it holds across
 * processes and serverless instances. The bucket is a keyed hash of the IP: the
 * raw address is never stored.
 */
export async function enforceRateLimit(ctx: ServiceContext, action: string, ip: string, max: number, windowSeconds: number) {
  const now = ctx.clock().getTime();
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  const bucket = `${action}:${hmac(derivedKey(ctx.settings.secret, 'rate-limit'), ip).toString('base64url').slice(0, 22)}`;
  const hits = await ctx.storage.hit(bucket, new Date(start).toISOString());
  if (hits > max) {
    const retryAfter = Math.ceil((start + windowMs - now) / 1000);
    throw new ApiError(429, 'rate_limited', `too many ${action}s from your network; try again in ${retryAfter} seconds`, { retryAfter });
  }
}
