import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_RECENT_PAGES, DEFAULT_SEARCH_SHARD_PAGES, planSearchShards, searchSplit, type IndexedStory } from '../../../src/search/shards.ts';

/** `count` stories in `month` (`2026-06`), one a day from the 1st, newest last. */
const stories = (month: string, count: number): IndexedStory[] =>
  Array.from({ length: count }, (_, i) => ({ url: `/${month.replace('-', '/')}/story-${month}-${i}/`, sortKey: `${month}-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00+07:00` }));
const shape = (plan: ReturnType<typeof planSearchShards>) => plan.map((s) => [s.bundlePath, s.urls.length]);

describe('planSearchShards', () => {
  it('keeps one bundle at /pagefind/ up to twice the recent part', () => {
    const all = [...stories('2026-06', 6), ...stories('2026-05', 4)];
    const plan = planSearchShards(all, { recentPages: 5, shardPages: 100 });
    expect(shape(plan)).toEqual([['/pagefind/', 10]]);
  });

  it('splits a larger site into the newest whole months holding at least the recent size, and the archive', () => {
    const all = [...stories('2026-04', 5), ...stories('2026-06', 3), ...stories('2026-05', 4), ...stories('2026-03', 2)];
    const plan = planSearchShards(all, { recentPages: 5, shardPages: 100 });
    // June (3) is not enough: May joins whole (3 + 4), and the rest is the archive.
    expect(shape(plan)).toEqual([['/pagefind/', 7], ['/pagefind/arsip/', 7]]);
    expect(plan[0]!.urls.every((u) => /^\/2026\/0[56]\//.test(u))).toBe(true);
    expect(plan.flatMap((s) => s.urls).sort()).toEqual(all.map((s) => s.url).sort());
  });

  it('lists each part newest first, and every recent story is newer than every archived one', () => {
    const all = [...stories('2025-11', 9), ...stories('2026-01', 9), ...stories('2025-12', 9)];
    const [recent, archive] = planSearchShards(all, { recentPages: 5, shardPages: 100 });
    const key = new Map(all.map((s) => [s.url, s.sortKey]));
    for (const part of [recent!, archive!]) expect(part.urls.map((u) => key.get(u))).toEqual(part.urls.map((u) => key.get(u)).sort().reverse());
    expect(key.get(recent!.urls.at(-1)!)! > key.get(archive!.urls[0]!)!).toBe(true);
  });

  it('moves no story to the archive when one is published in the same month', () => {
    const before = [...stories('2026-06', 6), ...stories('2026-05', 6), ...stories('2026-04', 6)];
    const after = [...before, { url: '/2026/06/baru/', sortKey: '2026-06-30T23:00:00+07:00' }];
    const archived = (all: IndexedStory[]) => planSearchShards(all, { recentPages: 5, shardPages: 100 })[1]!.urls;
    expect(archived(after)).toEqual(archived(before));
  });

  it('splits an archive larger than the shard size by year, newest first, whole years together up to the size', () => {
    const all = [...stories('2026-06', 6), ...stories('2025-03', 7), ...stories('2024-02', 3), ...stories('2023-05', 4), ...stories('2022-01', 9)];
    const plan = planSearchShards(all, { recentPages: 5, shardPages: 10 });
    expect(shape(plan)).toEqual([['/pagefind/', 6], ['/pagefind/arsip-2024-2025/', 10], ['/pagefind/arsip-2023/', 4], ['/pagefind/arsip-2022/', 9]]);
  });

  it('gives a year larger than the shard size a bundle of its own rather than splitting it', () => {
    const plan = planSearchShards([...stories('2026-06', 6), ...stories('2025-06', 12), ...stories('2024-06', 2)], { recentPages: 5, shardPages: 10 });
    expect(shape(plan)).toEqual([['/pagefind/', 6], ['/pagefind/arsip-2025/', 12], ['/pagefind/arsip-2024/', 2]]);
  });

  it('keeps the index whole when the newest months hold every story', () => {
    expect(shape(planSearchShards(stories('2026-06', 30), { recentPages: 5, shardPages: 10 }))).toEqual([['/pagefind/', 30]]);
  });
});

describe('searchSplit', () => {
  it('reads WARTA_SEARCH_RECENT_PAGES and WARTA_SEARCH_SHARD_PAGES, defaulting when unset or empty', () => {
    expect(searchSplit({})).toEqual({ recentPages: DEFAULT_SEARCH_RECENT_PAGES, shardPages: DEFAULT_SEARCH_SHARD_PAGES });
    expect(searchSplit({ WARTA_SEARCH_RECENT_PAGES: '', WARTA_SEARCH_SHARD_PAGES: '5000' })).toEqual({ recentPages: DEFAULT_SEARCH_RECENT_PAGES, shardPages: 5000 });
  });

  it('refuses a value that is not a whole number of at least 1, naming the variable and the value', () => {
    expect(() => searchSplit({ WARTA_SEARCH_SHARD_PAGES: '15k' })).toThrow(/WARTA_SEARCH_SHARD_PAGES must be a whole number 1 or more .*got "15k"/);
    expect(() => searchSplit({ WARTA_SEARCH_RECENT_PAGES: '0' })).toThrow(/WARTA_SEARCH_RECENT_PAGES/);
    expect(() => searchSplit({ WARTA_SEARCH_RECENT_PAGES: '2.5' })).toThrow(/WARTA_SEARCH_RECENT_PAGES/);
  });
});
