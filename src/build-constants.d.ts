/**
 * Constants the warta integration defines for Vite (`src/integrations/warta.ts`),
 * replaced at build time so code behind them is dropped from builds.
 */
/** True under `astro dev` (drafts and scheduled stories are previewed), false in builds. */
declare const __WARTA_PREVIEW_UNPUBLISHED__: boolean;
