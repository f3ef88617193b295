import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { articlePathsFirst, articlesFirst } from '../../../src/integrations/articles-first.ts';
import { ARTICLE_ROUTE, articleGlob, searchEarlyEnabled } from '../../../src/integrations/pagefind.ts';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
const route = (component: string) => ({ component }) as PathWithRoute['route'];
const at = (pathname: string, component: string): PathWithRoute => ({ pathname, route: route(component) });
const listing = 'src/pages/kategori/[id]/[...page].astro';

/** Astro's order: routes by priority, the catch-all article route last. */
const astroOrder = [
  at('/', 'src/pages/index.astro'),
  at('/kategori/politik/', listing),
  at('/redaksi/', 'src/pages/[page].astro'),
  at('/2025/02/baru/', ARTICLE_ROUTE),
  at('/2024/06/lama/', ARTICLE_ROUTE),
  at('/2024/06/05/lama-alias/', ARTICLE_ROUTE),
];

describe('articlePathsFirst', () => {
  it('puts article pages first and keeps every group in Astro’s order', () => {
    expect(articlePathsFirst(astroOrder, ARTICLE_ROUTE).map((p) => p.pathname)).toEqual([
      '/2025/02/baru/',
      '/2024/06/lama/',
      '/2024/06/05/lama-alias/',
      '/',
      '/kategori/politik/',
      '/redaksi/',
    ]);
  });

  it('leaves an article path another route also builds behind that route, which wins as before', () => {
    const clash = [...astroOrder, at('/redaksi', ARTICLE_ROUTE)];
    const ordered = articlePathsFirst(clash, ARTICLE_ROUTE).map((p) => `${p.pathname} ${p.route.component}`);
    expect(ordered.indexOf('/redaksi/ src/pages/[page].astro')).toBeLessThan(ordered.indexOf(`/redaksi ${ARTICLE_ROUTE}`));
    expect(ordered).toHaveLength(clash.length);
  });
});

