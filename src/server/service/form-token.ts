import { timingSafeEqual } from 'node:crypto';
import { derivedKey, hmac } from './keys.ts';

/*
 * The comment form asks for a token when it is shown and sends it back. The token
 * is `issuedAt.signature`, bound to the article, so a bot must wait the minimum
 * delay per comment, per article; nothing is stored server-side.
 */

const MAX_AGE_SECONDS = 24 * 3600;

const sign = (secret: string, articleId: string, issuedAt: number) =>
  hmac(derivedKey(secret, 'form-token'), `${articleId}\n${issuedAt}`).subarray(0, 18).toString('base64url');

export function issueFormToken(secret: string, articleId: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${sign(secret, articleId, issuedAt)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'malformed' | 'signature' | 'too_fast' | 'expired'; wait?: number };

export function checkFormToken(secret: string, articleId: string, token: string, now: Date, minSeconds: number): TokenCheck {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(secret, articleId, issuedAt));
  if (!timingSafeEqual(expected, Buffer.from(match[2]!))) return { ok: false, reason: 'signature' };
  const age = now.getTime() / 1000 - issuedAt;
  if (age < minSeconds) return { ok: false, reason: 'too_fast', wait: Math.ceil(minSeconds - age) };
  if (age > MAX_AGE_SECONDS) return { ok: false, reason: 'expired' };
  return { ok: true };
}
