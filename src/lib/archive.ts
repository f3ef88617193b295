/**
 * The archive rendered on demand: stories older than `WARTA_PRERENDER_DAYS` days at build time
 * are not written as pages; the server renders them on request (src/routes/archived-story.astro)
 * and a cache in front keeps them (docs/deploying.md). Unset or 0: every story is prerendered.
 * Search, sitemaps, feeds and listings still hold every story (docs/performance.md).
 */
import { wholeNumberFromEnv } from './build-env.ts';

/** `WARTA_PRERENDER_DAYS`: 0 (the default) prerenders every story. */
export function prerenderDays(env: NodeJS.ProcessEnv): number {
  const days = wholeNumberFromEnv(env, 'WARTA_PRERENDER_DAYS', 0, {
    min: 0,
    max: 36_500,
    hint: 'stories older than this many days are rendered on request instead of at build time; 0 prerenders every story',
  });
  const target = env.WARTA_DEPLOY_TARGET ?? 'node';
  // Netlify's and Vercel's functions are bundled without the content store file the archived pages are rendered from.
  if (days > 0 && target !== 'node') {
    throw new Error(`[warta] WARTA_PRERENDER_DAYS=${days} needs the Node server (WARTA_DEPLOY_TARGET=node), not ${target}: on ${target} the archived stories could not be rendered. Unset WARTA_PRERENDER_DAYS to prerender every story.`);
  }
  return days;
}

/** The instant before which a story is archived, or undefined when every story is prerendered. */
export function archiveCutoff(now: Date, days: number): Date | undefined {
  return days > 0 ? new Date(now.getTime() - days * 86_400_000) : undefined;
}

/** Whether a story published at `date` is rendered on request rather than at build time. */
export function isArchived(date: Date, cutoff: Date | undefined): boolean {
  return cutoff !== undefined && date.getTime() < cutoff.getTime();
}

/**
 * What an archived story's page (and its old URLs' redirects) tell caches: browsers keep it
 * 5 minutes, as the static pages; a shared cache (CDN, nginx `proxy_cache`) a day, and may serve
 * it stale for a week while it fetches a fresh copy, so one render serves many readers and a
 * correction reaches readers within a day without a purge (docs/deploying.md).
 */
export const ARCHIVE_CACHE_CONTROL = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=604800';

/**
 * The headers of an archived story's page and redirects: `Cache-Control`, and for nginx's
 * `proxy_cache`, which does not read `s-maxage`, the same day as `X-Accel-Expires` (nginx obeys it
 * first and does not pass it on to browsers; other caches ignore it).
 */
export const ARCHIVE_CACHE_HEADERS = { 'Cache-Control': ARCHIVE_CACHE_CONTROL, 'X-Accel-Expires': '86400' } as const;
