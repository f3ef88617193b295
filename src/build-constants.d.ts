/**
 * Constants Warta's integrations define for Vite (`src/integrations/warta.ts`,
 * `src/search/pagefind.ts`), replaced at build time.
 */
/** True under `astro dev` (drafts and scheduled stories are previewed), false in builds. */
declare const __WARTA_PREVIEW_UNPUBLISHED__: boolean;
/** The search bundles merged into `/pagefind/` when the index is split (`search/shards.ts`); usually none. */
declare const __WARTA_SEARCH_MERGE__: string[];
/** The build's instant (ISO 8601) in the server that renders archived stories, which renders them as of the build; elsewhere empty. */
declare const __WARTA_BUILD_NOW__: string;
/** `WARTA_PRERENDER_DAYS` at build time (lib/archive.ts): 0 prerenders every story. */
declare const __WARTA_PRERENDER_DAYS__: number;
/** The validated site config (`site.yaml`) in the server that renders archived stories, which has no content folder; elsewhere null (the file is read). */
declare const __WARTA_SITE__: import('./schemas/site.ts').Site | null;
/** Where stories' rendered bodies kept apart are read (lib/bodies-apart.ts): Astro's cache folder; empty in the server that renders archived stories, which reads its own copy. */
declare const __WARTA_BODIES__: string;
