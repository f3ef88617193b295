/**
 * The `searchShards` fixture is the demo built with WARTA_SEARCH_SHARD_PAGES=12, as a
 * large archive is split (src/lib/search-shards.ts): a bundle per year or run of years.
 * The browser side is tested in tests/e2e/search-shards.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { checkSearchShards, indexedUrls } from '../../src/lib/search-index-check.ts';
import { planSearchShards } from '../../src/lib/search-shards.ts';
import { outDir, sites } from '../helpers/sites.ts';

const site = outDir(sites.searchShards);
const published = (JSON.parse(fs.readFileSync(path.join(site, 'warta-articles.json'), 'utf8')) as { url: string }[]).map((a) => a.url);
const yearOf = (url: string) => url.split('/')[1]!;
const BUNDLES = { '/pagefind/': ['2026'], '/pagefind/arsip-2025/': ['2025'], '/pagefind/arsip-2023-2024/': ['2024', '2023'] };

describe('a search index split into bundles by year', () => {
  it.each(Object.entries(BUNDLES))('%s holds exactly the published stories of %j', (bundle, years) => {
    const urls = indexedUrls(path.join(site, bundle), 'id');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.sort()).toEqual(published.filter((url) => years.includes(yearOf(url))).sort());
  });

  it('holds every published story once across the bundles, and each bundle carries its own page table', () => {
    const all = Object.keys(BUNDLES).flatMap((bundle) => indexedUrls(path.join(site, bundle), 'id'));
    expect(all.sort()).toEqual([...published].sort());
    for (const bundle of Object.keys(BUNDLES)) expect(fs.readdirSync(path.join(site, bundle)).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it('names the merged bundles on /cari/, newest first; the unsplit demo names none', () => {
    const names = cheerio.load(fs.readFileSync(path.join(site, 'cari/index.html'), 'utf8'))('[data-search-page]').attr('data-merge-index');
    expect(JSON.parse(names!)).toEqual(['/pagefind/arsip-2025/', '/pagefind/arsip-2023-2024/']);
    const demo = cheerio.load(fs.readFileSync(path.join(outDir(sites.demo), 'cari/index.html'), 'utf8'));
    expect(demo('[data-search-page]').attr('data-merge-index')).toBeUndefined();
  });

  it('passes the build check, which reports a bundle that holds other years than planned', () => {
    const plan = planSearchShards(published, 12, '/:year/:month/:slug/');
    expect(plan.map((s) => s.bundlePath)).toEqual(Object.keys(BUNDLES));
    expect(checkSearchShards(site, plan, published, 'id')).toEqual([]);
    const swapped = plan.map((s, i) => (i === 1 ? { ...s, years: ['2024'] } : i === 2 ? { ...s, years: ['2025', '2023'] } : s));
    const problems = checkSearchShards(site, swapped, published, 'id');
    expect(problems.some((p) => /^\/pagefind\/arsip-2025\/: \d+ published articles are not in the index/.test(p))).toBe(true);
    expect(problems.some((p) => /^\/pagefind\/arsip-2025\/: \d+ pages that are not published articles are in the index/.test(p))).toBe(true);
  });
});
