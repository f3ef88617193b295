import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/content.ts';
import { feedResponse } from '../../../data/feed.ts';
import { createTranslator } from '../../../i18n/translator.ts';
import type { Category } from '../../../schemas/taxonomy.ts';

export const getStaticPaths = (async () => {
  const { categories } = await getCatalog();
  return categories.map((category) => ({ params: { id: category.id }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props: { category } }) => {
  const { site, articles } = await getCatalog();
  const t = createTranslator(site.locale);
  return feedResponse(
    articles.filter((a) => a.category.id === category.id),
    t('feed.categoryTitle', { site: site.name, category: category.name }),
    category.description ?? site.description,
    `/kategori/${category.id}/rss.xml`,
  );
};
