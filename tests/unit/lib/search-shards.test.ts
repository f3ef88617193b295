import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_SHARD_PAGES, planSearchShards, searchShardPages } from '../../../src/lib/search-shards.ts';

const PERMALINK = '/:year/:month/:slug/';
/** `count` story URLs in `year`. */
const stories = (year: number, count: number) => Array.from({ length: count }, (_, i) => `/${year}/0${(i % 9) + 1}/story-${year}-${i}/`);

describe('planSearchShards', () => {
  it('keeps one bundle at /pagefind/ while the published stories fit in one', () => {
    const urls = [...stories(2026, 5), ...stories(2025, 5)];
    expect(planSearchShards(urls, 10, PERMALINK)).toEqual([{ bundlePath: '/pagefind/', years: [], urls }]);
  });

  it('splits a larger archive by year, newest first, filling each bundle with whole years up to the limit', () => {
    const urls = [...stories(2023, 4), ...stories(2026, 7), ...stories(2024, 3), ...stories(2025, 5)];
    const shards = planSearchShards(urls, 10, PERMALINK);
    expect(shards.map((s) => [s.bundlePath, s.years, s.urls.length])).toEqual([
      ['/pagefind/', ['2026'], 7],
      ['/pagefind/arsip-2024-2025/', ['2025', '2024'], 8],
      ['/pagefind/arsip-2023/', ['2023'], 4],
    ]);
    expect(shards.flatMap((s) => s.urls).sort()).toEqual([...urls].sort());
    for (const shard of shards) for (const url of shard.urls) expect(shard.years).toContain(url.split('/')[1]);
  });

  it('gives a year larger than the limit a bundle of its own rather than splitting it', () => {
    const shards = planSearchShards([...stories(2026, 12), ...stories(2025, 2)], 10, PERMALINK);
    expect(shards.map((s) => [s.years, s.urls.length])).toEqual([[['2026'], 12], [['2025'], 2]]);
  });

  it('keeps the index whole when the permalink does not start with the year ("Terbaru" across bundles needs whole years in each)', () => {
    const urls = ['/politik/a/', '/hukum/b/', '/olahraga/c/'];
    expect(planSearchShards(urls, 1, '/:category/:slug/')).toHaveLength(1);
    expect(planSearchShards(['/a/', '/b/'], 1, '/:slug/')).toHaveLength(1);
  });

  it('keeps the index whole when all stories are from one year', () => {
    expect(planSearchShards(stories(2026, 30), 10, PERMALINK)).toHaveLength(1);
  });
});

describe('searchShardPages', () => {
  it('reads WARTA_SEARCH_SHARD_PAGES, defaulting when unset or empty', () => {
    expect(searchShardPages({})).toBe(DEFAULT_SEARCH_SHARD_PAGES);
    expect(searchShardPages({ WARTA_SEARCH_SHARD_PAGES: '' })).toBe(DEFAULT_SEARCH_SHARD_PAGES);
    expect(searchShardPages({ WARTA_SEARCH_SHARD_PAGES: '5000' })).toBe(5000);
  });

  it('refuses a value that is not a whole number of at least 1, naming the variable and the value', () => {
    expect(() => searchShardPages({ WARTA_SEARCH_SHARD_PAGES: '15k' })).toThrow(/WARTA_SEARCH_SHARD_PAGES must be a whole number 1 or more .*got "15k"/);
    expect(() => searchShardPages({ WARTA_SEARCH_SHARD_PAGES: '0' })).toThrow(/WARTA_SEARCH_SHARD_PAGES/);
    expect(() => searchShardPages({ WARTA_SEARCH_SHARD_PAGES: '2.5' })).toThrow(/WARTA_SEARCH_SHARD_PAGES/);
  });
});
