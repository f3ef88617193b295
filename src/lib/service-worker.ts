/**
 * The service worker's source, as a string the build writes to /sw.js. Kept small
 * and dependency-free on purpose (it runs on cheap phones):
 * - pages are network-first; every page the reader opens is kept, the last N only,
 *   so it can be reread offline; a page never opened gets the offline page;
 * - hashed assets (/_astro/) are cache-first: their names change when they do;
 * - the API (/api/) and other origins are never cached;
 * - no skipWaiting/clients.claim: a new version takes over on the next visit, never mid-read.
 */
export interface ServiceWorkerOptions {
  version: string;
  offlinePath: string;
  maxPages: number;
}

export function serviceWorkerSource({ version, offlinePath, maxPages }: ServiceWorkerOptions): string {
  return `// Warta service worker ${version}
const SHELL = 'warta-shell-${version}';
const PAGES = 'warta-pages';
const ASSETS = 'warta-assets';
const OFFLINE = ${JSON.stringify(offlinePath)};
const MAX_PAGES = ${maxPages};

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const response = await fetch(OFFLINE, { cache: 'no-cache' });
    await cache.put(OFFLINE, response.clone());
    // The offline page's own stylesheet and logo, so it renders styled without a network.
    const html = await response.text();
    const assets = [...html.matchAll(/(?:href|src)="(\\/[^"]+\\.(?:css|svg|png))"/g)].map((m) => m[1]);
    await cache.addAll([...new Set(assets)]);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('warta-shell-') && key !== SHELL) await caches.delete(key);
  })());
});

async function keepPage(request, response) {
  const cache = await caches.open(PAGES);
  await cache.delete(request, { ignoreSearch: true });
  await cache.put(new Request(new URL(request.url).pathname), response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
          event.waitUntil(keepPage(request, response.clone()));
        }
        return response;
      } catch {
        const cached = await caches.match(url.pathname, { cacheName: PAGES });
        return cached || (await caches.match(OFFLINE, { cacheName: SHELL })) || Response.error();
      }
    })());
    return;
  }

  if (url.pathname.startsWith('/_astro/')) {
    event.respondWith((async () => {
      const cached = await caches.match(request, { cacheName: ASSETS });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(ASSETS).then((cache) => cache.put(request, copy)));
      }
      return response;
    })());
    return;
  }

  event.respondWith(fetch(request).catch(async () => (await caches.match(request)) || Response.error()));
});
`;
}
