/**
 * Checks a written Pagefind bundle against the articles that should be in it.
 * Pagefind's Node API reports success in cases where the index is wrong or
 * absent (`page_count: 0` for a missing folder, a `writeFiles` that never
 * settles), so the build trusts only what is on disk afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchShard } from './shards.ts';

export interface SearchIndexExpectation {
  /** Site-relative URLs of every published article, e.g. `/2023/07/slug/`. */
  urls: string[];
  /** The `lang` of the pages (the site's locale); Pagefind keeps one index per language. */
  language: string;
}

interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

/** Every problem found, as sentences; empty when the bundle holds exactly the expected pages. */
export function checkSearchIndex(bundleDir: string, expected: SearchIndexExpectation): string[] {
  const entryFile = path.join(bundleDir, 'pagefind-entry.json');
  if (!fs.existsSync(entryFile)) return [`no search index at ${entryFile}`];
  const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as PagefindEntry;
  const problems: string[] = [];

  const languages = Object.keys(entry.languages);
  const extra = languages.filter((l) => l !== expected.language);
  if (extra.length > 0) problems.push(`pages in other languages were indexed (${extra.join(', ')}); every page must carry lang="${expected.language}"`);
  const ours = entry.languages[expected.language];
  if (!ours) return [...problems, `no "${expected.language}" index (found: ${languages.join(', ') || 'none'})`];
  if (ours.page_count !== expected.urls.length) {
    problems.push(`the index holds ${ours.page_count} pages, but ${expected.urls.length} articles are published`);
  }

  const indexed = new Set(indexedUrls(bundleDir, expected.language));
  const missing = expected.urls.filter((u) => !indexed.has(u));
  const wanted = new Set(expected.urls);
  const unexpected = [...indexed].filter((u) => !wanted.has(u));
  if (missing.length > 0) problems.push(`${missing.length} published articles are not in the index, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (unexpected.length > 0) problems.push(`${unexpected.length} pages that are not published articles are in the index, e.g. ${unexpected.slice(0, 3).join(', ')}`);
  return problems;
}

/**
 * URLs of the pages in a bundle, read from its fragments: gzip'd JSON after a
 * `pagefind_dcd` signature, one page per file, or several when Pagefind bundles them.
 */
export function indexedUrls(bundleDir: string, language: string): string[] {
  const dir = path.join(bundleDir, 'fragment');
  if (!fs.existsSync(dir)) return [];
  const urls: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(`${language}_`)) continue;
    const text = gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '');
    collectUrls(JSON.parse(text), urls);
  }
  return urls;
}

function collectUrls(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectUrls(v, into);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.url === 'string' && 'content' in record) into.push(record.url);
    else for (const v of Object.values(record)) collectUrls(v, into);
  }
}

/** Together the bundles' plans hold every published story and nothing else (their contents checked apart, as each is written). */
export function checkPlacement(shards: SearchShard[], published: string[]): string[] {
  const problems: string[] = [];
  const placed = new Set(shards.flatMap((s) => s.urls));
  const unplaced = published.filter((url) => !placed.has(url));
  const wanted = new Set(published);
  const unpublished = [...placed].filter((url) => !wanted.has(url));
  if (unplaced.length > 0) problems.push(`${unplaced.length} published articles belong to no search bundle, e.g. ${unplaced.slice(0, 3).join(', ')}`);
  if (unpublished.length > 0) problems.push(`${unpublished.length} stories in the search bundles are not published, e.g. ${unpublished.slice(0, 3).join(', ')}`);
  return problems;
}