describe('articlesFirst', () => {
  /** Astro's generation loop: one path at a time, restored paths are never rendered. */
  async function generate(prerenderer: AstroPrerenderer, restored: Set<string>, events: string[]) {
    await prerenderer.setup?.();
    for (const p of await prerenderer.getStaticPaths()) {
      if (restored.has(p.pathname)) events.push(`restore ${p.pathname}`);
      else await prerenderer.render(new Request(`http://localhost${p.pathname}`), { routeData: p.route });
    }
    await prerenderer.teardown?.();
  }
  function base(events: string[]): AstroPrerenderer {
    return {
      name: 'default',
      getStaticPaths: async () => astroOrder,
      render: async (request) => {
        events.push(`render ${new URL(request.url).pathname}`);
        return new Response('<html></html>');
      },
      teardown: async () => {
        events.push('teardown');
      },
    };
  }

  it('signals once, when the first other page starts, after every article page', async () => {
    const events: string[] = [];
    const wrapped = articlesFirst(base(events), { articleRoute: ARTICLE_ROUTE, concurrency: 1, onArticlesWritten: () => events.push('articles written') });
    await generate(wrapped, new Set(), events);
    expect(events).toEqual([
      'render /2025/02/baru/',
      'render /2024/06/lama/',
      'render /2024/06/05/lama-alias/',
      'articles written',
      'render /',
      'render /kategori/politik/',
      'render /redaksi/',
      'teardown',
    ]);
  });

  it('signals when a restored article is followed by rendered pages, and at teardown when nothing renders', async () => {
    const events: string[] = [];
    const wrapped = articlesFirst(base(events), { articleRoute: ARTICLE_ROUTE, concurrency: 1, onArticlesWritten: () => events.push('articles written') });
    await generate(wrapped, new Set(astroOrder.map((p) => p.pathname)), events);
    expect(events.slice(-2)).toEqual(['articles written', 'teardown']);
    expect(events.filter((e) => e === 'articles written')).toHaveLength(1);
  });

  it('reports the article order, then how many article pages are on disk each time the next one starts', async () => {
    const events: string[] = [];
    const wrapped = articlesFirst(base(events), {
      articleRoute: ARTICLE_ROUTE,
      concurrency: 1,
      onArticlePaths: (paths) => events.push(`plan ${paths.join(' ')}`),
      onArticlesWrittenBefore: (count) => events.push(`written ${count}`),
      onArticlesWritten: () => events.push('articles written'),
    });
    // The first article is restored (Astro copies it and never calls render).
    await generate(wrapped, new Set(['/2025/02/baru/']), events);
    expect(events.slice(0, 7)).toEqual([
      'plan /2025/02/baru/ /2024/06/lama/ /2024/06/05/lama-alias/',
      'restore /2025/02/baru/',
      'written 1',
      'render /2024/06/lama/',
      'written 2',
      'render /2024/06/05/lama-alias/',
      'articles written',
    ]);
  });

  it('renders a page only after the promise beforeRendering gives for it has settled', async () => {
    const events: string[] = [];
    let release!: () => void;
    const read = new Promise<void>((resolve) => (release = resolve)).then(() => void events.push('search read the kept page'));
    const wrapped = articlesFirst(base(events), {
      articleRoute: ARTICLE_ROUTE,
      concurrency: 1,
      onArticlesWritten: () => {},
      beforeRendering: (pathname) => (pathname === '/2024/06/lama/' ? read : undefined),
    });
    const done = generate(wrapped, new Set(), events);
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(['render /2025/02/baru/']);
    release();
    await done;
    expect(events.slice(0, 3)).toEqual(['render /2025/02/baru/', 'search read the kept page', 'render /2024/06/lama/']);
  });

  it('waits for teardown when Astro renders several pages at once', async () => {
    const events: string[] = [];
    const wrapped = articlesFirst(base(events), { articleRoute: ARTICLE_ROUTE, concurrency: 4, onArticlesWritten: () => events.push('articles written') });
    await generate(wrapped, new Set(), events);
    expect(events.indexOf('articles written')).toBe(events.length - 2);
  });
});

describe('searchEarlyEnabled', () => {
  it('is on unless WARTA_SEARCH_EARLY is 0, and names the variable for anything else', () => {
    expect(searchEarlyEnabled({})).toBe(true);
    expect(searchEarlyEnabled({ WARTA_SEARCH_EARLY: '1' })).toBe(true);
    expect(searchEarlyEnabled({ WARTA_SEARCH_EARLY: '0' })).toBe(false);
    expect(() => searchEarlyEnabled({ WARTA_SEARCH_EARLY: 'yes' })).toThrow(/WARTA_SEARCH_EARLY must be 1 .* or 0 .*got "yes"/);
  });
});

describe('articleGlob', () => {
  const taken = new Set(['_astro', 'pagefind', 'kategori', 'tag', 'arsip', 'indeks', 'cari', '[page]', '[...path]']);
  const paths = ['/2025/02/baru/', '/2024/06/lama/', '/2023/07/sampel/', '/2024/01/lain/'];

  it('narrows the permalink pattern to the folders articles use, so no listing page is read', () => {
    expect(articleGlob('/:year/:month/:slug/', paths, taken)).toEqual({ glob: '{2023,2024,2025}/*/*/index.html', exclusive: true });
    expect(articleGlob('/berita/:year/:slug/', ['/berita/2025/a/', '/berita/2024/b/'], taken)).toEqual({ glob: 'berita/*/*/index.html', exclusive: true });
  });

  it('is not exclusive when articles sit at the top level or share a folder with another route', () => {
    expect(articleGlob('/:slug/', ['/a/', '/b/'], taken)).toEqual({ glob: '*/index.html', exclusive: false });
    expect(articleGlob('/:category/:slug/', ['/politik/a/', '/tag/b/'], taken)).toMatchObject({ exclusive: false });
  });
});
