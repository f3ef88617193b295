import { firstValue } from './proxies.ts';

const originOf = (url: string): string | undefined => {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};

/**
 * The origins this request may have been addressed to, as a browser names them
 * in `Origin`: the configured public site URL; the URL the server saw (scheme of
 * its own socket, `Host` header); and, when the peer is a trusted proxy, the
 * scheme and host the proxy says the reader used (X-Forwarded-Proto/-Host), since
 * behind a TLS proxy the server itself only ever sees plain HTTP.
 */
export function publicOrigins(request: Request, options: { siteUrl?: string; fromTrustedProxy: boolean }): string[] {
  const url = new URL(request.url);
  const host = request.headers.get('host') ?? url.host;
  const origins = [url.origin, originOf(`${url.protocol}//${host}`)];
  if (options.siteUrl) origins.push(originOf(options.siteUrl));
  if (options.fromTrustedProxy) {
    const proto = firstValue(request.headers.get('x-forwarded-proto'))?.toLowerCase();
    const forwardedHost = firstValue(request.headers.get('x-forwarded-host')) ?? host;
    if (proto === 'http' || proto === 'https') origins.push(originOf(`${proto}://${forwardedHost}`));
  }
  return [...new Set(origins.filter((o): o is string => o !== undefined))];
}
