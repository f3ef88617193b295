/**
 * Browser side of /cari/: a results list written on Pagefind's JS API (pagefind.js).
 * The form (SearchPage.astro) is plain HTML: a search box, one native <select> per filter,
 * the relevance/newest radios. This script runs the searches, renders the results, and
 * mirrors query, filters and order in the URL (history entries, so Back returns to the
 * previous search). Pagefind loads only when a search starts or the search box gets focus,
 * filter data only when the reader reaches for a filter or the URL carries one.
 */
import { SEARCH_FILTERS, matchFilterValue, parseSearchUrl, searchUrlQuery, type SearchFilter, type SearchState } from '../../search/url.ts';
import { bodyExcerpt } from '../../search/excerpt.ts';
import { archiveAfterFirstSearch, type FilterCounts, type PagefindApi, type ResultData, type SearchResult } from '../../search/bundles.ts';

/** Pagefind's module-level API: the searching part plus its setup calls. */
interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

/** The texts this script writes, from src/i18n (`search.*`), with `{count}` and `{term}` left to fill. */
interface Strings {
  prompt: string;
  searching: string;
  error: string;
  zero: string;
  one: string;
  many: string;
  totalZero: string;
  totalOne: string;
  totalMany: string;
}

/** The sort key `PagefindMeta.astro` writes (ISO date in the site's zone). */
const SORT_NEWEST = { tanggal: 'desc' } as const;
/** Results shown at once and added by "load more": about a phone screen, each costing one fragment download. */
const PAGE_SIZE = 5;
/** Words of body text under each result. */
const EXCERPT_WORDS = 28;
/** Pause in typing before a search runs. */
const TYPING_MS = 150;
/** How long the query must rest before it becomes a history entry, so typing "banjir" does not leave "b", "ba", … behind. */
const SETTLE_MS = 800;
/** A search slower than this says "Searching for …" meanwhile; a quick one goes straight to its count, one announcement. */
const SEARCHING_MS = 400;

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const template = root?.querySelector<HTMLTemplateElement>('template[data-search-ui]');
  if (!root || !template) return;
  template.replaceWith(template.content.cloneNode(true));

  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  // A large site's index is split into bundles (search/shards.ts): /pagefind/ answers first, these join after.
  const archive = JSON.parse(root.dataset.mergeIndex ?? '[]') as string[];
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const filterGroup = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const selects = new Map(SEARCH_FILTERS.map((key) => [key, root.querySelector<HTMLSelectElement>(`select[name="${key}"]`)!]));
  const clearButtons = new Map(SEARCH_FILTERS.map((key) => [key, root.querySelector<HTMLButtonElement>(`button[data-clear="${key}"]`)!]));
  const orderInputs = [...root.querySelectorAll<HTMLInputElement>('input[name="urut"]')];
  const summary = root.querySelector<HTMLElement>('[data-search-summary]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  // The header's search box (SiteHeader.astro) shows the query this page is searching for.
  const headerInput = document.querySelector<HTMLInputElement>('form[role="search"] input[name="q"]');
  const count = new Intl.NumberFormat(document.documentElement.lang || undefined);

  let state: SearchState = { query: '', filters: {}, order: 'relevansi' };
  let results: SearchResult[] = [];
  let shown = 0;
  let generation = 0;
  let typingTimer: number | undefined;
  let settleTimer: number | undefined;

  let runtime: Promise<PagefindApi> | undefined;
  const pagefind = (): Promise<PagefindApi> =>
    (runtime ??= (async () => {
      const bundlePath = root.dataset.bundle ?? '/pagefind/';
      const module = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindModule;
      // Pagefind runs on the page: a search is milliseconds of work, and its worker script a further download.
      await module.options({ noWorker: true });
      await module.init();
      // The search on screen runs again once the archive has joined. `data-archive="merged"` then says the
      // answer on screen, once the list is no longer busy, covers every bundle (for tests and styles).
      if (archive.length === 0) return module;
      return archiveAfterFirstSearch(module, archive, () => void run(true), () => (root.dataset.archive = 'merged'));
    })().catch((error: unknown) => {
      runtime = undefined;
      throw error;
    }));

  let filterData: Promise<FilterCounts> | undefined;
  let totals: FilterCounts | undefined;
  const loadFilters = (): Promise<FilterCounts> =>
    (filterData ??= (async () => {
      totals = await (await pagefind()).filters();
      fillOptions(totals);
      // A search on screen counts its own results per value, not the whole site's.
      if (state.query || Object.keys(state.filters).length > 0) void run(true);
      return totals;
    })().catch((error: unknown) => {
      filterData = undefined;
      throw error;
    }));

  /** Each filter's values as options, alphabetically; beside each, how many results it would leave (none on a chosen filter). */
  const fillOptions = (counts: FilterCounts) => {
    for (const [key, select] of selects) {
      const chosen = state.filters[key]?.[0];
      const values = Object.keys(totals?.[key] ?? {});
      if (chosen && !values.includes(chosen)) values.push(chosen);
      values.sort((a, b) => a.localeCompare(b, document.documentElement.lang || undefined));
      const options = values.map((value) => {
        const n = counts[key]?.[value];
        return new Option(chosen || n === undefined ? value : `${value} (${count.format(n)})`, value, false, value === chosen);
      });
      select.replaceChildren(select.options[0]!, ...options);
      select.value = chosen ?? '';
    }
  };

  const showFilters = () => {
    for (const [key, select] of selects) {
      const chosen = state.filters[key]?.[0] ?? '';
      if (chosen && ![...select.options].some((o) => o.value === chosen)) select.add(new Option(chosen, chosen));
      select.value = chosen;
      clearButtons.get(key)!.hidden = !chosen;
    }
    for (const radio of orderInputs) radio.checked = radio.value === state.order;
  };

  const showInHeader = (query: string) => {
    if (headerInput && document.activeElement !== headerInput) headerInput.value = query;
  };

  const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (all, name: string) => params[name] ?? all);

  const announce = (total: number, term: string) => {
    const [zero, one, many] = term ? [strings.zero, strings.one, strings.many] : [strings.totalZero, strings.totalOne, strings.totalMany];
    summary.textContent = fill(total === 0 ? zero : total === 1 ? one : many, { count: count.format(total), term });
  };

  /**
   * Runs the search in `state` and shows its first results; an older search still under way is dropped.
   * `again`: the same search run anew (the archive joined, filter counts arrived), which keeps as many
   * results on screen as "load more" had shown.
   */
  async function run(again = false): Promise<void> {
    const id = ++generation;
    const { query, filters, order } = state;
    if (!query && Object.keys(filters).length === 0) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      summary.textContent = strings.prompt;
      return;
    }
    const slow = window.setTimeout(() => {
      if (id === generation) summary.textContent = fill(strings.searching, { term: query });
    }, SEARCHING_MS);
    list.setAttribute('aria-busy', 'true');
    try {
      const api = await pagefind();
      const response = await api.search(query || null, {
        filters: Object.fromEntries(Object.entries(filters)),
        ...(order === 'terbaru' ? { sort: { ...SORT_NEWEST } } : {}),
      });
      if (id !== generation) return;
      const keep = again ? Math.max(shown, PAGE_SIZE) : PAGE_SIZE;
      results = response.results;
      shown = 0;
      await showMore(id, false, keep);
      if (id !== generation) return;
      announce(results.length, query);
      if (totals) fillOptions(response.filters);
    } catch (error) {
      console.error(error);
      if (id === generation) summary.textContent = strings.error;
    } finally {
      window.clearTimeout(slow);
      if (id === generation) list.removeAttribute('aria-busy');
    }
  }

  /** Adds the next results; from the "load more" button, focus moves to the first added one. */
  async function showMore(id: number, focus: boolean, size = PAGE_SIZE): Promise<void> {
    // Claimed before the wait, so a second press while these load takes the results after them.
    const from = shown;
    const batch = results.slice(from, from + size);
    shown = from + batch.length;
    let data: ResultData[];
    try {
      data = await Promise.all(batch.map((result) => result.data()));
    } catch (error) {
      if (id === generation) shown = from;
      throw error;
    }
    if (id !== generation) return;
    const items = data.map(resultItem);
    if (from === 0) list.replaceChildren(...items);
    else list.append(...items);
    more.hidden = shown >= results.length;
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  const commit = () => {
    window.clearTimeout(settleTimer);
    const url = `${location.pathname}${searchUrlQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  };

  /** A changed filter or order is a deliberate step: searched and recorded at once. */
  const refine = (change: Partial<SearchState>) => {
    window.clearTimeout(typingTimer);
    state = { ...state, query: input.value.trim(), ...change };
    showFilters();
    void run();
    commit();
  };

  /** Runs the search the URL describes; filter values are matched to the index's names (`lokasi=palembang` → "Palembang"). */
  const restore = async (initial: boolean) => {
    window.clearTimeout(typingTimer);
    window.clearTimeout(settleTimer);
    state = parseSearchUrl(location.search);
    input.value = state.query;
    showInHeader(state.query);
    showFilters();
    // An empty /cari/ downloads nothing: Pagefind loads on the first search or when the search box gets focus.
    if (initial && !state.query && Object.keys(state.filters).length === 0) return;
    if (Object.keys(state.filters).length > 0) {
      const known = await loadFilters().catch(() => ({}) as FilterCounts);
      const filters: SearchState['filters'] = {};
      for (const [key, values] of Object.entries(state.filters) as [SearchFilter, string[]][]) {
        filters[key] = values.map((value) => matchFilterValue(value, Object.keys(known[key] ?? {})));
      }
      state = { ...state, filters };
      showFilters();
    }
    await run();
  };

  input.addEventListener('focus', () => void pagefind().catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    state = { ...state, query: input.value.trim() };
    showInHeader(state.query);
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => void run(), TYPING_MS);
    window.clearTimeout(settleTimer);
    settleTimer = window.setTimeout(commit, SETTLE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refine({});
  });

  // A filter about to open (keyboard focus, or a press) is the cue to fetch filter data.
  filterGroup.addEventListener('focusin', () => void loadFilters().catch(() => {}));
  for (const [key, select] of selects) {
    // Until its values have arrived a menu holds only "all": a press waits for them, then opens it.
    select.addEventListener('pointerdown', (event) => {
      if (totals) return;
      event.preventDefault();
      void loadFilters().then(() => {
        select.focus();
        try {
          select.showPicker();
        } catch {
          // No picker without a recent press (a slow network) or support: the menu has focus, a second press opens it.
        }
      }, () => {});
    });
    select.addEventListener('change', () => {
      const filters = { ...state.filters };
      if (select.value) filters[key] = [select.value];
      else delete filters[key];
      refine({ filters });
    });
  }
  for (const [key, button] of clearButtons) {
    button.addEventListener('click', () => {
      const filters = { ...state.filters };
      delete filters[key];
      refine({ filters });
      selects.get(key)!.focus();
    });
  }
  for (const radio of orderInputs) {
    radio.addEventListener('change', () => {
      if (radio.checked) refine({ order: radio.value === 'terbaru' ? 'terbaru' : 'relevansi' });
    });
  }
  // One page of results at a time: a second press while one loads would add its page out of order.
  let loadingMore = false;
  more.addEventListener('click', () => {
    if (loadingMore) return;
    loadingMore = true;
    showMore(generation, true)
      .catch((error: unknown) => {
        console.error(error);
        summary.textContent = strings.error;
      })
      .finally(() => (loadingMore = false));
  });
  window.addEventListener('popstate', () => void restore(false));
  void restore(true);
}

/** One result: headline, category · date, excerpt, thumbnail. Everything from the index is text except the excerpt's <mark>s. */
function resultItem(data: ResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const body = element('div', 'search-result__body');
  const title = element('h2', 'search-result__title');
  const link = element('a');
  link.setAttribute('href', safeUrl(data.meta.url ?? data.url));
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const meta = element('p', 'search-result__meta');
  meta.append(`${data.meta.kategori ?? ''} · `, Object.assign(element('span', 'search-result__date'), { textContent: data.meta.tanggal ?? '' }));
  body.append(title, meta);
  const excerpt = bodyExcerpt(data, EXCERPT_WORDS);
  if (excerpt) {
    const p = element('p', 'search-result__excerpt');
    p.append(markedText(excerpt));
    body.append(p);
  }
  item.append(body);
  if (data.meta.image) {
    const img = Object.assign(element('img', 'search-result__thumb'), { alt: '', width: 120, height: 80, loading: 'lazy', decoding: 'async' });
    img.setAttribute('src', safeUrl(data.meta.image));
    item.append(img);
  }
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/**
 * The excerpt as text with its matches in <mark>. Pagefind's indexed text is HTML-escaped and
 * the excerpt adds only <mark>; it is parsed in an inert <template> (nothing loads or runs),
 * and any other element is kept as its text.
 */
function markedText(html: string): DocumentFragment {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of parsed.content.childNodes) {
    if (node.nodeName === 'MARK') out.append(Object.assign(document.createElement('mark'), { textContent: node.textContent }));
    else out.append(node.textContent ?? '');
  }
  return out;
}

/** The URL as given when it leads to an http(s) address, so a crafted index entry cannot carry a `javascript:` URL. */
function safeUrl(url: string): string {
  try {
    const { protocol } = new URL(url, location.href);
    return protocol === 'http:' || protocol === 'https:' ? url : '#';
  } catch {
    return '#';
  }
}
