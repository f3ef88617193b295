import { derivedKey, hmac } from './keys.ts';

/**
 * GoatCounter/Plausible-style visitor id: HMAC of IP and User-Agent under a salt
 * that changes every day. The raw IP is never stored, and yesterday's hashes are
 * pruned, so no one can link a reader across days.
 */
export function visitorHash(secret: string, day: string, ip: string, userAgent: string): string {
  const salt = derivedKey(secret, `views:${day}`);
  return hmac(salt, `${ip}\n${userAgent}`).toString('base64url').slice(0, 22);
}
