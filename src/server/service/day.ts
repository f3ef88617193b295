import { zonedParts } from '../../lib/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of `date` on the newsroom's clock: a reader at 23:30 WIB counts for that WIB day. */
export function dayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The day key `days` days before `date`'s day (same zone). */
export function dayKeyBefore(date: Date, timeZone: string, days: number): string {
  return dayKey(new Date(date.getTime() - days * 86_400_000), timeZone);
}
