import { describe, expect, it } from 'vitest';
import { createSearchIndexer, folderOf, RENDERED_BEFORE_EARLY, type BundleWriter } from '../../../src/integrations/search-indexer.ts';
import type { SearchShard } from '../../../src/lib/search-shards.ts';

/** A Pagefind stand-in that logs each step when it runs (steps run one after another). */
function recorder(log: string[], failOn?: string) {
  return async (shard: SearchShard, early: boolean): Promise<BundleWriter> => {
    log.push(`open ${shard.bundlePath}${early ? ' early' : ''}`);
    return {
      add: async (glob) => {
        await new Promise((r) => setTimeout(r, 1));
        if (glob === failOn) throw new Error(`no pages for ${glob}`);
        log.push(`add ${glob}`);
      },
      write: async () => {
        log.push(`write ${shard.bundlePath}`);
      },
      addFile: async (url) => {
        log.push(`addFile ${url}`);
      },
      discard: async () => {
        log.push(`discard ${shard.bundlePath}`);
      },
    };
  };
}

/** Astro rendering article pages (not copying them) until `count` are on disk: enough renders to read early. */
function rendering(indexer: { writtenBefore(count: number): void }, count: number) {
  for (let i = 0; i < RENDERED_BEFORE_EARLY; i++) indexer.writtenBefore(Math.min(i, count));
  indexer.writtenBefore(count);
}

const one: SearchShard[] = [{ bundlePath: '/pagefind/', years: [], urls: ['/2026/06/a/', '/2026/06/b/', '/2026/05/c/', '/2025/12/d/'] }];
/** Astro's order: newest first, an old alias redirect of June's folder last. */
const plan = ['/2026/06/a/', '/2026/06/b/', '/2026/05/c/', '/2025/12/d/', '/2026/06/old-alias/'];

describe('createSearchIndexer', () => {
  it('reads each folder as soon as every page Astro writes into it is on disk, and writes the bundle at the end', async () => {
    const log: string[] = [];
    const indexer = createSearchIndexer(one, ['{2025,2026}/*/*/index.html'], recorder(log));
    indexer.plan(plan);
    rendering(indexer, 2);
    indexer.writtenBefore(4);
    await new Promise((r) => setTimeout(r, 20));
    // June waits for its alias (the last path); May and December are complete.
    expect(log).toEqual(['open /pagefind/ early', 'add 2026/05/*/index.html', 'add 2025/12/*/index.html']);
    await indexer.finish();
    expect(log).toEqual(['open /pagefind/ early', 'add 2026/05/*/index.html', 'add 2025/12/*/index.html', 'add 2026/06/*/index.html', 'write /pagefind/']);
  });

  it('writes the bundles one after another: a later bundle’s folders wait until the earlier bundle is written, and a bundle started after the article pages gets all threads', async () => {
    const shards: SearchShard[] = [
      { bundlePath: '/pagefind/', years: ['2026'], urls: ['/2026/06/a/', '/2026/05/b/'] },
      { bundlePath: '/pagefind/arsip-2025/', years: ['2025'], urls: ['/2025/12/c/'] },
    ];
    const log: string[] = [];
    const indexer = createSearchIndexer(shards, ['2026/*/*/index.html', '2025/*/*/index.html'], recorder(log));
    // A 2026 story's alias listed after the 2025 story keeps May open.
    indexer.plan(['/2026/06/a/', '/2026/05/b/', '/2025/12/c/', '/2026/05/alias/']);
    rendering(indexer, 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['open /pagefind/ early', 'add 2026/06/*/index.html']);
    await indexer.finish();
    expect(log).toEqual([
      'open /pagefind/ early',
      'add 2026/06/*/index.html',
      'add 2026/05/*/index.html',
      'write /pagefind/',
      'open /pagefind/arsip-2025/',
      'add 2025/12/*/index.html',
      'write /pagefind/arsip-2025/',
    ]);
  });

  it('waits for the end, then reads on all threads, when Astro copies most article pages and renders only a few (a warm build)', async () => {
    const log: string[] = [];
    const indexer = createSearchIndexer(one, ['x'], recorder(log));
    indexer.plan(plan);
    indexer.writtenBefore(1);
    indexer.writtenBefore(4);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    await indexer.finish();
    expect(log).toEqual(['open /pagefind/', 'add 2026/05/*/index.html', 'add 2025/12/*/index.html', 'add 2026/06/*/index.html', 'write /pagefind/']);
  });

  it('reads each bundle whole by its glob when no plan came (index after the build), with Pagefind on all its threads', async () => {
    const log: string[] = [];
    await createSearchIndexer(one, ['{2025,2026}/*/*/index.html'], recorder(log)).finish();
    expect(log).toEqual(['open /pagefind/', 'add {2025,2026}/*/*/index.html', 'write /pagefind/']);
  });

  it('reads the bundle whole when a folder name is not safe in a glob', async () => {
    const log: string[] = [];
    const odd: SearchShard[] = [{ bundlePath: '/pagefind/', years: [], urls: ['/berita/{x}/a/', '/berita/y/b/'] }];
    const indexer = createSearchIndexer(odd, ['berita/*/*/index.html'], recorder(log));
    indexer.plan(['/berita/{x}/a/', '/berita/y/b/']);
    indexer.writtenBefore(2);
    await indexer.finish();
    expect(log).toEqual(['open /pagefind/', 'add berita/*/*/index.html', 'write /pagefind/']);
  });

  it('fails at finish with Pagefind’s error, and runs nothing after the failed step', async () => {
    const log: string[] = [];
    const indexer = createSearchIndexer(one, ['x'], recorder(log, '2026/05/*/index.html'));
    indexer.plan(plan);
    rendering(indexer, 4);
    await expect(indexer.finish()).rejects.toThrow('no pages for 2026/05/*/index.html');
    expect(log).toEqual(['open /pagefind/ early']);
  });
});

describe('folderOf', () => {
  it('names the folder that holds a page’s folder', () => {
    expect(folderOf('/2026/06/slug/')).toBe('2026/06');
    expect(folderOf('/berita/2026/slug')).toBe('berita/2026');
    expect(folderOf('/slug/')).toBe('');
  });
});
