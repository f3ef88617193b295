/**
 * The search text of archived stories (lib/archive.ts), which have no page in the build:
 * src/routes/archive-search.astro writes it, a batch of stories a page, under
 * `ARCHIVE_SEARCH_PATH`; search cuts each page into one page per story, then the build deletes
 * them (they are never published).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeHTMLAttribute } from 'entities';
import { inputsDigest } from '../lib/cache-files.ts';
import type { PagesByUrl } from './manifest.ts';

/** Where the build writes the archived stories' search text, batch by batch. */
export const ARCHIVE_SEARCH_PATH = '/_arsip-cari/';
/** Archived stories per search-text page: a few MB of HTML each. */
export const ARCHIVE_SEARCH_BATCH = 500;

/** Splits a page of archived stories' search text into one page per story, by URL. */
export function splitArchiveSearchPage(page: string): Map<string, string> {
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(page)?.[1] ?? '';
  const stories = new Map<string, string>();
  // A tag of our own: a story's body may hold any HTML element, never this one.
  const section = /<warta-archived\b[^>]*\bdata-url="([^"]*)"[^>]*>([\s\S]*?)<\/warta-archived>/g;
  for (const m of page.matchAll(section)) {
    stories.set(decodeHTMLAttribute(m[1]!), `<!DOCTYPE html><html lang="${lang}"><body>${m[2]}</body></html>`);
  }
  return stories;
}

/**
 * The search text of the `archived` stories, per URL, from the pages written under `site`, read a
 * page at a time as search asks for its stories: the whole archive's text at once would be
 * gigabytes at 200,000 stories. Search asks newest first, the pages' order, so each page is read
 * once: a story not met yet is looked for in the next pages, and a page read before is read again
 * only when asked out of order. Its `sourceDigest` covers every page's bytes: while it is the one a
 * bundle recorded, none of them needs reading (at 10,000 stories, 39 MB of pages: 0.7 s cut and
 * digested per story, against 0.1 s hashed whole).
 */
export function readArchiveSearchPages(site: string, archived: ReadonlySet<string>): PagesByUrl {
  const dir = path.join(site, ARCHIVE_SEARCH_PATH);
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((batch) => path.join(dir, batch, 'index.html'))
    .filter((file) => fs.existsSync(file));
  /** URL → the page it is on, for the pages read so far. */
  const pageOf = new Map<string, number>();
  let unread = 0;
  // The last two pages read: stories published at the same second may sort either side of a page's edge.
  let read: { page: number; stories: Map<string, string> }[] = [];
  const load = (page: number) => {
    const stories = splitArchiveSearchPage(fs.readFileSync(files[page]!, 'utf8'));
    for (const url of stories.keys()) pageOf.set(url, page);
    read = [{ page, stories }, ...read.slice(0, 1)];
    return stories;
  };
  let digest: string | undefined;
  return {
    get(url) {
      if (!archived.has(url)) return undefined;
      const page = pageOf.get(url);
      if (page !== undefined) return (read.find((r) => r.page === page)?.stories ?? load(page)).get(url);
      while (unread < files.length) {
        const html = load(unread++).get(url);
        if (html !== undefined) return html;
      }
      return undefined;
    },
    sourceDigest() {
      // Each page a whole document: the same bytes in order hold the same stories with the same text.
      return (digest ??= inputsDigest(files).toString('base64url'));
    },
  };
}
