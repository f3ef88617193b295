import { describe, expect, it } from 'vitest';
import { sitemapRules } from '../../../src/lib/sitemap-rules.ts';

describe('sitemap rules', () => {
  const rules = sitemapRules('https://x.id', [{ path: '/2023/07/a/', date: new Date('2023-07-05T06:00:00Z'), updated: new Date('2023-07-06T06:00:00Z'), aliases: ['/lama/a'] }], 'Asia/Jakarta');

  it('leaves out search, moderation, 404 and alias redirect pages', () => {
    for (const path of ['/cari/', '/moderasi/', '/redaksi/editor/', '/404/', '/lama/a/']) expect(rules.filter(`https://x.id${path}`), path).toBe(false);
    expect(rules.filter('https://x.id/2023/07/a/')).toBe(true);
  });

  it('dates an article by its last update', () => {
    expect(rules.serialize<{ url: string; lastmod?: string }>({ url: 'https://x.id/2023/07/a/' }).lastmod).toBe('2023-07-06T13:00:00+07:00');
    expect(rules.serialize<{ url: string; lastmod?: string }>({ url: 'https://x.id/kategori/x/' }).lastmod).toBeUndefined();
  });
});
