import { constantTimeEqual } from '../service/keys.ts';

/**
 * The editor whose token is in `Authorization: Bearer …` (RFC 6750), or undefined.
 * Every configured token is compared, in constant time, so the time taken reveals
 * neither which editor matched nor how much of a guess was right.
 */
export function findEditor(editors: Readonly<Record<string, string>>, authorization: string | null): string | undefined {
  const match = /^Bearer ([\x21-\x7e]{1,256})$/.exec(authorization ?? '');
  if (!match) return undefined;
  let found: string | undefined;
  for (const [name, token] of Object.entries(editors)) {
    if (constantTimeEqual(token, match[1]!) && found === undefined) found = name;
  }
  return found;
}
