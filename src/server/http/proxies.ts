import { BlockList, isIP } from 'node:net';

// "::ffff:203.0.113.5" and "203.0.113.5" are the same reader on a dual-stack socket.
export const normaliseIp = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

/**
 * Whether a socket peer is one of the proxies in WARTA_TRUSTED_PROXIES (addresses
 * or CIDR ranges). Forwarded headers (client IP, protocol, host) are read only from
 * such a peer: anyone else could write them.
 */
export function proxyMatcher(entries: readonly string[]): (peer: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (peer) => {
    if (!peer) return false;
    const ip = normaliseIp(peer);
    const version = isIP(ip);
    return version !== 0 && list.check(ip, version === 6 ? 'ipv6' : 'ipv4');
  };
}

/** "a, b" → "a": a proxy chain's first value is the client's view. */
export const firstValue = (header: string | null) => header?.split(',')[0]?.trim() || undefined;

const matchers = new WeakMap<readonly string[], (peer: string | undefined) => boolean>();

/** `proxyMatcher` built once per settings list. */
export function isTrustedProxy(entries: readonly string[], peer: string | undefined): boolean {
  let match = matchers.get(entries);
  if (!match) matchers.set(entries, (match = proxyMatcher(entries)));
  return match(peer);
}
