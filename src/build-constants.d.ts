/**
 * Constants Warta's integrations define for Vite (`src/integrations/warta.ts`,
 * `src/integrations/pagefind.ts`), replaced at build time.
 */
/** True under `astro dev` (drafts and scheduled stories are previewed), false in builds. */
declare const __WARTA_PREVIEW_UNPUBLISHED__: boolean;
/** The search bundles merged into `/pagefind/` when the index is split (`lib/search-shards.ts`); usually none. */
declare const __WARTA_SEARCH_MERGE__: string[];
