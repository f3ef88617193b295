import { ArticleListUnavailable, catalogFromList, parseArticleList, type ArticleCatalog } from './catalog.ts';

/**
 * The article list fetched from the published site, for serverless functions that
 * cannot read the static output. Cached for `ttlMs`; on a failed refresh the last
 * good list keeps serving.
 */
export function urlCatalog(url: string, ttlMs = 60_000, fetchImpl: typeof fetch = fetch): ArticleCatalog {
  let current: ArticleCatalog | undefined;
  let loadedAt = 0;
  let pending: Promise<ArticleCatalog> | undefined;
  const refresh = async () => {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`warta-server: ${url} answered ${response.status}`);
    current = catalogFromList(parseArticleList(await response.text(), url));
    loadedAt = Date.now();
    return current;
  };
  return {
    async get(id) {
      if (!current || Date.now() - loadedAt > ttlMs) {
        pending ??= refresh().finally(() => (pending = undefined));
        try {
          await pending;
        } catch (error) {
          if (!current) throw new ArticleListUnavailable(`warta-server: cannot load the article list from ${url}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return current!.get(id);
    },
  };
}
