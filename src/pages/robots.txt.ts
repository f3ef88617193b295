import type { APIRoute } from 'astro';
import { readSiteConfig } from '../lib/site-config.ts';

/** robots.txt names the sitemaps with the site's own origin (from site.yaml). */
export const GET: APIRoute = () => {
  const { url } = readSiteConfig();
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${url}/sitemap-index.xml`, `Sitemap: ${url}/news-sitemap.xml`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
