import { describe, expect, it } from 'vitest';
import { SiteSchema } from '../../../src/schemas/site.ts';
import { webAppManifest } from '../../../src/lib/web-app-manifest.ts';
import { serviceWorkerSource } from '../../../src/lib/service-worker.ts';

describe('the web app manifest', () => {
  const site = SiteSchema.parse({ name: 'Liputan ABN', description: 'Berita', url: 'https://x.id', datelineLabel: 'Liputan ABN', app: { shortName: 'ABN', themeColor: '#123456' } });

  it('carries name, language, colours and 192/512 icons for installation', () => {
    expect(webAppManifest(site)).toMatchObject({
      name: 'Liputan ABN',
      short_name: 'ABN',
      lang: 'id',
      display: 'standalone',
      start_url: '/',
      theme_color: '#123456',
      icons: expect.arrayContaining([expect.objectContaining({ sizes: '192x192' }), expect.objectContaining({ sizes: '512x512', purpose: 'maskable' })]),
    });
  });
});

describe('the service worker source', () => {
  const source = serviceWorkerSource({ version: 'v1', offlinePath: '/offline/', maxPages: 7 });

  it('is valid JavaScript', () => {
    expect(() => new Function(source)).not.toThrow();
  });

  it('never caches the API and takes over only on the next visit', () => {
    expect(source).toContain("url.pathname.startsWith('/api/')");
    expect(source).not.toContain('skipWaiting');
    expect(source).not.toContain('clients.claim');
    expect(source).toContain('const MAX_PAGES = 7;');
  });
});
