/**
 * Browser side of /cari/: applies our UI strings to Pagefind's Component UI,
 * runs the relevance/newest toggle, and mirrors query, filters and order in the
 * URL (history entries, so the back button returns to the previous search).
 * Pagefind itself loads only when a search starts (or the input gets focus), and
 * filter data only when the reader reaches for a filter (see `deferFilterData`).
 */
import { SEARCH_FILTERS, matchFilterValue, parseSearchUrl, searchUrlQuery, type SearchOrder, type SearchState } from '../../lib/search-url.ts';
import { bodyExcerpt, type ExcerptSource } from '../../lib/search-excerpt.ts';

type FilterCounts = Record<string, Record<string, number>>;

type Filters = Record<string, string[] | { any?: string[]; none?: string[] }>;
interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
  [option: string]: unknown;
}
interface SearchResult {
  data(): Promise<ExcerptSource & { excerpt: string }>;
  [field: string]: unknown;
}
interface SearchResponse {
  results: SearchResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  [field: string]: unknown;
}

/** The part of Pagefind's JS API (pagefind.js, 1.6) this page calls itself; the Component UI calls `search` and `filters`. */
interface PagefindApi {
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  mergeIndex(bundlePath: string, options?: { mergeFilter?: Record<string, string> }): Promise<void>;
}

/**
 * The part of Pagefind's Component UI instance (pagefind-component-ui.js, 1.6) this page uses.
 * The `__…__` members are internals of 1.6 (see `deferFilterData`); check them when upgrading Pagefind.
 */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'>;
  availableFilters: FilterCounts | null;
  totalFilters: FilterCounts | null;
  options: { bundlePath: string; mergeIndex: unknown[] };
  pagefindOptions: Record<string, unknown> | undefined;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  setTranslations(strings: Record<string, string>): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  __pagefind__?: PagefindApi;
  __load__(): Promise<void>;
  __clear__(): Promise<void>;
  __search__(term: string, filters: Record<string, string[]>): Promise<void>;
  __dispatch__(event: string, ...args: unknown[]): void;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
  }
}

