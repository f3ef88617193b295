import { z } from 'astro/zod';
import { exampleDate, parseDateInput } from '../lib/dates.ts';

/**
 * A publication date as journalists write it: `2023-07-05T13:00:00+07:00`.
 * Date-only values mean that day in the site's zone; date-times must carry an
 * offset, because YAML reads `2023-07-05 13:00:00` as UTC, which is not what a
 * journalist in Palembang means. Issues carry `params.code` so the error map
 * can explain the fix in the site's language.
 */
export function dateSchema(timeZone: string) {
  return z.unknown().transform((value, ctx) => {
    if (value === undefined || value === null || value === '') {
      ctx.addIssue({ code: 'custom', message: 'required', params: { code: 'required' } });
      return z.NEVER;
    }
    const parsed = parseDateInput(value, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.reason === 'noOffset' ? 'date without offset' : 'unparseable date',
        params: { code: parsed.reason === 'noOffset' ? 'dateNoOffset' : 'dateInvalid', value: String(value), example: exampleDate(timeZone) },
      });
      return z.NEVER;
    }
    return parsed.date;
  });
}
