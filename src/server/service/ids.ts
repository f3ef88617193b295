import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';
const base32 = (n: number, width: number) => {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
};

let lastMs = -1;
let sequence = 0;

/**
 * A 20-character id: 10 base-32 characters of milliseconds, 3 of a per-process
 * sequence (so ids made in the same millisecond still sort in creation order), then
 * 7 random ones. Sortable ids need no database sequence, so the schema is the same
 * on SQLite and PostgreSQL.
 */
export function newId(now: Date): string {
  const ms = now.getTime();
  sequence = ms === lastMs ? (sequence + 1) % 32_768 : 0;
  lastMs = ms;
  const random = [...randomBytes(7)].map((b) => ALPHABET[b % 32]).join('');
  return base32(ms, 10) + base32(sequence, 3) + random;
}
