/**
 * Lets search indexing start while Astro is still rendering.
 *
 * Astro renders every page on one thread and Pagefind used to start after the last one;
 * at 10,000 articles that was ~6 s of reading pages (two threads) and ~20 s of writing the
 * bundle (one thread) after a render phase that leaves the second core idle (issue 7).
 * The article route (`[...path]`, the catch-all) has the lowest priority, so Astro renders
 * it last. This wraps Astro's own prerenderer (the documented `setPrerenderer` hook; same
 * rendering, same files) so article pages come first, and calls `onArticlesWritten` as soon
 * as every one of them is on disk: search indexing then runs on the second core while
 * Astro renders the listings.
 *
 * "On disk": Astro generates one path at a time (`build.concurrency` 1) and writes or
 * restores each page before the next, so when the first other page starts rendering, all
 * article pages are written. With more concurrency, or when no other page renders, the
 * signal comes at `teardown`, after the last page.
 *
 * On the way there it reports progress (`onArticlePaths`, then `onArticlesWrittenBefore`):
 * when an article page starts rendering, every article page before it in the order is on
 * disk, so the indexer can read finished folders while Astro renders the rest.
 */
import type { AstroPrerenderer } from 'astro';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

export interface ArticlesFirstOptions {
  /** The article route's component, as Astro names it (`src/pages/[...path].astro`). */
  articleRoute: string;
  /** `build.concurrency`: only 1 guarantees the order above. */
  concurrency: number;
  onArticlesWritten: () => void;
  /** The article pages' paths in the order Astro will generate them. */
  onArticlePaths?: (pathnames: string[]) => void;
  /** The first `count` of those are written (or restored). Only with concurrency 1. */
  onArticlesWrittenBefore?: (count: number) => void;
  /** A promise to await before rendering the page at this path, if any (search is still reading its last version). */
  beforeRendering?: (pathname: string) => Promise<void> | undefined;
}

export function articlesFirst(base: AstroPrerenderer, options: ArticlesFirstOptions): AstroPrerenderer {
  let signalled = false;
  const signal = () => {
    if (signalled) return;
    signalled = true;
    options.onArticlesWritten();
  };
  /** Normalised article path → its place in the order. */
  let position = new Map<string, number>();
  const key = (pathname: string) => pathname.replace(/\/+$/, '');
  return {
    name: `${base.name} (articles first)`,
    setup: base.setup && (() => base.setup!()),
    async getStaticPaths() {
      const paths = articlePathsFirst(await base.getStaticPaths(), options.articleRoute);
      // The leading run of article pages (an article path another route also builds stays behind, see below).
      const firstOther = paths.findIndex((p) => p.route.component !== options.articleRoute);
      const articles = (firstOther === -1 ? paths : paths.slice(0, firstOther)).map((p) => p.pathname);
      position = new Map(articles.map((pathname, i) => [key(pathname), i]));
      options.onArticlePaths?.(articles);
      return paths;
    },
    render(request, renderOptions) {
      if (options.concurrency === 1) {
        if (renderOptions.routeData.component !== options.articleRoute) signal();
        else {
          const at = position.get(key(decodeURI(new URL(request.url).pathname)));
          if (at !== undefined && !signalled) options.onArticlesWrittenBefore?.(at);
        }
      }
      const wait = options.beforeRendering?.(decodeURI(new URL(request.url).pathname));
      return wait ? wait.then(() => base.render(request, renderOptions)) : base.render(request, renderOptions);
    },
    collectStaticImages: base.collectStaticImages && (() => base.collectStaticImages!()),
    async teardown() {
      signal();
      await base.teardown?.();
    },
  };
}

/**
 * Article-route paths first, each group in Astro's order. An article path that another
 * route also produces stays behind it: Astro lets the first of two equal paths win, and the
 * other route won before (it has the higher priority).
 */
export function articlePathsFirst(paths: PathWithRoute[], articleRoute: string): PathWithRoute[] {
  const normalize = (pathname: string) => pathname.replace(/\/+$/, '');
  const isArticle = (p: PathWithRoute) => p.route.component === articleRoute;
  const taken = new Set(paths.filter((p) => !isArticle(p)).map((p) => normalize(p.pathname)));
  const first = paths.filter((p) => isArticle(p) && !taken.has(normalize(p.pathname)));
  const moved = new Set(first);
  return [...first, ...paths.filter((p) => !moved.has(p))];
}
