import { isIP } from 'node:net';
import { normaliseIp } from './proxies.ts';

/**
 * The client IP: the socket address, or the ONE header the deployment declared
 * (WARTA_TRUSTED_PROXY_HEADER) when the socket peer is a trusted proxy. Any other
 * header, or the declared one from anyone else, is ignored, so a reader cannot
 * spoof `X-Forwarded-For` to dodge the view dedupe or the rate limit.
 * For a list header (X-Forwarded-For) the last entry is taken: it is the one the
 * trusted proxy appended; entries before it came from the client.
 */
export function clientIp(headers: Headers, socketIp: string | undefined, trustedHeader: string | undefined, fromTrustedProxy: boolean): string {
  if (trustedHeader && fromTrustedProxy) {
    const last = headers.get(trustedHeader)?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last && isIP(normaliseIp(last))) return normaliseIp(last);
  }
  return socketIp ? normaliseIp(socketIp) : 'unknown';
}
