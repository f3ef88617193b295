/**
 * How /cari/ searches an index split into bundles (a recent part and the archive,
 * shards.ts) through Pagefind's JS API (pagefind.js, 1.6). Pure: the API is
 * passed in, so scripts/bench/search-queries.ts runs the same merge in Node.
 */

export type FilterCounts = Record<string, Record<string, number>>;
export type SearchFilters = Record<string, string[] | { any?: string[]; none?: string[] }>;

export interface SearchOptions {
  filters?: SearchFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The fields of a result's `data()` the search page reads (see excerpt.ts for the text fields). */
export interface ResultData {
  url: string;
  content: string;
  raw_content?: string;
  meta: Record<string, string | undefined>;
  weighted_locations: { balanced_score: number; location: number }[];
  anchors?: { id: string; text?: string; location: number }[];
}

export interface SearchResult {
  id: string;
  data(): Promise<ResultData>;
}

export interface SearchResponse {
  results: SearchResult[];
  /** Counts for the current query and filters: how many results each filter value would leave. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
  unfilteredResultCount: number;
}

/** The part of Pagefind's JS API the search page calls. */
export interface PagefindApi {
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  mergeIndex(bundlePath: string, options?: { mergeFilter?: Record<string, string> }): Promise<void>;
}

/** The synthetic filter naming a merged bundle (Pagefind's `mergeFilter`); the first bundle has none. */
export const BUNDLE_FILTER = 'warta-bundle';

/**
 * A large site's index is a small recent bundle and the archive. The first search is answered
 * from the recent bundle alone, so its results come after that bundle's few kilobytes rather
 * than the whole archive's page table; then the archive bundles are merged (`mergeIndex`, each
 * tagged so a sorted search can ask them in turn) and `merged` is called, so the page runs the
 * search on screen again over all of them. A first search the recent bundle has no answer for
 * waits for the archive instead of showing "no results" for a moment. Filter data (counts over
 * every story) waits for the archive too. `joined` is called as soon as the archive is merged,
 * whichever of these merged it, before any search over it answers.
 */
export function archiveAfterFirstSearch(api: PagefindApi, archive: string[], merged: () => void, joined?: () => void): PagefindApi {
  let merging: Promise<void> | undefined;
  const mergeAll = () =>
    (merging ??= (async () => {
      for (const bundle of archive) await api.mergeIndex(bundle, { mergeFilter: { [BUNDLE_FILTER]: bundle } });
      joined?.();
    })());
  const all = newestFirstAcrossBundles(api, archive);
  return {
    mergeIndex: (bundle, options) => api.mergeIndex(bundle, options),
    async filters() {
      await mergeAll();
      return api.filters();
    },
    async search(term, options) {
      if (!merging) {
        const recent = await api.search(term, options);
        if (merging) return all.search(term, options);
        if (recent.results.length > 0) {
          void mergeAll().then(merged);
          return recent;
        }
      }
      await mergeAll();
      return all.search(term, options);
    },
  };
}

/**
 * Pagefind merges bundles by score, and in a sorted search a result's score is its rank
 * inside its own bundle, so "Terbaru" over merged bundles came out interleaved (2026, 2024,
 * 2026, 2025, …). The bundles hold disjoint date ranges, newest first (shards.ts),
 * so a sorted search asks each bundle in turn and lists their answers one after another.
 * Relevance searches stay Pagefind's own merge.
 */
export function newestFirstAcrossBundles(api: PagefindApi, merged: string[]): PagefindApi {
  return {
    filters: () => api.filters(),
    mergeIndex: (bundle, options) => api.mergeIndex(bundle, options),
    async search(term, options = {}) {
      const direction = Object.values(options.sort ?? {})[0];
      if (!direction) return api.search(term, options);
      const only = (bundle: string | undefined) => ({
        ...options,
        filters: { ...options.filters, [BUNDLE_FILTER]: bundle ? [bundle] : { none: merged } },
      });
      const parts = await Promise.all([undefined, ...merged].map((bundle) => api.search(term, only(bundle))));
      if (direction === 'asc') parts.reverse();
      return {
        ...parts[0]!,
        results: parts.flatMap((p) => p.results),
        // Counts for the current search: each part counted its own bundle's pages.
        filters: sumFilterCounts(parts.map((p) => p.filters)),
      };
    },
  };
}

export function sumFilterCounts(all: FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
