import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtFacts, resolveInBuild } from '../../../../src/wordpress/verify/verify-export.ts';

const client = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-built-'));
const page = (rel: string, html: string) => {
  fs.mkdirSync(path.join(client, rel), { recursive: true });
  fs.writeFileSync(path.join(client, rel, 'index.html'), html);
};
page('2024/01/banjir', '<html><body><article><figure><img src="https://x.id/cover.jpg"></figure><div class="article-body"><p>Banjir <a href="/x/">di sini</a></p></div><p class="share">Bagikan</p></article></body></html>');
page('2024/01/10/banjir', '<meta http-equiv="refresh" content="0; url=/2024/01/banjir/">');
page('category/网络', '<meta http-equiv="refresh" content="0; url=/kategori/wang-luo/">');

describe('old URLs in the built site', () => {
  test('resolve to a page, or to a redirect page whose target exists', () => {
    expect(resolveInBuild(client, '/2024/01/banjir/')).toBe(path.join(client, '2024/01/banjir/index.html'));
    expect(resolveInBuild(client, '/2024/01/10/banjir/')).toBe(path.join(client, '2024/01/banjir/index.html'));
    expect(resolveInBuild(client, '/category/%E7%BD%91%E7%BB%9C/')).toBeUndefined();
    expect(resolveInBuild(client, '/tidak-ada/')).toBeUndefined();
  });
});

describe('the built story', () => {
  test('is its body text and links, and every image of the article (cover included)', () => {
    const f = builtFacts(fs.readFileSync(path.join(client, '2024/01/banjir/index.html'), 'utf8'), 'https://x.id', 'article');
    expect([...f.words.keys()]).toEqual(['banjir', 'di', 'sini']);
    expect([...f.images]).toEqual(['x.id/cover.jpg']);
    expect(Object.fromEntries(f.links)).toEqual({ 'di sini': 1 });
  });
});
