import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARCHIVE_SEARCH_PATH, readArchiveSearchPages, splitArchiveSearchPage } from '../../../src/search/archive-text.ts';

const sites: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const site of sites.splice(0)) fs.rmSync(site, { recursive: true, force: true });
});

/** A built site with one search-text page per batch, each holding the given story URLs. */
function siteWith(batches: string[][]): string {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-archive-text-'));
  sites.push(site);
  batches.forEach((urls, i) => {
    const file = path.join(site, ARCHIVE_SEARCH_PATH, String(i + 1), 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `<html lang="id"><body>${urls.map((url) => `<warta-archived data-url="${url}"><h1>${url}</h1></warta-archived>`).join('')}</body></html>`);
  });
  return site;
}

describe('the archived stories\' search text', () => {
  it('splits a page of archived stories’ search text into one page per story, in the page’s language', () => {
    const page = [
      '<html lang="id"><body>',
      '<warta-archived data-url="/2023/01/a&amp;b/"><header class="article-header" data-pagefind-body><h1>A</h1></header><div><section>x</section></div></warta-archived>',
      '<warta-archived data-url="/2023/01/c/"><h1>C</h1></warta-archived>',
      '</body></html>',
    ].join('');
    const stories = splitArchiveSearchPage(page);
    expect([...stories.keys()]).toEqual(['/2023/01/a&b/', '/2023/01/c/']);
    expect(stories.get('/2023/01/a&b/')).toBe('<!DOCTYPE html><html lang="id"><body><header class="article-header" data-pagefind-body><h1>A</h1></header><div><section>x</section></div></body></html>');
  });

  it('answers each story from its page, reading every page once when asked in the pages\' order, past page 9', () => {
    // Eleven pages: a name order would put page 10 before page 2.
    const batches = Array.from({ length: 11 }, (_, b) => [`/2023/${b}/a/`, `/2023/${b}/b/`]);
    const site = siteWith(batches);
    const reads = vi.spyOn(fs, 'readFileSync');
    const pages = readArchiveSearchPages(site, new Set(batches.flat()));
    for (const url of batches.flat()) expect(pages.get(url)).toBe(`<!DOCTYPE html><html lang="id"><body><h1>${url}</h1></body></html>`);
    expect(reads.mock.calls.map(([file]) => path.relative(site, String(file)))).toEqual(batches.map((_, b) => path.join('_arsip-cari', String(b + 1), 'index.html')));
  });

  it('answers a story asked out of order by reading its page again, and nothing for a story on no page', () => {
    const site = siteWith([['/a/'], ['/b/'], ['/c/']]);
    const pages = readArchiveSearchPages(site, new Set(['/a/', '/b/', '/c/', '/gone/']));
    expect(pages.get('/c/')).toContain('<h1>/c/</h1>');
    expect(pages.get('/a/')).toContain('<h1>/a/</h1>');
    expect(pages.get('/b/')).toContain('<h1>/b/</h1>');
    expect(pages.get('/gone/')).toBeUndefined();
    expect(readArchiveSearchPages(path.join(site, 'nowhere'), new Set(['/a/'])).get('/a/')).toBeUndefined();
  });

  it('reads no page for a story that is not archived', () => {
    const site = siteWith([['/a/'], ['/b/']]);
    const reads = vi.spyOn(fs, 'readFileSync');
    expect(readArchiveSearchPages(site, new Set(['/a/', '/b/'])).get('/2026/06/prerendered/')).toBeUndefined();
    expect(reads).not.toHaveBeenCalled();
  });

  it('has a source digest that stays while every page keeps its bytes and changes with any page', () => {
    const site = siteWith([['/a/'], ['/b/']]);
    const digest = () => readArchiveSearchPages(site, new Set(['/a/', '/b/'])).sourceDigest!();
    const before = digest();
    expect(digest()).toBe(before);
    const second = path.join(site, ARCHIVE_SEARCH_PATH, '2', 'index.html');
    fs.writeFileSync(second, fs.readFileSync(second, 'utf8').replace('<h1>/b/</h1>', '<h1>/b/ diperbarui</h1>'));
    expect(digest()).not.toBe(before);
  });
});
