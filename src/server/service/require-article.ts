import { ID_MAX_LENGTH, isId } from '../../schemas/id.ts';
import type { ArticleRef } from '../catalog/catalog.ts';
import { ApiError } from './errors.ts';
import type { ServiceContext } from './context.ts';

/** The published article with this id, or a 400 (malformed id) / 404 (not published). */
export async function requireArticle(ctx: ServiceContext, id: string): Promise<ArticleRef> {
  if (!isId(id)) throw new ApiError(400, 'invalid_article_id', `article id must be lower-case letters and digits, words joined by single hyphens, at most ${ID_MAX_LENGTH} characters`);
  const article = await ctx.catalog.get(id);
  if (!article) throw new ApiError(404, 'unknown_article', `no published article has the id "${id}"`);
  return article;
}

