/**
 * The import as a whole, in-process, on small exports written here: what each class
 * of real-world export needs (WordPress.com addresses, non-Latin names, protected
 * posts, comments on pages), with an in-memory store behind the narrow interface
 * (the real stores are exercised by tests/site/import-wordpress.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { importWordpress } from '../../../src/wordpress/import-wordpress.ts';
import type { StoredComment, WordpressStore } from '../../../src/wordpress/store.ts';
import { loadContent } from '../../../src/lib/content-check.ts';

const cdata = (s: string) => `<![CDATA[${s}]]>`;
interface Post {
  id: number;
  title: string;
  slug: string;
  type?: 'post' | 'page';
  status?: string;
  password?: string;
  link: string;
  content?: string;
  date?: string;
  gmt?: string;
  categories?: Array<[slug: string, name: string]>;
  comments?: Array<{ id: number; author: string; email: string; approved?: string; userId?: number }>;
}
function exportOf(channel: { link: string; baseSite?: string; baseBlog?: string; title?: string }, posts: Post[], extra = ''): string {
  const item = (p: Post) => `<item><title>${cdata(p.title)}</title><link>${p.link}</link><dc:creator>${cdata('admin')}</dc:creator>
<content:encoded>${cdata(p.content ?? 'Isi berita yang cukup panjang.')}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${p.id}</wp:post_id><wp:post_date>${cdata(p.date ?? '2024-01-10 09:15:00')}</wp:post_date><wp:post_date_gmt>${cdata(p.gmt ?? '2024-01-10 02:15:00')}</wp:post_date_gmt>
<wp:post_name>${cdata(p.slug)}</wp:post_name><wp:status>${cdata(p.status ?? 'publish')}</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>${cdata(p.type ?? 'post')}</wp:post_type><wp:post_password>${cdata(p.password ?? '')}</wp:post_password><wp:is_sticky>0</wp:is_sticky>
${(p.categories ?? []).map(([slug, name]) => `<category domain="category" nicename="${slug}">${cdata(name)}</category>`).join('')}
${(p.comments ?? []).map((c) => `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author)}</wp:comment_author><wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email><wp:comment_date>${cdata('2024-01-11 10:00:00')}</wp:comment_date><wp:comment_date_gmt>${cdata('2024-01-11 03:00:00')}</wp:comment_date_gmt><wp:comment_content>${cdata('Komentar')}</wp:comment_content><wp:comment_approved>${cdata(c.approved ?? '1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>${c.userId ?? 0}</wp:comment_user_id></wp:comment>`).join('')}
</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>${channel.title ?? 'Portal'}</title><link>${channel.link}</link><description>Berita</description><language>id-ID</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${channel.baseSite ?? channel.link}</wp:base_site_url><wp:base_blog_url>${channel.baseBlog ?? channel.link}</wp:base_blog_url>
<wp:author><wp:author_login>${cdata('admin')}</wp:author_login><wp:author_email>${cdata('redaksi@portal.example')}</wp:author_email><wp:author_display_name>${cdata('Redaksi')}</wp:author_display_name></wp:author>
${extra}${posts.map(item).join('\n')}</channel></rss>`;
}

class MemoryStore implements WordpressStore {
  comments = new Map<string, StoredComment>();
  async importComments(list: readonly StoredComment[]) {
    let n = 0;
    for (const c of list) if (!this.comments.has(c.sourceId)) (this.comments.set(c.sourceId, c), n++);
    return n;
  }
  async raiseViewTotals() {}
}

function site() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-wp-'));
  fs.mkdirSync(path.join(dir, 'content'));
  return dir;
}
async function run(dir: string, xml: string, store = new MemoryStore()) {
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, xml);
  return { report: await importWordpress({ file, contentDir: path.join(dir, 'content'), store }), store };
}
const front = (dir: string, rel: string) => matter(fs.readFileSync(path.join(dir, 'content', rel), 'utf8'), { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } });

describe('importing a WordPress.com export', () => {
  test("redirects the blog's own old URLs, not wordpress.com's, and rewrites links to old posts", async () => {
    const dir = site();
    // A site that already exists with Warta's default permalink: every old day-based URL needs a redirect.
    fs.writeFileSync(path.join(dir, 'content/site.yaml'), 'name: GenBI\ndescription: Berita\nurl: https://genbi.example\ndatelineLabel: GenBI\npermalink: /:year/:month/:slug/\n');
    const { report } = await run(
      dir,
      exportOf({ link: 'https://genbi.wordpress.com', baseSite: 'https://wordpress.com/', baseBlog: 'https://genbi.wordpress.com' }, [
        { id: 1, title: 'Rapat Kerja', slug: 'rapat-kerja', link: 'https://genbi.wordpress.com/2024/01/10/rapat-kerja/' },
        { id: 2, title: 'Lanjutan', slug: 'lanjutan', link: 'https://genbi.wordpress.com/2024/01/10/lanjutan/', content: 'Baca <a href="https://genbi.wordpress.com/2024/01/10/rapat-kerja/">rapat</a>.' },
      ]),
    );
    expect(report.redirects.paths).toBeGreaterThanOrEqual(2);
    expect(front(dir, 'articles/2024/01/rapat-kerja.md').data.aliases).toEqual(['/2024/01/10/rapat-kerja/']);
    expect(front(dir, 'articles/2024/01/lanjutan.md').content).toContain('[rapat](/2024/01/rapat-kerja/)');
  });
});

describe('importing names in other scripts', () => {
  const xml = exportOf({ link: 'https://blog.example.cn', title: '我的博客' }, [
    { id: 5, title: '网络编程', slug: '%e7%bd%91%e7%bb%9c%e7%bc%96%e7%a8%8b', link: 'https://blog.example.cn/%e7%bd%91%e7%bb%9c%e7%bc%96%e7%a8%8b/', categories: [['%e7%bd%91%e7%bb%9c', '网络']] },
    { id: 6, title: 'آموزش', slug: '%d8%a2%d9%85%d9%88%d8%b2%d8%b4', link: 'https://blog.example.cn/%d8%a2%d9%85%d9%88%d8%b2%d8%b4/', categories: [['%e7%bd%91%e7%bb%9c', '网络']] },
  ]);

  test('makes readable valid ids, keeps the old URL as an alias, and the content passes the check', async () => {
    const dir = site();
    await run(dir, xml);
    const { problems } = loadContent(path.join(dir, 'content'), dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(front(dir, 'articles/2024/01/wang-luo-bian-cheng.md').data).toMatchObject({ category: 'wang-luo', aliases: ['/网络编程/'] });
    expect(fs.existsSync(path.join(dir, 'content/articles/2024/01/amwzsh.md'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'public/category/网络/index.html'), 'utf8')).toContain('url=/kategori/wang-luo/');
  });

  test('runs again after the mapping is edited without duplicating a registry entry or rejecting its own mapping', async () => {
    const dir = site();
    await run(dir, xml);
    const mappingFile = path.join(dir, 'content/wordpress/mapping.yaml');
    fs.writeFileSync(mappingFile, fs.readFileSync(mappingFile, 'utf8').replace('网络: wang-luo', '网络: jaringan'));
    const second = await run(dir, xml);
    const third = await run(dir, xml);
    const categories = yaml.load(fs.readFileSync(path.join(dir, 'content/categories.yaml'), 'utf8')) as Array<{ id: string }>;
    expect(categories.map((c) => c.id).sort()).toEqual(['jaringan', 'umum', 'wang-luo'].filter((id) => categories.some((c) => c.id === id)).sort());
    expect(new Set(categories.map((c) => c.id)).size).toBe(categories.length);
    expect(second.report.articles.changed).toBe(2);
    expect(third.report.articles.changed + third.report.articles.new + third.report.otherFiles.changed + third.report.otherFiles.new).toBe(0);
  });
});

describe('importing posts WordPress did not show to everyone', () => {
  test('imports password-protected, private and untitled posts as drafts and lists them', async () => {
    const dir = site();
    const { report } = await run(
      dir,
      exportOf({ link: 'https://portal.example' }, [
        { id: 1, title: 'Rahasia', slug: 'rahasia', link: 'https://portal.example/rahasia/', password: 'kunci' },
        { id: 2, title: 'Internal', slug: 'internal', link: 'https://portal.example/internal/', status: 'private' },
        { id: 3, title: '', slug: '3', link: 'https://portal.example/?p=3', content: 'Teks tanpa judul di sini.' },
      ]),
    );
    expect(report.withheld.map((w) => w.reasons)).toEqual([['password'], ['private'], ['untitled']]);
    expect(report.posts.published).toBe(0);
    for (const w of report.withheld) expect(front(dir, w.file.replace(/^content\//, '')).data.draft).toBe(true);
    expect(front(dir, report.withheld[2]!.file.replace(/^content\//, '')).data.title).toBe('Teks tanpa judul di sini.');
  });

  test('reads dates written with an ISO T and never dates a story 1970: an unreadable date makes a listed draft', async () => {
    const dir = site();
    const { report } = await run(
      dir,
      exportOf({ link: 'https://portal.example' }, [
        { id: 1, title: 'Tanggal ISO', slug: 'tanggal-iso', link: 'https://portal.example/tanggal-iso/', date: '2025-06-28T09:09:23', gmt: '2025-06-28T02:09:23' },
        { id: 2, title: 'Tanpa tanggal', slug: 'tanpa-tanggal', link: 'https://portal.example/tanpa-tanggal/', date: 'kemarin', gmt: '0000-00-00 00:00:00' },
      ]),
    );
    const iso = report.items.find((i) => i.wpId === '1')!;
    expect(new Date(front(dir, iso.file.replace(/^content\//, '')).data.date).toISOString()).toBe('2025-06-28T02:09:23.000Z');
    expect(iso.draft).toBe(false);
    expect(report.withheld.map((w) => [w.title, w.reasons])).toEqual([['Tanpa tanggal', ['undated']]]);
    expect(front(dir, report.withheld[0]!.file.replace(/^content\//, '')).data.draft).toBe(true);
  });
});

describe('importing comments', () => {
  test("stores comments on pages under the page's id and an author's reply as the newsroom's", async () => {
    const dir = site();
    const { report, store } = await run(
      dir,
      exportOf({ link: 'https://portal.example' }, [
        { id: 9, type: 'page', title: 'Tentang Kami', slug: 'tentang-kami', link: 'https://portal.example/tentang-kami/', comments: [{ id: 1, author: 'Budi', email: 'budi@example.id' }, { id: 2, author: 'Redaksi', email: 'Redaksi@Portal.example', userId: 99 }] },
      ]),
    );
    expect(report.comments.onPages).toBe(2);
    expect([...store.comments.values()].map((c) => [c.articleId, c.authorKind])).toEqual([
      ['page:tentang-kami', 'reader'],
      ['page:tentang-kami', 'newsroom'],
    ]);
  });
});

describe('datelines', () => {
  test('gives a story without a dateline in its text no location, unless the mapping sets a default', async () => {
    const dir = site();
    const xml = exportOf({ link: 'https://portal.example', title: 'Portal' }, [{ id: 1, title: 'Tanpa Dateline', slug: 'tanpa-dateline', link: 'https://portal.example/tanpa-dateline/' }]);
    const { report } = await run(dir, xml);
    expect(front(dir, 'articles/2024/01/tanpa-dateline.md').data.location).toBeUndefined();
    expect(report.patterns.noLocation).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'content/locations.yaml'), 'utf8')).toBe('[]\n');
    const mappingFile = path.join(dir, 'content/wordpress/mapping.yaml');
    fs.writeFileSync(mappingFile, fs.readFileSync(mappingFile, 'utf8').replace('defaults:\n', 'defaults:\n  location: palembang\n'));
    await run(dir, xml);
    expect(front(dir, 'articles/2024/01/tanpa-dateline.md').data.location).toBe('palembang');
  });
});
