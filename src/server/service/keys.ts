import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Every key is derived from WARTA_SECRET with HMAC and a purpose label, so one
 * secret serves several uses without one use leaking another's key.
 */

export function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

export function derivedKey(secret: string, purpose: string): Buffer {
  return hmac(secret, `warta:${purpose}`);
}

/** Compares two strings in time independent of where they differ (hashing first equalises lengths). */
export function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 16);
}
