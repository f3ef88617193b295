import { describe, expect, it } from 'vitest';
import { archiveAfterFirstSearch, BUNDLE_FILTER, newestFirstAcrossBundles, type PagefindApi, type SearchOptions, type SearchResponse } from '../../../src/search/bundles.ts';

/** A stand-in for pagefind.js over bundles of page ids; a search lists the pages of the bundles merged so far that its bundle filter allows. */
function fakePagefind(bundles: Record<string, string[]>) {
  const merged = ['/pagefind/'];
  const calls: string[] = [];
  const response = (ids: string[]): SearchResponse => ({
    results: ids.map((id) => ({ id, data: async () => ({ url: id, content: '', meta: {}, weighted_locations: [] }) })),
    filters: { lokasi: { Palembang: ids.length } },
    totalFilters: {},
    unfilteredResultCount: ids.length,
  });
  const api: PagefindApi = {
    async filters() {
      calls.push('filters');
      return {};
    },
    async mergeIndex(bundle) {
      calls.push(`merge ${bundle}`);
      merged.push(bundle);
    },
    async search(_term, options: SearchOptions = {}) {
      const only = options.filters?.[BUNDLE_FILTER];
      const inOrder = Array.isArray(only) ? merged.filter((b) => only.includes(b)) : merged.filter((b) => !(only?.none ?? []).includes(b));
      // Pagefind's merge by score interleaves bundles; this stand-in alternates them.
      const lists = inOrder.map((b) => [...bundles[b]!]);
      const ids: string[] = [];
      while (lists.some((l) => l.length > 0)) for (const l of lists) if (l.length > 0) ids.push(l.shift()!);
      calls.push(`search ${inOrder.join(',')}`);
      return response(ids);
    },
  };
  return { api, calls };
}

describe('searching an index split into bundles', () => {
  it('lists a newest-first search bundle after bundle, newest bundle first, and sums their filter counts', async () => {
    const { api } = fakePagefind({ '/pagefind/': ['n1', 'n2'], '/pagefind/arsip/': ['a1', 'a2'] });
    await api.mergeIndex('/pagefind/arsip/');
    const all = newestFirstAcrossBundles(api, ['/pagefind/arsip/']);
    const sorted = await all.search('x', { sort: { tanggal: 'desc' } });
    expect(sorted.results.map((r) => r.id)).toEqual(['n1', 'n2', 'a1', 'a2']);
    expect(sorted.filters).toEqual({ lokasi: { Palembang: 4 } });
    expect((await all.search('x', {})).results.map((r) => r.id)).toEqual(['n1', 'a1', 'n2', 'a2']);
  });

  it('answers the first search from the recent bundle, then merges the archive and says so', async () => {
    const { api, calls } = fakePagefind({ '/pagefind/': ['n1'], '/pagefind/arsip/': ['a1'] });
    let mergedNow: () => void = () => {};
    const done = new Promise<void>((resolve) => (mergedNow = resolve));
    const order: string[] = [];
    const split = archiveAfterFirstSearch(api, ['/pagefind/arsip/'], () => (order.push('merged'), mergedNow()), () => order.push('joined'));
    expect((await split.search('x', {})).results.map((r) => r.id)).toEqual(['n1']);
    await done;
    expect(order).toEqual(['joined', 'merged']);
    expect(calls).toEqual(['search /pagefind/', 'merge /pagefind/arsip/']);
    expect((await split.search('x', {})).results.map((r) => r.id)).toEqual(['n1', 'a1']);
  });

  it('waits for the archive when the recent bundle has no answer, and before giving filter data', async () => {
    const { api, calls } = fakePagefind({ '/pagefind/': [], '/pagefind/arsip/': ['a1'] });
    const order: string[] = [];
    const split = archiveAfterFirstSearch(api, ['/pagefind/arsip/'], () => order.push('merged'), () => order.push('joined'));
    expect((await split.search('x', {})).results.map((r) => r.id)).toEqual(['a1']);
    // Joined, though no search needs running again: the one under way already covers the archive.
    expect(order).toEqual(['joined']);
    await split.filters();
    expect(calls).toEqual(['search /pagefind/', 'merge /pagefind/arsip/', 'search /pagefind/,/pagefind/arsip/', 'filters']);
  });
});
