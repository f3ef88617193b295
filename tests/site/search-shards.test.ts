/**
 * The `searchShards` fixture is the demo built with WARTA_SEARCH_RECENT_PAGES=5 and
 * WARTA_SEARCH_SHARD_PAGES=12, split as a large site's index is (src/search/shards.ts):
 * the newest month in /pagefind/, the older stories in archive bundles by year.
 * The browser side is tested in tests/e2e/search-shards.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { checkPlacement, checkSearchIndex, indexedUrls } from '../../src/search/index-check.ts';
import { planSearchShards, type SearchShard } from '../../src/search/shards.ts';
import { MANIFEST } from '../../src/search/manifest.ts';
import { outDir, sites } from '../helpers/sites.ts';

const site = outDir(sites.searchShards);
const published = (JSON.parse(fs.readFileSync(path.join(site, 'warta-articles.json'), 'utf8')) as { url: string }[]).map((a) => a.url);
/** Each story's "Terbaru" sort key, as its page gives it to Pagefind. */
const sortKey = (url: string) => cheerio.load(fs.readFileSync(path.join(site, url, 'index.html'), 'utf8'))('[data-pagefind-sort]').attr('data-value')!;
const stories = published.map((url) => ({ url, sortKey: sortKey(url) }));
/** The bundles, and which stories (by publication month) each should hold: the demo's build time is 27 November 2026. */
const BUNDLES: Record<string, { period: string; holds: (sortKey: string) => boolean }> = {
  '/pagefind/': { period: 'November 2026', holds: (k) => k.startsWith('2026-11') },
  '/pagefind/arsip-2026/': { period: 'June to October 2026', holds: (k) => k.startsWith('2026') && !k.startsWith('2026-11') },
  '/pagefind/arsip-2025/': { period: '2025', holds: (k) => k.startsWith('2025') },
  '/pagefind/arsip-2023-2024/': { period: '2023 and 2024', holds: (k) => /^202[34]/.test(k) },
};


/** What the build checks, bundle by bundle as it writes them and then across them: every problem, labelled by bundle. */
function checkSearchShards(site: string, shards: SearchShard[], published: string[], language: string): string[] {
  const label = (shard: SearchShard) => (shards.length > 1 ? `${shard.bundlePath}: ` : '');
  const problems = shards.flatMap((shard) => checkSearchIndex(path.join(site, shard.bundlePath), { urls: shard.urls, language }).map((p) => label(shard) + p));
  return [...problems, ...checkPlacement(shards, published)];
}

describe('a search index split into a recent bundle and the archive by year', () => {
  it.each(Object.entries(BUNDLES).map(([bundle, { period }]) => [bundle, period]))('%s holds exactly the published stories of %s', (bundle) => {
    const urls = indexedUrls(path.join(site, bundle), 'id');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.sort()).toEqual(stories.filter((s) => BUNDLES[bundle]!.holds(s.sortKey)).map((s) => s.url).sort());
  });

  it('holds every published story once across the bundles; each carries its own page table and the manifest it was written from', () => {
    const all = Object.keys(BUNDLES).flatMap((bundle) => indexedUrls(path.join(site, bundle), 'id'));
    expect(all.sort()).toEqual([...published].sort());
    for (const bundle of Object.keys(BUNDLES)) {
      expect(fs.readdirSync(path.join(site, bundle)).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
      const manifest = JSON.parse(fs.readFileSync(path.join(site, bundle, MANIFEST), 'utf8')) as { stories: Record<string, string> };
      expect(Object.keys(manifest.stories).sort()).toEqual(indexedUrls(path.join(site, bundle), 'id').sort());
    }
  });

  it('names the merged bundles on /cari/, newest first; the unsplit demo names none', () => {
    const names = cheerio.load(fs.readFileSync(path.join(site, 'cari/index.html'), 'utf8'))('[data-search-page]').attr('data-merge-index');
    expect(JSON.parse(names!)).toEqual(['/pagefind/arsip-2026/', '/pagefind/arsip-2025/', '/pagefind/arsip-2023-2024/']);
    const demo = cheerio.load(fs.readFileSync(path.join(outDir(sites.demo), 'cari/index.html'), 'utf8'));
    expect(demo('[data-search-page]').attr('data-merge-index')).toBeUndefined();
  });

  it('passes the build check, which reports a bundle that holds other stories than planned', () => {
    const plan = planSearchShards(stories, { recentPages: 5, shardPages: 12 });
    expect(plan.map((s) => s.bundlePath)).toEqual(Object.keys(BUNDLES));
    expect(checkSearchShards(site, plan, published, 'id')).toEqual([]);
    const swapped = plan.map((s, i) => (i === 1 ? { ...s, urls: plan[2]!.urls } : i === 2 ? { ...s, urls: plan[1]!.urls } : s));
    const problems = checkSearchShards(site, swapped, published, 'id');
    expect(problems.some((p) => /^\/pagefind\/arsip-2026\/: \d+ published articles are not in the index/.test(p))).toBe(true);
    expect(problems.some((p) => /^\/pagefind\/arsip-2025\/: \d+ pages that are not published articles are in the index/.test(p))).toBe(true);
    expect(checkSearchShards(site, plan.slice(0, 3), published, 'id')).toEqual([expect.stringMatching(/^12 published articles belong to no search bundle/)]);
  });
});
