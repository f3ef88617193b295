import { ApiError } from '../service/errors.ts';

/**
 * CSRF defence for POST/DELETE (OWASP "Verifying origin with standard headers";
 * Fetch Metadata, https://w3c.github.io/webappsec-fetch-metadata/). Browsers send
 * `Origin` on every POST, including plain form posts, so a cross-site page cannot
 * post in a reader's name. Requests with neither header are not from a browser and
 * cannot ride a reader's session; they are left to the spam rules.
 * `ownOrigins` come from public-origin.ts (configuration and trusted proxies only).
 */
export function checkOrigin(request: Request, ownOrigins: readonly string[], allowedOrigins: readonly string[]): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (ownOrigins.includes(origin) || allowedOrigins.includes(origin)) return;
    throw new ApiError(403, 'forbidden_origin', `requests from origin ${origin.slice(0, 100)} are not allowed; add it to WARTA_ALLOWED_ORIGINS (behind a proxy: set WARTA_SITE_URL or WARTA_TRUSTED_PROXIES)`);
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin' || site === 'none') return;
  throw new ApiError(403, 'forbidden_origin', `cross-site request (Sec-Fetch-Site: ${site.slice(0, 20)}) without an allowed Origin`);
}
