/**
 * The 20-query check: does the split index (a recent part and the archive, merged in the browser)
 * answer as one whole index does? Both are built here from a built site's article pages:
 *   (a) whole: Pagefind's `addDirectory` over the article pages, as the build did before the split;
 *   (b) split: the build's own plan (src/search/shards.ts) and input (`indexedHtml`), one bundle each.
 * Then Pagefind's own pagefind.js, loaded in Node, runs each query on both; the split one merged as
 * the search page merges it (`mergeIndex` with the bundle filter, "Terbaru" through
 * `newestFirstAcrossBundles`). Per query: hit counts, the whole newest-first list, the relevance top 10.
 *
 *   node scripts/bench/search-queries.ts --site tests/.output/demo/client --recent-pages 5
 *   node scripts/bench/search-queries.ts --site .bench/out-10000/client
 *
 * Not part of `npm test`: at 10,000 stories it indexes the site twice (about a minute).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { DEFAULT_SEARCH_RECENT_PAGES, DEFAULT_SEARCH_SHARD_PAGES, planSearchShards } from '../../src/search/shards.ts';
import { indexedHtml } from '../../src/search/manifest.ts';
import { writeBundle } from '../../src/search/pagefind-service.ts';
import { newestFirstAcrossBundles } from '../../src/search/bundles.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    'recent-pages': { type: 'string', default: String(DEFAULT_SEARCH_RECENT_PAGES) },
    'shard-pages': { type: 'string', default: String(DEFAULT_SEARCH_SHARD_PAGES) },
    json: { type: 'string' },
  },
});
if (!values.site) throw new Error('[warta:bench] usage: node scripts/bench/search-queries.ts --site <built client dir> [--recent-pages N] [--shard-pages N]');
const site = path.resolve(values.site);

const QUERIES = [
  'banjir', 'pilkada palembang', 'harga cabai', 'kebakaran rumah', 'polisi', 'jembatan', 'bantuan sosial', 'sekolah dasar',
  'pasar 16 ilir', 'musim hujan', 'pelaksanaan', 'petani', 'Ogan Ilir', 'Lubuklinggau', 'anggaran proyek', 'rumah sakit',
  'guru honorer', 'atlet juara', 'Dodi Saputra', 'Supriadi',
];

const published = JSON.parse(fs.readFileSync(path.join(site, 'warta-articles.json'), 'utf8')) as { url: string }[];
const pages = new Map(published.map((a) => [a.url, fs.readFileSync(path.join(site, a.url, 'index.html'), 'utf8')]));
const sortKeys = new Map([...pages].map(([url, html]) => [url, /data-pagefind-sort="tanggal\[data-value\]" data-value="([^"]+)"/.exec(html)![1]!]));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-search-queries-'));
const wholeDir = path.join(tmp, 'whole');
const splitRoot = path.join(tmp, 'split');

let t = performance.now();
const { index } = await pagefind.createIndex({});
const years = [...new Set(published.map((a) => a.url.split('/')[1]))].sort();
const added = await index!.addDirectory({ path: site, glob: `{${years.join(',')}}/*/*/index.html` });
if (added.page_count !== published.length) throw new Error(`[warta:bench] addDirectory found ${added.page_count} pages, ${published.length} published`);
await index!.writeFiles({ outputPath: wholeDir });
await pagefind.close();
const wholeMs = performance.now() - t;

t = performance.now();
const shards = planSearchShards([...sortKeys].map(([url, sortKey]) => ({ url, sortKey })), { recentPages: Number(values['recent-pages']), shardPages: Number(values['shard-pages']) });
for (const shard of shards) {
  await writeBundle(new Map(shard.urls.map((url) => [url, indexedHtml(pages.get(url)!, url)])), path.join(splitRoot, shard.bundlePath), 5 * 60_000);
}
const splitMs = performance.now() - t;
console.error(`[warta:bench] ${published.length} stories; whole index ${(wholeMs / 1000).toFixed(1)} s; split (${shards.map((s) => `${s.bundlePath} ${s.urls.length}`).join(', ')}) ${(splitMs / 1000).toFixed(1)} s`);

// pagefind.js fetches its files; in Node they are read from the temporary folder.
globalThis.fetch = (async (u: string | URL) => new Response(fs.readFileSync(String(u).split('?')[0]!))) as typeof fetch;
interface Result { id: string; data(): Promise<{ url: string }> }
interface Api {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(p: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: Result[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
const load = async (dir: string) => {
  const api = (await import(`${dir}/pagefind.js?${dir}`)) as Api;
  await api.options({ basePath: `${dir}/`, baseUrl: '/' });
  return api;
};
const whole = await load(wholeDir);
const split = await load(path.join(splitRoot, shards[0]!.bundlePath));
const archive = shards.slice(1).map((s) => path.join(splitRoot, s.bundlePath) + '/');
for (const bundle of archive) await split.mergeIndex(bundle, { baseUrl: '/', mergeFilter: { 'warta-bundle': bundle } });
const splitSorted = archive.length > 0 ? newestFirstAcrossBundles(split as never, archive) : split;

const urls = async (results: Result[], n = results.length) => Promise.all(results.slice(0, n).map(async (r) => (await r.data()).url));
const NEWEST = { sort: { tanggal: 'desc' } };
const rows = [];
for (const q of QUERIES) {
  const [a, b] = [await whole.search(q), await split.search(q)];
  const [sa, sb] = [await urls((await whole.search(q, NEWEST)).results), await urls((await splitSorted.search(q, NEWEST as never)).results as Result[])];
  const [ta, tb] = [await urls(a.results, 10), await urls(b.results, 10)];
  const sameOrder = sa.length === sb.length && sa.every((u, i) => u === sb[i]);
  // Stories published the same minute have no order between them: equal dates in equal sequence count as the same order.
  const sameDates = sa.length === sb.length && sa.every((u, i) => sortKeys.get(u) === sortKeys.get(sb[i]!));
  rows.push({ query: q, hitsWhole: a.results.length, hitsSplit: b.results.length, newestFirst: sameOrder ? 'equal' : sameDates ? 'equal up to same-minute ties' : 'DIFFERENT', top10Overlap: ta.filter((u) => tb.includes(u)).length, top10Of: Math.min(10, ta.length) });
}
const equalHits = rows.filter((r) => r.hitsWhole === r.hitsSplit).length;
const equalOrder = rows.filter((r) => r.newestFirst !== 'DIFFERENT').length;
console.log(`| query | hits whole | hits split | newest-first | relevance top-10 overlap |\n| --- | --- | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.query} | ${r.hitsWhole} | ${r.hitsSplit} | ${r.newestFirst} | ${r.top10Overlap}/${r.top10Of} |`);
console.log(`\n${equalHits}/${rows.length} equal hit counts, ${equalOrder}/${rows.length} the same newest-first order; bundles: ${shards.map((s) => `${s.bundlePath} ${s.urls.length}`).join(', ')}`);
if (values.json) fs.writeFileSync(values.json, JSON.stringify({ site, shards: shards.map((s) => ({ bundlePath: s.bundlePath, stories: s.urls.length })), wholeMs, splitMs, rows }, null, 2));
fs.rmSync(tmp, { recursive: true, force: true });
