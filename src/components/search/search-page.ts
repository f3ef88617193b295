/**
 * Browser side of /cari/: applies our UI strings to Pagefind's Component UI,
 * runs the relevance/newest toggle, and mirrors query, filters and order in the
 * URL (history entries, so the back button returns to the previous search).
 * Pagefind itself is loaded by the Component UI only when a search starts.
 */
import { SEARCH_FILTERS, matchFilterValue, parseSearchUrl, searchUrlQuery, type SearchOrder, type SearchState } from '../../lib/search-url.ts';

/** The part of Pagefind's Component UI instance (pagefind-component-ui.js, 1.6) this page uses. */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'>;
  totalFilters: Record<string, Record<string, number>> | null;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  setTranslations(strings: Record<string, string>): void;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
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
  const ui = root.querySelector<HTMLTemplateElement>('template[data-search-ui]');
  if (ui) ui.replaceWith(ui.content.cloneNode(true));

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
    // An empty /cari/ must not download the index: Pagefind loads on the first search or on focus.
    if (initial && !state.query && Object.keys(state.filters).length === 0) return;
    const wanted = Object.entries(state.filters);
    if (wanted.length > 0) await instance.triggerLoad();
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

function pickFilters(filters: Record<string, string[]> | undefined): SearchState['filters'] {
  const picked: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = filters?.[key] ?? [];
    if (values.length > 0) picked[key] = [...values];
  }
  return picked;
}
