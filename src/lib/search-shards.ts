/**
 * Which articles go into which Pagefind bundle.
 *
 * Pagefind's indexer holds every indexed page in memory until it writes the bundle:
 * about 0.24 MB a story, so 11.3 GB for 50,000. Past `maxPages` published
 * stories the index is split by year, newest first, into bundles of at most `maxPages`
 * (one year larger than that stays whole), written one after another so the indexer's
 * memory is bounded by the largest bundle. The search page merges them in the browser
 * (Pagefind's `mergeIndex`) and, for "Terbaru", lists the bundles' answers in turn, which
 * is the date order only because each bundle holds whole years. So the split needs a
 * permalink that starts with the year (`/:year/…`, the default); with any other the index
 * stays whole, and the indexer's memory grows with the archive.
 *
 * Not below the threshold: each merged bundle adds its own page table and ~30 KB of word
 * index per query to a first search (measured at 10,000 stories split by year: four
 * chunks of ~32 KB instead of one of ~39 KB), and the first search must stay ≤ 250 KB.
 */
import { wholeNumberFromEnv } from './build-env.ts';

/** Published stories per bundle before the index is split: about 3.6 GB in Pagefind's indexer. */
export const DEFAULT_SEARCH_SHARD_PAGES = 15_000;

/** Where the first (newest) bundle is served; the others are folders inside it. */
export const SEARCH_BUNDLE = '/pagefind/';

export interface SearchShard {
  /** Site-relative folder of the bundle: `/pagefind/` for the first, `/pagefind/arsip-2023/` for others. */
  bundlePath: string;
  /** The years (first URL folder) of its stories, newest first; empty when the index is not split. */
  years: string[];
  /** Site-relative URLs of the stories it holds. */
  urls: string[];
}

/** The first folder of a site-relative URL: `/2026/06/slug/` → `2026` (the year, with a `/:year/…` permalink). */
export function firstFolder(url: string): string {
  return url.replace(/^\/+/, '').split('/')[0] ?? '';
}

/** `WARTA_SEARCH_SHARD_PAGES`: stories per search bundle before the index is split. */
export function searchShardPages(env: NodeJS.ProcessEnv): number {
  return wholeNumberFromEnv(env, 'WARTA_SEARCH_SHARD_PAGES', DEFAULT_SEARCH_SHARD_PAGES, {
    min: 1,
    hint: 'published stories per search bundle before the index is split by year',
  });
}

/** Splits the published article URLs into search bundles by year (see above); one bundle when they fit. */
export function planSearchShards(urls: string[], maxPages: number, permalink: string): SearchShard[] {
  const whole = [{ bundlePath: SEARCH_BUNDLE, years: [], urls: [...urls] }];
  if (urls.length <= maxPages || !/^\/?:year\//.test(permalink)) return whole;
  const byFolder = new Map<string, string[]>();
  for (const url of urls) {
    const folder = firstFolder(url);
    // Cannot happen with a `/:year/…` permalink; if it does, the index stays whole rather than wrong.
    if (url.split('/').filter(Boolean).length < 2 || !/^\d{4}$/.test(folder)) return whole;
    const list = byFolder.get(folder);
    if (list) list.push(url);
    else byFolder.set(folder, [url]);
  }
  if (byFolder.size < 2) return whole;

  const folders = [...byFolder.keys()].sort().reverse();
  const groups: string[][] = [];
  let size = 0;
  for (const folder of folders) {
    const count = byFolder.get(folder)!.length;
    const current = groups.at(-1);
    if (current && size + count <= maxPages) {
      current.push(folder);
      size += count;
    } else {
      groups.push([folder]);
      size = count;
    }
  }
  return groups.map((group, i) => ({
    bundlePath: i === 0 ? SEARCH_BUNDLE : `${SEARCH_BUNDLE}arsip-${group.length === 1 ? group[0] : `${group.at(-1)}-${group[0]}`}/`,
    years: group,
    urls: group.flatMap((folder) => byFolder.get(folder)!),
  }));
}
