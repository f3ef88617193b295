/**
 * Archived stories (lib/archive.ts) by the URLs the server answers for them: the story's own
 * path, and each old URL in its `aliases`, which redirects to it.
 */
import { fromCatalog, type Article } from './content.ts';
import { normalisePath } from '../lib/paths.ts';

export interface ArchivedUrl {
  article: Article;
  /** An old URL (`aliases`), or another spelling of the story's own: answered with a redirect to the story. */
  redirect: boolean;
}

/** @param pathname the path as requested, percent-encoding and all */
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
    // Per segment, as old URLs are stored (an encoded `&` or `,` included).
    decoded = pathname.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
  const found = byPath.get(normalisePath(decoded));
  // Another spelling of the story's own URL (no trailing slash, `index.html`, percent-encoded) is
  // sent to the one URL, so a cache in front keeps one copy of the page.
  if (found && !found.redirect && pathname !== encodeURI(found.article.path)) return { ...found, redirect: true };
  return found;
}
