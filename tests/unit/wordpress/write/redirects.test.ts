import { describe, expect, test } from 'vitest';
import { netlifyRedirects, shortLinkMap, shortLinkScript, vercelRedirects } from '../../../../src/wordpress/write/redirects.ts';

const redirects = [{ from: '/2024/01/05/a/', to: '/2024/01/a/' }];

describe('redirect files', () => {
  test('writes a Netlify block and replaces only that block on the next run', () => {
    const first = netlifyRedirects('/lama /baru 301\n', redirects);
    expect(first).toContain('/lama /baru 301\n# BEGIN warta-wordpress-import');
    expect(first).toContain('/2024/01/05/a/  /2024/01/a/  301\n# END');
    const again = netlifyRedirects(first, [{ from: '/x/', to: '/y/' }]);
    expect(again).not.toContain('/2024/01/05/a/');
    expect(again.startsWith('/lama /baru 301\n')).toBe(true);
    expect(netlifyRedirects(first, redirects)).toBe(first);
  });

  test('writes Vercel redirects with query matches for ?p= and ?page_id= links', () => {
    const json = JSON.parse(vercelRedirects(redirects, [{ id: '12', to: '/tentang/' }, { id: '7', to: '/2024/01/a/' }], new Set(['12'])));
    expect(json.redirects).toEqual([
      { source: '/2024/01/05/a/', destination: '/2024/01/a/', permanent: true },
      { source: '/', has: [{ type: 'query', key: 'p', value: '7' }], destination: '/2024/01/a/', permanent: true },
      { source: '/', has: [{ type: 'query', key: 'page_id', value: '12' }], destination: '/tentang/', permanent: true },
    ]);
  });

  test('short-link script only fetches its map when the address has ?p= or ?page_id=', () => {
    expect(JSON.parse(shortLinkMap([{ id: '7', to: '/a/' }]))).toEqual({ '7': '/a/' });
    const script = shortLinkScript('/wordpress/shortlinks.json');
    const run = (search: string) => {
      const calls: string[] = [];
      const location = { search, hash: '', replace: (to: string) => calls.push(`go ${to}`) };
      const fetch = (url: string) => {
        calls.push(`fetch ${url}`);
        return Promise.resolve({ ok: true, json: () => ({ '7': '/a/' }) });
      };
      new Function('location', 'fetch', script)(location, fetch);
      return new Promise((r) => setTimeout(() => r(calls), 0));
    };
    return Promise.all([
      expect(run('')).resolves.toEqual([]),
      expect(run('?p=7')).resolves.toEqual(['fetch /wordpress/shortlinks.json', 'go /a/']),
      expect(run('?page_id=9')).resolves.toEqual(['fetch /wordpress/shortlinks.json']),
    ]);
  });
});
