import { isIP } from 'node:net';

/**
 * The client IP: the socket address, or the ONE header the deployment declared
 * (WARTA_TRUSTED_PROXY_HEADER). Any other header is ignored, so a reader cannot
 * spoof `X-Forwarded-For` to dodge the view dedupe or the rate limit.
 * For a list header (X-Forwarded-For) the last entry is taken: it is the one the
 * trusted proxy appended; entries before it came from the client.
 */
export function clientIp(headers: Headers, socketIp: string | undefined, trustedHeader: string | undefined): string {
  if (trustedHeader) {
    const last = headers.get(trustedHeader)?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last && isIP(normalise(last))) return normalise(last);
  }
  return socketIp ? normalise(socketIp) : 'unknown';
}

// "::ffff:203.0.113.5" and "203.0.113.5" are the same reader on a dual-stack socket.
const normalise = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);
