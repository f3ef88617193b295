import { readFileSync, statSync } from 'node:fs';
import { catalogFromList, parseArticleList, type ArticleCatalog } from './catalog.ts';

/**
 * The article list from the file the build writes. Read at start (a missing file
 * stops the server with a clear message) and re-read when its mtime changes, so a
 * rebuild that publishes new articles needs no restart. The stat is throttled.
 */
export function fileCatalog(path: string, recheckMs = 5000): ArticleCatalog {
  const load = () => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`warta-server: cannot read the article list ${path}; build the site first or set WARTA_ARTICLES_FILE`);
    }
    return catalogFromList(parseArticleList(text, path));
  };
  let current = load();
  let mtime = statSync(path).mtimeMs;
  let checkedAt = Date.now();
  return {
    get(id) {
      if (Date.now() - checkedAt > recheckMs) {
        checkedAt = Date.now();
        try {
          const m = statSync(path).mtimeMs;
          if (m !== mtime) {
            current = load();
            mtime = m;
          }
        } catch {
          // Mid-rebuild the file can be missing or half written: keep the last good list.
        }
      }
      return current.get(id);
    },
  };
}
