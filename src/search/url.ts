/**
 * The search page's state as a URL, so a result list can be shared and the back
 * button steps through earlier searches: `/cari/?q=banjir&lokasi=Palembang&urut=terbaru`.
 * `q` is the name the header's plain GET form already sends. A filter may repeat
 * (`reporter=A&reporter=B`); relevance, the default order, is left out of the URL.
 */

/** Filter keys, as `PagefindMeta.astro` records them. */
export const SEARCH_FILTERS = ['kategori', 'lokasi', 'reporter'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export type SearchOrder = 'relevansi' | 'terbaru';

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string[]>>;
  order: SearchOrder;
}

export function parseSearchUrl(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    if (values.length > 0) filters[key] = values;
  }
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    order: params.get('urut') === 'terbaru' ? 'terbaru' : 'relevansi',
  };
}

/** The query string for a state, `?`-prefixed, or '' when there is nothing to keep. */
export function searchUrlQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const key of SEARCH_FILTERS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.order === 'terbaru') params.set('urut', 'terbaru');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Matches a value typed into a URL with the names the index holds, ignoring case
 * and punctuation, so `lokasi=palembang` and `lokasi=ogan-ilir` find "Palembang"
 * and "Ogan Ilir". Unknown values are kept as given (they simply match nothing).
 */
export function matchFilterValue(value: string, known: readonly string[]): string {
  const key = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
  return known.find((k) => k === value) ?? known.find((k) => key(k) === key(value)) ?? value;
}
