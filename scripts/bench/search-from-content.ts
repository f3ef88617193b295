/**
 * Would the search index pay being built from content? Pagefind's index from a small generated HTML
 * per story (addHTMLFile: headline, the body Astro's content store holds rendered, the filter spans)
 * against today's (addDirectory over the written article pages), in turn; then whether the two
 * answer the same (hit counts and top 10 for ten queries, through pagefind.js in Node).
 *   node scripts/bench/search-from-content.ts <built client dir> <cacheDir>/data-store.json [rounds]
 * e.g. after `scripts/bench/alternate.sh 2000 1 default:`:
 *   node scripts/bench/search-from-content.ts .bench/alt/out-default/client .bench/alt/cache-default/data-store.json 3
 * (`devalue` is Astro's own dependency: the store is serialised with it.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unflatten } from 'devalue';
import * as pagefind from 'pagefind';
import * as cheerio from 'cheerio';

const [site, storeFile, roundsArg] = process.argv.slice(2) as [string, string, string?];
const rounds = Number(roundsArg ?? 2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-search-from-content-'));
const published = JSON.parse(fs.readFileSync(path.join(site, 'warta-articles.json'), 'utf8')) as { id: string; title: string; url: string }[];
const years = [...new Set(published.map((a) => a.url.split('/')[1]))].sort();
const glob = `{${years.join(',')}}/*/*/index.html`;

async function fromPages(out: string) {
  const t0 = performance.now();
  const { index } = await pagefind.createIndex({});
  const added = await index!.addDirectory({ path: site, glob });
  const t1 = performance.now();
  await index!.writeFiles({ outputPath: out });
  const t2 = performance.now();
  await pagefind.close();
  return { pages: added.page_count, addMs: t1 - t0, writeMs: t2 - t1 };
}

/** Filter/meta spans as PagefindMeta.astro writes them, taken from the built page (what content would give). */
function metaOf(url: string): string {
  const $ = cheerio.load(fs.readFileSync(path.join(site, url, 'index.html'), 'utf8'));
  return $.html($('.pagefind-meta'));
}

async function fromContent(out: string, metas: Map<string, string>) {
  const t0 = performance.now();
  const store = unflatten(JSON.parse(fs.readFileSync(storeFile, 'utf8'))) as Map<string, Map<string, { id: string; data: { title: string }; rendered?: { html: string } }>>;
  const articles = store.get('articles')!;
  const t1 = performance.now();
  const { index } = await pagefind.createIndex({});
  let n = 0;
  const wanted = new Map(published.map((a) => [a.id, a]));
  for (const [id, entry] of articles) {
    const a = wanted.get(id);
    if (!a) continue;
    const html = `<html lang="id"><head><title>${a.title}</title></head><body><header data-pagefind-body><h1>${a.title}</h1></header><div class="article-body" id="isi-berita" data-pagefind-body>${entry.rendered?.html ?? ''}</div>${metas.get(a.url) ?? ''}</body></html>`;
    const r = await index!.addHTMLFile({ url: a.url, content: html });
    if (r.errors.length) throw new Error(r.errors.join('\n'));
    n++;
  }
  const t2 = performance.now();
  await index!.writeFiles({ outputPath: out });
  const t3 = performance.now();
  await pagefind.close();
  return { pages: n, storeMs: t1 - t0, addMs: t2 - t1, writeMs: t3 - t2 };
}

const metas = new Map(published.map((a) => [a.url, metaOf(a.url)]));
for (let r = 1; r <= rounds; r++) {
  const a = await fromPages(path.join(tmp, 'pages'));
  console.log(`round ${r} from pages:   ${a.pages} pages, add ${a.addMs.toFixed(0)} ms, write ${a.writeMs.toFixed(0)} ms, total ${(a.addMs + a.writeMs).toFixed(0)} ms`);
  const b = await fromContent(path.join(tmp, 'content'), metas);
  console.log(`round ${r} from content: ${b.pages} pages, store read ${b.storeMs.toFixed(0)} ms, add ${b.addMs.toFixed(0)} ms, write ${b.writeMs.toFixed(0)} ms, total ${(b.storeMs + b.addMs + b.writeMs).toFixed(0)} ms`);
}

// Are the two indexes as good? Hit counts and the top 10 for a few queries, through pagefind.js in Node.
const realFetch = globalThis.fetch;
globalThis.fetch = (async (u: string | URL) => {
  const s = String(u);
  if (s.startsWith(tmp)) return new Response(fs.readFileSync(s.split('?')[0]!));
  return realFetch(u);
}) as typeof fetch;
const load = async (dir: string) => {
  const pf = await import(`${dir}/pagefind.js?${dir}`);
  await pf.options({ basePath: `${dir}/` });
  return pf as { search(q: string): Promise<{ results: { id: string; data(): Promise<{ url: string }> }[] }> };
};
const pages = await load(path.join(tmp, 'pages'));
const fromContentIdx = await load(path.join(tmp, 'content'));
let same = 0;
const queries = ['banjir', 'Palembang', 'pemeriksaan', 'bantuan', 'OKU Selatan', 'jembatan', 'sekolah', 'pasar', 'jalan', 'hujan'];
for (const q of queries) {
  const a = await pages.search(q);
  const b = await fromContentIdx.search(q);
  const top = async (r: typeof a) => Promise.all(r.results.slice(0, 10).map(async (x) => (await x.data()).url));
  const [ta, tb] = [await top(a), await top(b)];
  const overlap = ta.filter((u) => tb.includes(u)).length;
  if (a.results.length === b.results.length) same++;
  console.log(`"${q}": hits ${a.results.length} from pages, ${b.results.length} from content; top-10 overlap ${overlap}/10`);
}
console.log(`${same}/${queries.length} queries with equal hit counts`);
