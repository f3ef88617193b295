import type { APIRoute } from 'astro';
import { getCatalog } from '../data/content.ts';
import { feedResponse } from '../data/feed.ts';
import { createTranslator } from '../i18n/translator.ts';

export const GET: APIRoute = async () => {
  const { site, articles } = await getCatalog();
  const t = createTranslator(site.locale);
  return feedResponse(articles, t('feed.title', { site: site.name }), site.description, '/rss.xml');
};
