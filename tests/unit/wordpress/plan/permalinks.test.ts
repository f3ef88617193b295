import { describe, expect, test } from 'vitest';
import { encodePath, inferPermalink, oldPath } from '../../../../src/wordpress/plan/permalinks.ts';

const sample = (path: string, slug: string) => ({ path, slug, year: 2024, month: 1, day: 5, category: 'berita' });

describe('WordPress permalinks', () => {
  test('finds the Warta pattern that reproduces the old URLs', () => {
    expect(inferPermalink([sample('/2024/01/05/a/', 'a'), sample('/2024/01/05/b/', 'b')])).toBe('/:year/:month/:day/:slug/');
    expect(inferPermalink([sample('/berita/a/', 'a')])).toBe('/:category/:slug/');
    expect(inferPermalink([sample('/a/', 'a')])).toBe('/:slug/');
  });

  test('gives up when old URLs use something Warta cannot express', () => {
    expect(inferPermalink([sample('/123/a/', 'a'), sample('/124/b/', 'b')])).toBeUndefined();
  });

  test('reads the decoded path of an old URL on the same host, nothing for ?p= links or other hosts', () => {
    expect(oldPath('https://www.x.id/2024/01/05/caf%c3%a9/', 'https://x.id')).toBe('/2024/01/05/café/');
    expect(oldPath('https://x.id/?p=12', 'https://x.id')).toBeUndefined();
    expect(oldPath('https://y.id/a/', 'https://x.id')).toBeUndefined();
    expect(oldPath('https://x.id/blog/a/', 'https://x.id/blog')).toBe('/a/');
  });

  test('percent-encodes paths for redirect files', () => {
    expect(encodePath('/2024/01/café/')).toBe('/2024/01/caf%C3%A9/');
  });
});
