import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSearchIndex } from '../../../src/search/index-check.ts';

const page = (title: string) =>
  `<html lang="id"><body><nav>Beranda</nav><article data-pagefind-body><h1>${title}</h1><p>Isi berita ${title}.</p></article></body></html>`;

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-search-'));
  const { index } = await pagefind.createIndex({});
  await index!.addHTMLFile({ url: '/2024/01/satu/', content: page('Satu') });
  await index!.addHTMLFile({ url: '/2024/01/dua/', content: page('Dua') });
  await index!.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  await pagefind.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checking a written search index', () => {
  it('finds nothing wrong when the index holds exactly the published articles', () => {
    expect(checkSearchIndex(path.join(dir, 'pagefind'), { urls: ['/2024/01/satu/', '/2024/01/dua/'], language: 'id' })).toEqual([]);
  });

  it('reports a missing bundle', () => {
    expect(checkSearchIndex(path.join(dir, 'nowhere'), { urls: [], language: 'id' })[0]).toMatch(/^no search index at /);
  });

  it('reports articles missing from the index and pages that should not be there', () => {
    expect(checkSearchIndex(path.join(dir, 'pagefind'), { urls: ['/2024/01/satu/', '/2024/01/tiga/'], language: 'id' })).toEqual([
      '1 published articles are not in the index, e.g. /2024/01/tiga/',
      '1 pages that are not published articles are in the index, e.g. /2024/01/dua/',
    ]);
  });

  it('reports an index in another language than the site', () => {
    expect(checkSearchIndex(path.join(dir, 'pagefind'), { urls: ['/2024/01/satu/', '/2024/01/dua/'], language: 'en' })).toEqual([
      'pages in other languages were indexed (id); every page must carry lang="en"',
      'no "en" index (found: id)',
    ]);
  });

  it('reports a page count that differs from the published articles', () => {
    expect(checkSearchIndex(path.join(dir, 'pagefind'), { urls: ['/2024/01/satu/'], language: 'id' })).toContain('the index holds 2 pages, but 1 articles are published');
  });
});
