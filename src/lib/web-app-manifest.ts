/**
 * The Web App Manifest (https://www.w3.org/TR/appmanifest/) built from site config:
 * what Chrome's install prompt and Lighthouse's installability check read.
 */
import type { Site } from '../schemas/site.ts';

export function webAppManifest(site: Site) {
  return {
    name: site.name,
    short_name: site.app.shortName ?? site.name.slice(0, 12),
    description: site.description,
    lang: site.locale,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: site.app.themeColor,
    background_color: site.app.backgroundColor,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
