import { z } from 'zod';

/** Whether the runtime's tz database knows the zone. */
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone such as Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT). Default WIB. */
export const TimeZoneSchema = z.string().refine(isTimeZone, { message: 'unknown IANA time zone, e.g. Asia/Jakarta' }).default('Asia/Jakarta');
