import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readWxr, WxrSyntaxError, type WxrRecord } from '../../../../src/wordpress/read/wxr-reader.ts';

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
    expect(records[0]).toEqual({ kind: 'site', site: expect.objectContaining({ title: 'Liputan ABN', baseUrl: 'https://liputanabn.com', language: 'id-ID' }) });
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
});
