/**
 * Which stories go into which Pagefind bundle.
 *
 * A warm build rewrites only the bundles whose stories changed (manifest.ts), so a large
 * site's index is split where edits are rare: the **recent** part, the newest whole months
 * holding at least `recentPages` stories, is `/pagefind/`; the **archive**, every older story,
 * is `/pagefind/arsip/`. An edit or a new story touches the small recent part; the archive is
 * rewritten when a story in it is edited, or about once a month, when a month leaves the recent
 * part. The search page loads the recent part first and merges the archive after it (Pagefind's
 * `mergeIndex`); each merged bundle costs a first search its page table and a word-index chunk
 * per query term, so the split has few parts, and none below `2 × recentPages` stories.
 *
 * Pagefind's indexer holds every indexed page in memory until it writes the bundle (about
 * 0.24 MB a story): an archive larger than `shardPages` is split further by year, newest
 * first, whole years packed into bundles of at most `shardPages` (one larger year stays whole),
 * written one after another so the indexer's memory is bounded by the largest bundle.
 *
 * Every part holds a range of publication dates, newest part first, so "Terbaru" across parts
 * is each part's answer in turn, for any permalink.
 */
import { wholeNumberFromEnv } from '../lib/build-env.ts';

/** Recent part: the newest whole months holding at least this many stories (see docs/search.md for the measurement). */
export const DEFAULT_SEARCH_RECENT_PAGES = 1_000;
/** Stories per archive bundle before the archive is split by year: about 3.6 GB in Pagefind's indexer. */
export const DEFAULT_SEARCH_SHARD_PAGES = 15_000;

/** Where the recent (or only) bundle is served; the archive bundles are folders inside it. */
export const SEARCH_BUNDLE = '/pagefind/';

export interface IndexedStory {
  /** Site-relative URL, e.g. `/2026/06/slug/`. */
  url: string;
  /** The sort key Pagefind orders "Terbaru" by: ISO 8601 in the site's zone (`PagefindMeta.astro`). */
  sortKey: string;
}

export interface SearchShard {
  /** Site-relative folder of the bundle: `/pagefind/` for the recent part, `/pagefind/arsip/`, `/pagefind/arsip-2023-2024/`. */
  bundlePath: string;
  /** Site-relative URLs of the stories it holds, newest first. */
  urls: string[];
}

export interface SearchSplit {
  recentPages: number;
  shardPages: number;
}

/** `WARTA_SEARCH_RECENT_PAGES` and `WARTA_SEARCH_SHARD_PAGES`. */
export function searchSplit(env: NodeJS.ProcessEnv): SearchSplit {
  return {
    recentPages: wholeNumberFromEnv(env, 'WARTA_SEARCH_RECENT_PAGES', DEFAULT_SEARCH_RECENT_PAGES, {
      min: 1,
      hint: 'stories the recent search bundle holds at least; the index is split past twice as many',
    }),
    shardPages: wholeNumberFromEnv(env, 'WARTA_SEARCH_SHARD_PAGES', DEFAULT_SEARCH_SHARD_PAGES, {
      min: 1,
      hint: 'stories per archive search bundle before the archive is split by year',
    }),
  };
}

/** Splits the published stories into search bundles (see above); one bundle for a small site. */
export function planSearchShards(stories: IndexedStory[], split: SearchSplit): SearchShard[] {
  const newest = [...stories].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : a.url.localeCompare(b.url)));
  const urls = (list: IndexedStory[]) => list.map((s) => s.url);
  if (newest.length <= 2 * split.recentPages) return [{ bundlePath: SEARCH_BUNDLE, urls: urls(newest) }];

  // Whole months: the boundary moves once a month, not with every new story.
  let cut = split.recentPages;
  const month = (i: number) => newest[i]!.sortKey.slice(0, 7);
  while (cut < newest.length && month(cut) === month(cut - 1)) cut++;
  if (cut >= newest.length) return [{ bundlePath: SEARCH_BUNDLE, urls: urls(newest) }];
  const recent = { bundlePath: SEARCH_BUNDLE, urls: urls(newest.slice(0, cut)) };
  const archive = newest.slice(cut);
  if (archive.length <= split.shardPages) return [recent, { bundlePath: `${SEARCH_BUNDLE}arsip/`, urls: urls(archive) }];

  const groups: { years: string[]; stories: IndexedStory[] }[] = [];
  for (const story of archive) {
    const year = story.sortKey.slice(0, 4);
    const current = groups.at(-1);
    if (current?.years.at(-1) === year) current.stories.push(story);
    else if (current && current.stories.length + archive.filter((s) => s.sortKey.startsWith(year)).length <= split.shardPages) {
      current.years.push(year);
      current.stories.push(story);
    } else groups.push({ years: [year], stories: [story] });
  }
  return [
    recent,
    ...groups.map((g) => ({ bundlePath: `${SEARCH_BUNDLE}arsip-${g.years.length === 1 ? g.years[0] : `${g.years.at(-1)}-${g.years[0]}`}/`, urls: urls(g.stories) })),
  ];
}
