import type { ArticleRef } from '../catalog/catalog.ts';
import { ApiError } from './errors.ts';
import type { ServiceContext } from './context.ts';

const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The published article with this id, or a 400 (malformed id) / 404 (not published). */
export async function requireArticle(ctx: ServiceContext, id: string): Promise<ArticleRef> {
  if (!ARTICLE_ID.test(id)) throw new ApiError(400, 'invalid_article_id', 'article id must be a slug (letters, digits, . _ -, at most 200 characters)');
  const article = await ctx.catalog.get(id);
  if (!article) throw new ApiError(404, 'unknown_article', `no published article has the id "${id}"`);
  return article;
}

export function isArticleId(id: string): boolean {
  return ARTICLE_ID.test(id);
}
