import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/**
 * A 20-character id: 10 base-32 characters of milliseconds then 10 random ones.
 * Ids sort by creation time (stable tie-breaks) and need no sequence, so the schema
 * is the same on SQLite and PostgreSQL.
 */
export function newId(now: Date): string {
  let time = '';
  let ms = now.getTime();
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const random = [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('');
  return time + random;
}
