/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page
 * whose key and code are unchanged since the last build is copied, not rendered again.
 *
 * A key must change whenever anything the page shows changes. Astro already covers the
 * route's code (its module graph) and the rendered Markdown of every entry the page
 * rendered; the key covers the rest: site config, sections, people and static pages read
 * at run time, the date-dependent parts (the footer's year, banners with start/end days),
 * and the stories the page lists, each by its content digest (file + what its Markdown
 * depends on, see render-dependencies.ts).
 */
import { createHash } from 'node:crypto';

/** One short key over all parts, in order; `undefined` and '' differ from absent parts by position only. */
export function pageKey(...parts: (string | number | boolean | undefined)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(String(part ?? '')).update('\0');
  return hash.digest('base64url');
}
