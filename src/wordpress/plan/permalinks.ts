/**
 * Old WordPress URLs. The import keeps WordPress's permalink structure when Warta's
 * pattern tokens can express it (`/%year%/%monthnum%/%postname%/` → `/:year/:month/:slug/`);
 * any old URL that still differs gets a redirect.
 */

export interface PermalinkSample {
  /** Decoded path of the post's old URL, e.g. `/2023/07/05/banjir/`. */
  path: string;
  slug: string;
  /** WordPress local date fields (its permalinks use the blog's clock). */
  year: number;
  month: number;
  day: number;
  category: string;
}

export const CANDIDATE_PATTERNS = ['/:year/:month/:day/:slug/', '/:year/:month/:slug/', '/:year/:slug/', '/:category/:slug/', '/:slug/'];

const pad = (n: number) => String(n).padStart(2, '0');

export function fillPattern(pattern: string, s: Omit<PermalinkSample, 'path'>): string {
  return pattern.replace(':year', String(s.year)).replace(':month', pad(s.month)).replace(':day', pad(s.day)).replace(':category', s.category).replace(':slug', s.slug);
}

/** The Warta pattern that reproduces most old post URLs (at least 80 %), or undefined. */
export function inferPermalink(samples: readonly PermalinkSample[]): string | undefined {
  if (samples.length === 0) return undefined;
  let best: { pattern: string; hits: number } | undefined;
  for (const pattern of CANDIDATE_PATTERNS) {
    const hits = samples.filter((s) => fillPattern(pattern, s) === s.path).length;
    if (!best || hits > best.hits) best = { pattern, hits };
  }
  return best && best.hits / samples.length >= 0.8 ? best.pattern : undefined;
}

/**
 * The site path of an old URL on the WordPress host (decoded, with its trailing
 * slash as WordPress wrote it); undefined for other hosts and for `?p=` links.
 */
export function oldPath(link: string, baseUrl: string): string | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (url.hostname.replace(/^www\./, '') !== base.hostname.replace(/^www\./, '')) return undefined;
  if (url.search || url.pathname === '/' || url.pathname === '') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const basePath = base.pathname.replace(/\/$/, '');
  return basePath && path.startsWith(basePath + '/') ? path.slice(basePath.length) : path;
}

/** A path as it goes on the wire (non-ASCII percent-encoded), for redirect files. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%3A/g, ':').replace(/%40/g, '@'))
    .join('/');
}