/** The sort key `PagefindMeta.astro` writes (UTC ISO date). */
const SORT_NEWEST = { tanggal: 'desc' } as const;
/** How long the query must rest before it becomes a history entry, so typing "banjir" does not leave "b", "ba", … behind. */
const SETTLE_MS = 800;

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const components = window.PagefindComponents;
  if (!root || !components) return;
  const instance = components.getInstanceManager().getInstance('default');
  instance.setTranslations(JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>);
  // A large site's index is split into bundles (src/lib/search-shards.ts); the recent one is Pagefind's bundlePath.
  const merged = JSON.parse(root.dataset.mergeIndex ?? '[]') as string[];
  const filterData = deferFilterData(instance, merged);
  const ui = root.querySelector<HTMLTemplateElement>('template[data-search-ui]');
  if (ui) ui.replaceWith(ui.content.cloneNode(true));
  // A filter dropdown about to open (focus, or a press that focuses it) is the cue to fetch filter data.
  const filterGroup = root.querySelector<HTMLElement>('[data-search-filters]');
  for (const event of ['focusin', 'pointerdown']) filterGroup?.addEventListener(event, () => void filterData.load(), { capture: true });

  if (filterGroup) closeMenusOnEscape(filterGroup);
  // The header's search box (SiteHeader.astro) shows the query this page is searching for.
  const headerInput = document.querySelector<HTMLInputElement>('form[role="search"] input[name="q"]');
  const showInHeader = (query: string) => {
    if (headerInput && document.activeElement !== headerInput) headerInput.value = query;
  };

  const orderInputs = [...root.querySelectorAll<HTMLInputElement>('[data-search-order] input[name="urut"]')];
  let order: SearchOrder = 'relevansi';
  let restoring = false;
  let timer: number | undefined;

  const setOrder = (next: SearchOrder) => {
    order = next;
    instance.searchSort = next === 'terbaru' ? { ...SORT_NEWEST } : {};
    for (const input of orderInputs) input.checked = input.value === next;
  };

  const current = (): SearchState => ({ query: instance.searchTerm ?? '', filters: pickFilters(instance.searchFilters), order });

  const commit = () => {
    window.clearTimeout(timer);
    const url = `${location.pathname}${searchUrlQuery(current())}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  };

  /** Runs the search the URL describes; filter values are matched to the index's names (`lokasi=palembang` → "Palembang"). */
  const restore = async (initial: boolean) => {
    const state = parseSearchUrl(location.search);
    setOrder(state.order);
    showInHeader(state.query);
    // An empty /cari/ must not download the index: Pagefind loads on the first search or on focus.
    if (initial && !state.query && Object.keys(state.filters).length === 0) return;
    const wanted = Object.entries(state.filters);
    if (wanted.length > 0) await filterData.load();
    const filters: Record<string, string[]> = {};
    for (const [key, values] of wanted) {
      const known = Object.keys(instance.totalFilters?.[key] ?? {});
      filters[key] = values.map((v) => matchFilterValue(v, known));
    }
    // Pagefind's input only follows other components' searches while it is not focused; after "back" it usually is.
    const input = root.querySelector<HTMLInputElement>('pagefind-input input');
    if (input) input.value = state.query;
    restoring = true;
    instance.triggerSearchWithFilters(state.query, filters);
    restoring = false;
  };

  instance.on('search', (term, filters) => {
    if (restoring) return;
    showInHeader(term);
    // A changed filter or order is a deliberate step: record it now. A changed query may still be half typed.
    const inUrl = parseSearchUrl(location.search);
    const refinement = (state: SearchState) => searchUrlQuery({ ...state, query: '' });
    const refined = refinement({ query: term, filters: pickFilters(filters), order }) !== refinement(inUrl);
    window.clearTimeout(timer);
    if (refined && term.trim() === inUrl.query) commit();
    else timer = window.setTimeout(commit, SETTLE_MS);
  });

  for (const input of orderInputs) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      setOrder(input.value === 'terbaru' ? 'terbaru' : 'relevansi');
      instance.triggerSearchWithFilters(instance.searchTerm ?? '', instance.searchFilters ?? {});
    });
  }

  window.addEventListener('popstate', () => {
    window.clearTimeout(timer);
    void restore(false);
  });
  void restore(true);
}

/**
 * Names each filter menu's trigger after its dropdown and the value chosen in it
 * ("Lokasi: Palembang"), in its text and its accessible name. Pagefind's trigger shows a
 * count badge instead (hidden in SearchPage.astro) and names itself in English ("Lokasi, 1
 * filter selected"), or not at all: a role="combobox" takes no name from its content, so
 * screen readers (and axe's button-name rule, WCAG 4.1.2) got none. Pagefind re-renders
 * triggers and options as filters load and change, so this runs on every such change.
 */
export function nameFilterTriggers(group: HTMLElement): void {
  const name = () => {
    for (const dropdown of group.querySelectorAll<HTMLElement>('pagefind-filter-dropdown[label]')) {
      const trigger = dropdown.querySelector<HTMLButtonElement>('.pf-dropdown-trigger');
      const text = trigger?.querySelector('.pf-dropdown-trigger-label');
      if (!trigger || !text) continue;
      const chosen = [...dropdown.querySelectorAll<HTMLElement>('[role="option"][aria-selected="true"]')].map((o) => o.dataset.value);
      const label = dropdown.getAttribute('label')!;
      const name = chosen.length > 0 ? `${label}: ${chosen.join(', ')}` : label;
      if (text.textContent !== name) text.textContent = name;
      if (trigger.getAttribute('aria-label') !== name) trigger.setAttribute('aria-label', name);
    }
  };
  name();
  new MutationObserver(name).observe(group, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-selected', 'aria-label'] });
}

/**
 * Escape closes an open filter menu wherever focus is. Pagefind's dropdown listens on its
 * trigger only, and a tap inside the open menu moves focus off it (to the page), after
 * which Escape did nothing.
 */
export function closeMenusOnEscape(group: HTMLElement): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const trigger of group.querySelectorAll<HTMLButtonElement>('.pf-dropdown-trigger[aria-expanded="true"]')) trigger.click();
  });
}

/** Pagefind's default excerpt length in words, when `<pagefind-config>` sets none. */
const DEFAULT_EXCERPT_LENGTH = 30;

/** Each result's excerpt from the story's body, not its headline and dateline (lib/search-excerpt.ts). */
export function withBodyExcerpts(api: PagefindApi, length: number): PagefindApi {
  return {
    filters: () => api.filters(),
    mergeIndex: (bundle, options) => api.mergeIndex(bundle, options),
    async search(term, options) {
      const response = await api.search(term, options);
      const results = response.results.map((result) => ({
        ...result,
        data: async () => {
          const data = await result.data();
          return { ...data, excerpt: bodyExcerpt(data, length) };
        },
      }));
      return { ...response, results };
    },
  };
}

/**
 * Keeps filter data out of the first search. Pagefind's Component UI (1.6) fetches
 * every filter's data as soon as it loads the index (`__doLoad__` ends with
 * `filters()`), ~67 KB gzip at 10,000 articles, although a search without a filter
 * needs none of it. So Pagefind is loaded here instead, the same way but without
 * that call, and filter data comes when the reader reaches for a filter dropdown or
 * the URL carries a filter. The dropdowns show Pagefind's own loading state until then.
 */
function deferFilterData(instance: PagefindInstance, mergeIndex: string[]): { load(): Promise<void> } {
  let runtime: Promise<void> | undefined;
  let filters: Promise<void> | undefined;

  const loadRuntime = (): Promise<void> =>
    (runtime ??= (async () => {
      if (instance.__pagefind__) return;
      const bundlePath = instance.options.bundlePath;
      try {
        const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as { createInstance(options: Record<string, unknown>): PagefindApi };
        const api = pagefind.createInstance(instance.pagefindOptions ?? {});
        // The search on screen runs again once the archive has joined, as the Component UI does when filters load.
        const again = () => void (instance.searchTerm && instance.__search__(instance.searchTerm, instance.searchFilters ?? {}));
        const merged = mergeIndex.length > 0 ? archiveAfterFirstSearch(api, mergeIndex, again) : api;
        instance.__pagefind__ = withBodyExcerpts(merged, Number(instance.pagefindOptions?.excerptLength) || DEFAULT_EXCERPT_LENGTH);
      } catch (error) {
        runtime = undefined;
        console.error(error);
        instance.__dispatch__('error', { type: 'bundle_load_failed', message: 'Could not load search bundle', bundlePath, error });
      }
    })());

  const loadFilters = (): Promise<void> =>
    (filters ??= (async () => {
      await loadRuntime();
      const pagefind = instance.__pagefind__;
      if (!pagefind) {
        filters = undefined;
        return;
      }
      const all = await pagefind.filters();
      instance.availableFilters = all;
      instance.totalFilters = all;
      instance.__dispatch__('filters', { available: all, total: all });
      // Counts for the query on screen, as the Component UI shows them after a search.
      if (instance.searchTerm) await instance.__search__(instance.searchTerm, instance.searchFilters ?? {});
    })());

  // Both the Component UI's own loading (`__load__`, behind every search and `triggerLoad()`) and
  // its reset when the query is emptied (`__clear__`, which re-reads all filters) skip filter data
  // until it has been asked for.
  instance.__load__ = loadRuntime;
  const clear = instance.__clear__.bind(instance);
  instance.__clear__ = async () => {
    if (filters) return clear();
    instance.__dispatch__('results', { results: [], unfilteredTotalCount: 0 });
  };
  return { load: loadFilters };
}

/** The synthetic filter naming a merged bundle (Pagefind's `mergeFilter`); the first bundle has none. */
const BUNDLE_FILTER = 'warta-bundle';

/**
 * A large site's index is a small recent bundle and the archive (lib/search-shards.ts). The
 * first search is answered from the recent bundle alone, so its results come after that
 * bundle's few kilobytes rather than the whole archive's page table; then the archive bundles
 * are merged (`mergeIndex`, each tagged so a sorted search can ask them in turn) and `merged`
 * runs the search on screen again over all of them. A first search the recent bundle has no
 * answer for waits for the archive instead of showing "no results" for a moment. Filter data
 * (counts over every story) waits for the archive too.
 */
export function archiveAfterFirstSearch(api: PagefindApi, archive: string[], merged: () => void): PagefindApi {
  let merging: Promise<void> | undefined;
  const mergeAll = () =>
    (merging ??= (async () => {
      for (const bundle of archive) await api.mergeIndex(bundle, { mergeFilter: { [BUNDLE_FILTER]: bundle } });
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
 * 2026, 2025, …). The bundles hold disjoint date ranges, newest first (lib/search-shards.ts),
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

function sumFilterCounts(all: FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

function pickFilters(filters: Record<string, string[]> | undefined): SearchState['filters'] {
  const picked: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = filters?.[key] ?? [];
    if (values.length > 0) picked[key] = [...values];
  }
  return picked;
}
