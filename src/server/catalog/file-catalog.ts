import { readFileSync, statSync } from 'node:fs';
import { ArticleListUnavailable, catalogFromList, parseArticleList, type ArticleCatalog } from './catalog.ts';

/**
 * The article list from the file the build writes, re-read when its mtime changes,
 * so a rebuild that publishes new articles needs no restart. The stat is throttled.
 * A missing list does not stop the server: requests that need it get 503 and the
 * server picks the file up once the build writes it (`onMissing` logs why at start).
 */
export function fileCatalog(path: string, recheckMs = 5000, onMissing?: (message: string) => void): ArticleCatalog {
  const missing = `warta-server: cannot read the article list ${path}; build the site first or set WARTA_ARTICLES_FILE`;
  let current: ArticleCatalog | undefined;
  let mtime = -1;
  let checkedAt = 0;
  const load = () => {
    let text: string;
    let m: number;
    try {
      m = statSync(path).mtimeMs;
      text = readFileSync(path, 'utf8');
    } catch {
      throw new ArticleListUnavailable(missing);
    }
    current = catalogFromList(parseArticleList(text, path));
    mtime = m;
  };
  try {
    load();
  } catch (error) {
    if (!(error instanceof ArticleListUnavailable)) throw error;
    onMissing?.(missing);
  }
  checkedAt = Date.now();
  return {
    get(id) {
      if (!current || Date.now() - checkedAt > recheckMs) {
        checkedAt = Date.now();
        try {
          if (!current || statSync(path).mtimeMs !== mtime) load();
        } catch (error) {
          // Mid-rebuild the file can be missing or half written: keep the last good list.
          if (!current) throw error instanceof ArticleListUnavailable ? error : new ArticleListUnavailable(`${missing} (${(error as Error).message})`);
        }
      }
      return current!.get(id);
    },
  };
}
