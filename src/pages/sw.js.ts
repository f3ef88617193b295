import type { APIRoute } from 'astro';
import { readSiteConfig } from '../lib/site-config.ts';
import { serviceWorkerSource } from '../lib/service-worker.ts';

// A new version per build: the browser sees a changed worker and installs it for the next visit.
const version = Date.now().toString(36);

export const GET: APIRoute = () =>
  new Response(serviceWorkerSource({ version, offlinePath: '/offline/', maxPages: readSiteConfig().app.offlinePages }), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
