import type { APIRoute } from 'astro';
import { readSiteConfig } from '../lib/site-config.ts';
import { webAppManifest } from '../lib/web-app-manifest.ts';

/** The web app manifest, from site.yaml, so the portal can be installed to a home screen. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(webAppManifest(readSiteConfig())), { headers: { 'Content-Type': 'application/manifest+json' } });
