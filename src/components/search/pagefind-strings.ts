import type { Translator, TranslationKey } from '../../i18n/translator.ts';

/** Pagefind Component UI string keys and the Warta keys that fill them. */
const KEYS: Record<string, TranslationKey> = {
  placeholder: 'search.ui.placeholder',
  clear_search: 'search.ui.clearSearch',
  load_more: 'search.ui.loadMore',
  search_label: 'search.ui.searchLabel',
  filters_label: 'search.ui.filtersLabel',
  zero_results: 'search.ui.zeroResults',
  many_results: 'search.ui.manyResults',
  one_result: 'search.ui.oneResult',
  total_zero_results: 'search.ui.totalZeroResults',
  total_one_result: 'search.ui.totalOneResult',
  total_many_results: 'search.ui.totalManyResults',
  alt_search: 'search.ui.altSearch',
  search_suggestion: 'search.ui.searchSuggestion',
  searching: 'search.ui.searching',
  results_label: 'search.ui.resultsLabel',
  keyboard_navigate: 'search.ui.keyboardNavigate',
  keyboard_select: 'search.ui.keyboardSelect',
  keyboard_clear: 'search.ui.keyboardClear',
  keyboard_close: 'search.ui.keyboardClose',
  keyboard_search: 'search.ui.keyboardSearch',
  error_search: 'search.ui.errorSearch',
  filter_selected_one: 'search.ui.filterSelectedOne',
  filter_selected_many: 'search.ui.filterSelectedMany',
  input_hint: 'search.ui.inputHint',
  loading: 'search.ui.loading',
};

/**
 * Our strings in the form Pagefind's `setTranslations()` takes: its keys, and its
 * `[SEARCH_TERM]`/`[COUNT]`/`[DIFFERENT_TERM]` placeholders instead of `{term}`/`{count}`/`{other}`.
 */
export function pagefindStrings(t: Translator): Record<string, string> {
  const params = { term: '[SEARCH_TERM]', count: '[COUNT]', other: '[DIFFERENT_TERM]' };
  return Object.fromEntries(Object.entries(KEYS).map(([pagefindKey, key]) => [pagefindKey, t(key, params)]));
}
