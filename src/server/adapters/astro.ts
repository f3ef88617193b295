import type { ArticleCatalog } from '../catalog/catalog.ts';
import type { Env } from '../settings.ts';
import { boot } from './boot.ts';

/** The part of Astro's APIContext the handler uses (no `astro:*` import needed). */
export interface AstroRouteContext {
  request: Request;
  clientAddress: string;
}

/**
 * An Astro API route handler for `src/pages/api/[...path].ts` (`prerender = false`):
 *
 *   export const prerender = false;
 *   export const ALL = createAstroHandler();
 *
 * Call it at module top level so bad settings stop the server when the route is
 * loaded. `catalog` may be passed (e.g. from getCollection in dev, where the built
 * article list does not exist yet). `siteUrl` (Astro's `site`) is the public
 * origin when WARTA_SITE_URL is unset. With @astrojs/node, set `bodySizeLimit` small.
 */
export function createAstroHandler(options: { env?: Env; catalog?: ArticleCatalog; siteUrl?: string } = {}) {
  const { ready } = boot(options.env ?? process.env, { catalog: options.catalog, siteUrl: options.siteUrl });
  return async ({ request, clientAddress }: AstroRouteContext): Promise<Response> => {
    const { app } = await ready;
    // Astro throws when clientAddress is unavailable (prerendering); the app treats undefined as unknown.
    return app.fetch(request, { clientIp: clientAddress });
  };
}
