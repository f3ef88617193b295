import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readWxr, WxrInputError, WxrSyntaxError, type WxrRecord } from '../../../../src/wordpress/read/wxr-reader.ts';

const fixture = path.resolve(import.meta.dirname, '../../../fixtures/wordpress/liputan.xml');
const collect = async (file: string, chunkSize?: number) => {
  const out: WxrRecord[] = [];
  for await (const r of readWxr(file, { chunkSize })) out.push(r);
  return out;
};
const tmp = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-')), 'export.xml');
  fs.writeFileSync(file, text);
  return file;
};

describe('reading a WXR export', () => {
  test('gives the site first, then authors, terms and items in file order', async () => {
    const records = await collect(fixture);
    expect(records[0]).toEqual({ kind: 'site', site: expect.objectContaining({ title: 'Liputan ABN', baseUrl: 'https://liputanabn.com', language: 'id-ID', wxrVersion: '1.2' }) });
    expect(records.filter((r) => r.kind === 'author').map((r) => r.kind === 'author' && r.author.login)).toEqual(['admin', 'hendra']);
    expect(records.filter((r) => r.kind === 'term').length).toBe(8);
    expect(records.filter((r) => r.kind === 'item').length).toBe(42);
  });

  test('reads post fields, terms, meta and comments of an item', async () => {
    const records = await collect(fixture);
    const post = records.find((r) => r.kind === 'item' && r.item.id === '101');
    if (post?.kind !== 'item') throw new Error('post 101 missing');
    const it = post.item;
    expect(it).toMatchObject({ type: 'post', status: 'publish', slug: 'polisi-amankan-dua-pelaku-curanmor-di-kertapati', dateGmt: '2024-01-10 02:15:00', creator: 'admin' });
    expect(it.content).toContain('Liputanabn.com | PALEMBANG –');
    expect(it.terms).toContainEqual({ taxonomy: 'post_tag', slug: 'polda-sumsel', name: 'Polda Sumsel' });
    expect(it.meta.get('post_views_count')).toBe('1543');
    expect(it.comments.map((c) => [c.id, c.parent, c.approved])).toEqual([
      ['501', '0', '1'],
      ['502', '501', '1'],
      ['503', '502', '1'],
      ['504', '0', '0'],
      ['505', '0', 'spam'],
      ['506', '0', '1'],
    ]);
  });

  test('reads the same records whatever the chunk size', async () => {
    const big = await collect(fixture);
    const small = await collect(fixture, 97);
    expect(small.length).toBe(big.length);
    expect(JSON.stringify(small.map((r) => (r.kind === 'item' ? r.item.content : r.kind)))).toBe(JSON.stringify(big.map((r) => (r.kind === 'item' ? r.item.content : r.kind))));
  });

  test('names the file, line and column of broken XML', async () => {
    const file = tmp('<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>A</titel></item>\n</channel>\n</rss>\n');
    const error = await collect(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrSyntaxError);
    expect((error as WxrSyntaxError).line).toBe(4);
    expect((error as Error).message).toMatch(/^export\.xml:4:\d+: /);
  });

  test('says a file that stops mid-item is truncated, with the line where the item opened', async () => {
    const file = path.resolve(import.meta.dirname, '../../../fixtures/wordpress/liputan-truncated.xml');
    await expect(collect(file)).rejects.toThrow(/^liputan-truncated\.xml:\d+:\d+: .*the file ends inside <item> \(line \d+\): the export is truncated/);
  });

  test('refuses XML that is not a WordPress export', async () => {
    await expect(collect(tmp('<html><body/></html>'))).rejects.toThrow(/<html> is not a WordPress export/);
  });

  const wxr = (channel: string, items = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${channel}${items}</channel></rss>`;

  test("takes the blog's own address from a WordPress.com export, not wordpress.com", async () => {
    const file = tmp(wxr('<title>Blog</title><link>https://genbi.wordpress.com</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://wordpress.com/</wp:base_site_url><wp:base_blog_url>https://genbi.wordpress.com</wp:base_blog_url>', '<item><title>A</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:post_password>rahasia</wp:post_password></item>'));
    const records = await collect(file);
    expect(records[0]).toEqual({ kind: 'site', site: expect.objectContaining({ baseUrl: 'https://genbi.wordpress.com', siteUrl: 'https://wordpress.com/' }) });
    expect(records[1]).toMatchObject({ kind: 'item', item: { password: 'rahasia' } });
  });

  test.each([
    ['a plain RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item><title>A</title><link>https://x.id/a/</link></item></channel></rss>', /is an RSS feed, not a WordPress export/],
    ['an RSS feed without items', '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title></channel></rss>', /RSS feed without WordPress's wp: fields/],
    ['a sitemap', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.id/</loc></url></urlset>', /is a sitemap \(<urlset>\), not a WordPress export/],
    ['an empty file', '', /is empty/],
    ['a file with only a byte-order mark', '\uFEFF\n', /is empty/],
  ])('refuses %s with a message that says how to export', async (_name, text, message) => {
    const error = await collect(tmp(text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrInputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('Tools → Export → All content');
  });

  test('asks for a compressed export to be unpacked first, zip or gzip', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-packed-'));
    const zip = path.join(dir, 'liputan.wordpress.2024-03-04.zip');
    fs.writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    await expect(collect(zip)).rejects.toThrow(/is a zip archive: unzip it first and import the \.xml file inside/);
    const gz = path.join(dir, 'liputan.xml.gz');
    fs.writeFileSync(gz, zlib.gzipSync('<rss></rss>'));
    await expect(collect(gz)).rejects.toThrow(/is gzip-compressed: run gunzip on it first/);
  });

  test('refuses a folder', async () => {
    await expect(collect(fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-dir-')))).rejects.toThrow(/is a folder, not an export file/);
  });

  test('reads a byte-order mark before the XML declaration', async () => {
    const records = await collect(tmp(`\uFEFF${wxr('<title>Blog</title><wp:wxr_version>1.2</wp:wxr_version>')}`));
    expect(records).toEqual([{ kind: 'site', site: expect.objectContaining({ title: 'Blog' }) }]);
  });

  test('names an item without wp:post_id by its ?p= link, else by its line', async () => {
    const records = await collect(tmp(wxr('<wp:wxr_version>1.2</wp:wxr_version>', '<item><link>https://x.id/?p=19</link><wp:post_type>post</wp:post_type></item>\n<item><wp:post_type>post</wp:post_type></item>')));
    expect(records.filter((r) => r.kind === 'item').map((r) => r.kind === 'item' && r.item.id)).toEqual(['19', 'line-3']);
  });

  test('reads control characters XML forbids as spaces and counts them', async () => {
    const repairs = { controlCharacters: 0 };
    const out: WxrRecord[] = [];
    for await (const r of readWxr(tmp(wxr('<wp:wxr_version>1.2</wp:wxr_version>', '<item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[satu\fdua\u0001tiga]]></content:encoded></item>')), { repairs })) out.push(r);
    expect(out[1]).toMatchObject({ kind: 'item', item: { content: 'satu dua tiga' } });
    expect(repairs.controlCharacters).toBe(2);
  });
});
