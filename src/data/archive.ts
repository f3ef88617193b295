/**
 * Archived stories (lib/archive.ts) by the URLs the server answers for them: the story's own
 * path, and each old URL in its `aliases`, which redirects to it.
 */
import { fromCatalog, type Article } from './content.ts';
import { normalisePath } from '../lib/paths.ts';

export interface ArchivedUrl {
  article: Article;
  /** An old URL (`aliases`): answered with a redirect to the story. */
  redirect: boolean;
}

export async function archivedAt(pathname: string): Promise<ArchivedUrl | undefined> {
  const byPath = await fromCatalog('archivedByPath', (c) => {
    const map = new Map<string, ArchivedUrl>();
    for (const article of c.archived) {
      for (const alias of article.data.aliases) map.set(normalisePath(alias), { article, redirect: true });
      map.set(normalisePath(article.path), { article, redirect: false });
    }
    return map;
  });
  let decoded: string;
  try {
    decoded = decodeURI(pathname);
  } catch {
    return undefined;
  }
  return byPath.get(normalisePath(decoded));
}
