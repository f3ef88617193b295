/**
 * The sites tests build: one per scenario, each with a fixed build time so
 * time-relative rules (scheduling, news sitemap) are deterministic.
 */
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const outputRoot = path.join(root, 'tests/.output');

export interface FixtureSite {
  name: string;
  /** Content folder relative to the project root. */
  content: string;
  now: string;
  /** Build variables for this site (`WARTA_*`), on top of WARTA_CONTENT_DIR and WARTA_NOW. */
  env?: Record<string, string>;
}

export const sites = {
  /** The demo portal, Liputan ABN, as `npm start` serves it. */
  // Markdown renders on threads from the first story, as on a large site (35 stories would all render on the main thread).
  demo: { name: 'demo', content: 'content', now: '2026-11-27T21:00:00+07:00', env: { WARTA_MARKDOWN_LOCAL_FIRST: '0' } },
  /** A small English-language site: no Indonesian UI string may appear. */
  english: { name: 'english', content: 'tests/fixtures/sites/english/content', now: '2024-03-01T12:00:00+07:00' },
  /** The same site a few days later: the story scheduled for 5 March is out. */
  /** Every kind of ad slot configured (the demo has none). */
  ads: { name: 'ads', content: 'tests/fixtures/sites/ads/content', now: '2026-11-27T12:00:00+07:00' },
  /** Press-council duties and live coverage: a live story, a verification pair, AI labels (polls every 2 s). */
  newsroom: { name: 'newsroom', content: 'tests/fixtures/sites/newsroom/content', now: '2026-11-27T12:00:00+07:00' },
  englishLater: { name: 'english-later', content: 'tests/fixtures/sites/english/content', now: '2024-03-06T12:00:00+07:00' },
  /** The demo with its search index split as a large site's is: a recent bundle (the newest month), the archive by year (≤ 12 stories a bundle). */
  searchShards: { name: 'search-shards', content: 'content', now: '2026-11-27T21:00:00+07:00', env: { WARTA_SEARCH_RECENT_PAGES: '5', WARTA_SEARCH_SHARD_PAGES: '12' } },
  /** The English site with stories older than 10 days rendered on request by the server, not prerendered. */
  archive: { name: 'archive', content: 'tests/fixtures/sites/english/content', now: '2024-03-01T12:00:00+07:00', env: { WARTA_PRERENDER_DAYS: '10' } },
} satisfies Record<string, FixtureSite>;

/** Where `astro build --outDir` writes a site (client/ for static files, server/ for the Node server). */
export const buildDir = (site: FixtureSite) => path.join(outputRoot, site.name);
/** The static files of a built site, as a CDN would serve them. */
export const outDir = (site: FixtureSite) => path.join(buildDir(site), 'client');
