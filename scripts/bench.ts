/**
 * `npm run bench`: build performance and page weight at newsroom scale.
 *
 *   node scripts/bench.ts [--sizes 1000,10000] [--against <commit>] [--no-baseline] [--no-hugo]
 *                         [--no-lighthouse] [--no-warm] [--edit middle|newest] [--out .bench/results]
 *                         [--prerender-days 365] [--no-search-bytes]
 *
 * For each size N: generates a corpus (scripts/generate-corpus.ts, fixed seed) in a
 * temporary folder, then measures under GNU time, cold (output, Astro's cache and Node's
 * compile cache deleted) and warm (one story edited, caches kept: by default one from the
 * middle of the archive; `--edit newest` one from the newest month, the common correction):
 *   - the full production build of the current tree;
 *   - with --against, the same build of an older commit, checked out beside it in a git
 *     worktree under .bench/against/ with its own `npm ci`: the progress since then;
 *   - the baseline site (scripts/bench/baseline.ts): article pages only, same plugins,
 *     same Pagefind;
 *   - Hugo, when `hugo` is on PATH, on the same articles with the minimal templates in
 *     scripts/bench/hugo/ (no search index);
 * and prints Warta's ratio to each, and to the fastest peer (baseline or Hugo). `--prerender-days`
 * builds with WARTA_PRERENDER_DAYS (stories older than that rendered on request, not
 * prerendered; the corpus ends the day before the build, so 365 leaves its last year); an
 * --against commit older than that setting prerenders every story. Once:
 * `npm run check` on the first size, page weight and Lighthouse (mobile) for the article
 * page, front page and search page of the first size's build; and, on the largest size's build,
 * the bytes a first search downloads for four queries (scripts/measure-search-bytes.ts, in Chromium)
 * against the target of 150 KB gzip.
 * Prints tables and writes JSON to --out (bench-<time>.json and latest.json).
 *
 * Builds are heavy: the bench waits while other `astro build`/vitest processes run,
 * and never runs two builds at once. Output folders live under .bench/ (git-ignored):
 * an outDir outside the project breaks Astro's prerender chunk resolution.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { timed, tail, type RunResult } from './bench/measure.ts';
import { outputStats, pageWeight, type OutputStats, type PageWeight } from './bench/site-stats.ts';
import { writeBaseline } from './bench/baseline.ts';
import { ensureLighthouse, runLighthouse, serveBuild, type LighthouseScores } from './bench/lighthouse.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    out: { type: 'string', default: '.bench/results' },
    seed: { type: 'string', default: '1' },
    'no-baseline': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
    edit: { type: 'string', default: 'middle' },
    'no-wait': { type: 'boolean', default: false },
    against: { type: 'string' },
    'no-hugo': { type: 'boolean', default: false },
    'prerender-days': { type: 'string', default: '' },
    'no-search-bytes': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`[warta:bench] --sizes must be positive integers, got "${values.sizes}"`);
if (values.edit !== 'middle' && values.edit !== 'newest') throw new Error(`[warta:bench] --edit must be middle or newest, got "${values.edit}"`);

const root = path.resolve(import.meta.dirname, '..');
const bench = path.join(root, '.bench');
const tmp = path.join(os.tmpdir(), 'warta-bench');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const resultsDir = path.resolve(root, values.out);
const logs = path.join(bench, 'logs');
/** Fixed "now": the corpus runs to 2026-06-30, so every story is published and the news sitemap is stable. */
const WARTA_NOW = '2026-07-01T12:00:00+07:00';
const log = (msg: string) => console.log(`[warta:bench] ${new Date().toISOString().slice(11, 19)} ${msg}`);

interface BuildFigures extends RunResult {
  output?: OutputStats;
}
interface Phases {
  cold: BuildFigures;
  warm?: BuildFigures;
}
interface SizeResult {
  n: number;
  corpusSeconds: number;
  /** The current tree first, then its peers: `warta@<commit>` (--against), `baseline`, `hugo`. */
  builds: Record<string, Phases>;
  /** Warta's wall time (and CPU, peak RSS for cold) over each peer's; `fastest` is the quickest of baseline and Hugo. */
  ratios: Record<string, Record<string, number>>;
}

function version(pkg: string): string {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Other sessions build and test on this machine too: wait until none is running (max 15 min). */
async function waitForQuiet() {
  if (values['no-wait']) return;
  for (let waited = 0; ; waited += 10) {
    let busy = '';
    try {
      busy = execFileSync('pgrep', ['-fa', 'astro.mjs build|vitest'], { encoding: 'utf8' });
    } catch {
      return; // pgrep exits 1 when nothing matches
    }
    const others = busy.split('\n').filter((l) => l.trim() && !l.includes(String(process.pid)));
    if (others.length === 0) return;
    if (waited >= 900) return log(`still busy after 15 min, measuring anyway: ${others[0]}`);
    if (waited % 60 === 0) log(`waiting for other builds/tests: ${others[0]!.slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WARTA_NOW, ...extra };
  delete e.NODE_OPTIONS;
  return e;
}

/** A site the bench builds: the current tree, or one of its peers. */
interface Site {
  name: string;
  /** The command and its arguments (an `astro build` unless it is Hugo). */
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The folder holding the built pages (a `client/` inside it is used when there is one). */
  outDir: string;
  /** What a cold build deletes first: output, caches, compile cache. */
  coldPaths: string[];
}

async function build(label: string, site: Site): Promise<BuildFigures> {
  await waitForQuiet();
  const load = os.loadavg()[0]!.toFixed(2);
  const r = await timed(site.command, site.args, { cwd: site.cwd, env: site.env, log: path.join(logs, `${label}.log`) });
  if (r.exitCode !== 0) throw new Error(`[warta:bench] ${label} failed (exit ${r.exitCode}):\n${tail(r.log)}`);
  const client = fs.existsSync(path.join(site.outDir, 'client')) ? path.join(site.outDir, 'client') : site.outDir;
  const figures = { ...r, output: outputStats(client) };
  log(`${label}: ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, ${r.peakRssMB.toFixed(0)} MB peak RSS, ${figures.output.pages} pages (load before: ${load})`);
  return figures;
}

/** One story edited the way a journalist would: a sentence added to its body. */
function editOneArticle(corpus: string, round: number) {
  const files = fs.globSync('articles/**/*.md', { cwd: corpus }).sort();
  const file = path.join(corpus, files[values.edit === 'newest' ? files.length - 1 : Math.floor(files.length / 2)]!);
  fs.appendFileSync(file, `\nPembaruan redaksi ${round}: keterangan tambahan dari narasumber.\n`);
}

/**
 * An empty Node compile cache for a cold build, kept for its warm build. Astro enables Node's
 * compile cache (in /tmp by default), and a module byte-identical to one an earlier build
 * compiled loads from it: a rerun of the same cold build then skips compile work a fresh CI
 * machine does (for the baseline, ~40 s of compiling Astro's bundled content store at 10,000).
 */
function compileCache(name: string): string {
  const dir = path.join(bench, 'compile-cache', name);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** Warta built from the current tree, in `root`. */
function wartaSite(name: string, projectRoot: string, n: number, corpus: string): Site {
  // Inside the project: an outDir outside it breaks Astro's prerender chunk resolution.
  const outDir = path.join(projectRoot, '.bench', `out-${n}`);
  const cache = path.join(projectRoot, '.bench', `cache-${n}`);
  const compileCache = path.join(bench, 'compile-cache', `${name}-${n}`);
  return {
    name,
    command: process.execPath,
    args: [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    cwd: projectRoot,
    // An older commit that does not know WARTA_PRERENDER_DAYS prerenders every story.
    env: env({ WARTA_CONTENT_DIR: corpus, WARTA_CACHE_DIR: cache, NODE_COMPILE_CACHE: compileCache, WARTA_PRERENDER_DAYS: values['prerender-days'] }),
    outDir,
    // An older commit may not read WARTA_CACHE_DIR: its default cache folders go too (its worktree is the bench's own).
    // This tree's editor bundle is shared by every content folder, outside WARTA_CACHE_DIR: a cold build makes it again.
    coldPaths: [outDir, cache, compileCache, path.join(projectRoot, projectRoot === root ? 'node_modules/.astro/warta-editor' : 'node_modules/.astro')],
  };
}

function baselineSite(n: number, corpus: string): Site {
  const baseRoot = writeBaseline(path.join(bench, 'baseline'));
  const outDir = path.join(baseRoot, `dist-${n}`);
  const cache = path.join(baseRoot, `.cache-${n}`);
  const compileCache = path.join(bench, 'compile-cache', `baseline-${n}`);
  return {
    name: 'baseline',
    command: process.execPath,
    args: [astro, 'build'],
    cwd: baseRoot,
    env: env({ WARTA_CONTENT_DIR: corpus, WARTA_BENCH_ROOT: root, WARTA_BENCH_CACHE_DIR: cache, WARTA_BENCH_OUT_DIR: outDir, NODE_COMPILE_CACHE: compileCache }),
    outDir,
    coldPaths: [outDir, cache, compileCache],
  };
}

/** Hugo on the same articles with the minimal templates in scripts/bench/hugo/ (no search index). */
function hugoSite(hugo: string, n: number, corpus: string): Site {
  const outDir = path.join(bench, 'hugo', `public-${n}`);
  const cache = path.join(bench, 'hugo', `cache-${n}`);
  return {
    name: 'hugo',
    command: hugo,
    args: ['--source', path.join(root, 'scripts/bench/hugo'), '--contentDir', path.join(corpus, 'articles'), '--destination', outDir, '--cacheDir', cache, '--quiet'],
    cwd: root,
    env: env({}),
    outDir,
    coldPaths: [outDir, cache],
  };
}

/** `hugo` on PATH, or undefined. */
function findHugo(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, 'hugo');
    if (dir && fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * A worktree of `commit` under .bench/against/ with its own dependencies (`npm ci`, again only
 * when its lockfile differs from the one they were installed from), so an older Warta builds
 * beside the current one on the same machine in the same run.
 */
function againstWorktree(commit: string): { root: string; name: string } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = path.join(bench, 'against', sha.slice(0, 12));
  if (!fs.existsSync(path.join(dir, '.git'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune'], { cwd: root });
    execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: root, stdio: 'inherit' });
  }
  const lock = fs.readFileSync(path.join(dir, 'package-lock.json'));
  const marker = path.join(dir, 'node_modules', '.warta-bench-lock');
  if (!fs.existsSync(marker) || !fs.readFileSync(marker).equals(lock)) {
    log(`npm ci in ${path.relative(root, dir)} (${sha.slice(0, 12)})`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit', env: env({}) });
    fs.writeFileSync(marker, lock);
  }
  return { root: dir, name: `warta@${sha.slice(0, 7)}` };
}

async function measureSize(n: number, against: { root: string; name: string } | undefined, hugo: string | undefined): Promise<SizeResult> {
  const corpus = path.join(tmp, `corpus-${n}`);
  fs.rmSync(corpus, { recursive: true, force: true });
  const started = performance.now();
  execFileSync(process.execPath, [path.join(root, 'scripts/generate-corpus.ts'), '--count', String(n), '--out', corpus, '--seed', values.seed], { stdio: 'inherit' });
  const corpusSeconds = (performance.now() - started) / 1000;

  const sites = [wartaSite('warta', root, n, corpus)];
  if (against) sites.push(wartaSite(against.name, against.root, n, corpus));
  if (!values['no-baseline']) sites.push(baselineSite(n, corpus));
  if (hugo) sites.push(hugoSite(hugo, n, corpus));

  // Cold builds one after another, then warm ones: every site's warm build sees one story changed since its cold one.
  const builds: Record<string, Phases> = {};
  for (const site of sites) {
    for (const p of site.coldPaths) fs.rmSync(p, { recursive: true, force: true });
    builds[site.name] = { cold: await build(`${site.name}-${n}-cold`, site) };
  }
  if (!values['no-warm']) {
    for (const [round, site] of sites.entries()) {
      editOneArticle(corpus, round + 1);
      builds[site.name]!.warm = await build(`${site.name}-${n}-warm`, site);
    }
  }

  const r = (a: number | undefined, b: number | undefined) => (a && b ? Number((a / b).toFixed(2)) : NaN);
  const ratios: SizeResult['ratios'] = {};
  const warta = builds.warta!;
  const ratio = (peer: Phases) => ({
    coldWall: r(warta.cold.wallS, peer.cold.wallS),
    coldCpu: r(warta.cold.cpuS, peer.cold.cpuS),
    coldPeakRss: r(warta.cold.peakRssMB, peer.cold.peakRssMB),
    warmWall: r(warta.warm?.wallS, peer.warm?.wallS),
  });
  for (const [name, peer] of Object.entries(builds)) if (name !== 'warta') ratios[name] = ratio(peer);
  // The fastest other generator per phase (an older Warta is not a peer but a yardstick of progress).
  const peers = Object.entries(builds).filter(([name]) => name === 'baseline' || name === 'hugo');
  if (peers.length > 0) {
    const fastest = (phase: 'cold' | 'warm') => peers.map(([, p]) => p[phase]?.wallS ?? Infinity).reduce((x, y) => Math.min(x, y));
    ratios.fastest = { coldWall: r(warta.cold.wallS, fastest('cold')), warmWall: r(warta.warm?.wallS, fastest('warm') === Infinity ? undefined : fastest('warm')) };
  }
  return { n, corpusSeconds, builds, ratios };
}

async function measureCheck(n: number) {
  const corpus = path.join(tmp, `corpus-${n}`);
  await waitForQuiet();
  const r = await timed(process.execPath, [path.join(root, 'scripts/check-content.ts')], { cwd: root, env: env({ WARTA_CONTENT_DIR: corpus }), log: path.join(logs, `check-${n}.log`) });
  log(`npm run check on ${n} articles: ${r.wallS.toFixed(2)} s wall, exit ${r.exitCode}`);
  return { n, ...r };
}

async function measurePages(n: number): Promise<{ weights: PageWeight[]; lighthouse?: LighthouseScores[]; lighthouseError?: string }> {
  const outDir = path.join(bench, `out-${n}`);
  const client = path.join(outDir, 'client');
  const articles = JSON.parse(fs.readFileSync(path.join(client, 'warta-articles.json'), 'utf8')) as { url: string }[];
  // With --prerender-days the older stories have no page: weigh the first story that has one.
  const written = articles.find((a) => fs.existsSync(path.join(client, a.url, 'index.html')));
  if (!written) throw new Error(`[warta:bench] no story page was written in ${client}`);
  const pages = { article: written.url, front: '/', search: '/cari/' };
  const weights = Object.values(pages).map((p) => pageWeight(client, p));
  if (values['no-lighthouse']) return { weights };
  try {
    const cli = ensureLighthouse();
    const served = await serveBuild(outDir, path.join(bench, 'serve'));
    try {
      const lighthouse: LighthouseScores[] = [];
      for (const [name, p] of Object.entries(pages)) {
        await waitForQuiet();
        log(`lighthouse ${name} ${p}`);
        lighthouse.push(await runLighthouse(cli, served.origin + p, path.join(resultsDir, `lighthouse-${name}.json`)));
      }
      return { weights, lighthouse };
    } finally {
      await served.close();
    }
  } catch (error) {
    return { weights, lighthouseError: (error as Error).message };
  }
}

/** The first answer's bytes for a few queries whose words fall in one or two word-index chunks. */
const SEARCH_QUERIES = ['Palembang', 'banjir', 'harga cabai', 'pelaksanaan'];
const FIRST_SEARCH_TARGET_KB = 150;
interface SearchBytes { query: string; summary: string; firstAnswerBytes: number; totalBytes: number }

async function measureSearchBytes(n: number): Promise<SearchBytes[]> {
  const client = path.join(bench, `out-${n}`, 'client');
  const measured: SearchBytes[] = [];
  for (const query of SEARCH_QUERIES) {
    await waitForQuiet();
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/measure-search-bytes.ts'), '--dir', client, '--query', query, '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const { summary, firstAnswerBytes, totalBytes } = JSON.parse(out) as SearchBytes;
    measured.push({ query, summary, firstAnswerBytes, totalBytes });
    log(`first search "${query}": ${(firstAnswerBytes / 1024).toFixed(1)} KB first answer, ${(totalBytes / 1024).toFixed(1)} KB with the archive`);
  }
  return measured;
}

// --- report ----------------------------------------------------------------------
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r, ri) => {
    const line = r.map((c, i) => (typeof c === 'number' || /^[\d.]+/.test(String(c)) ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ');
    return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  astro: version('astro'),
  pagefind: version('pagefind'),
};
fs.mkdirSync(resultsDir, { recursive: true });
log(`machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}`);

const against = values.against ? againstWorktree(values.against) : undefined;
const hugo = values['no-hugo'] ? undefined : findHugo();
if (!hugo && !values['no-hugo']) log('no hugo on PATH: the report has no Hugo figure (Debian: apt-get install hugo)');
const results: SizeResult[] = [];
for (const n of sizes) results.push(await measureSize(n, against, hugo));
const check = await measureCheck(sizes.includes(1000) ? 1000 : sizes[0]!);
const pages = await measurePages(sizes[0]!);
const searchBytes = values['no-search-bytes'] ? undefined : await measureSearchBytes(Math.max(...sizes));

const report = { date: new Date().toISOString(), machine, wartaNow: WARTA_NOW, seed: Number(values.seed), prerenderDays: values['prerender-days'] || undefined, against: against?.name, sizes: results, check, pages, searchBytes };
const stamp = report.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(resultsDir, `bench-${stamp}.json`), JSON.stringify(report, null, 2));
fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2));

const rows: (string | number)[][] = [['N', 'build', 'wall s', 'CPU s', 'peak RSS', 'pages', 'output']];
for (const r of results) {
  for (const [name, phases] of Object.entries(r.builds)) {
    for (const [phase, f] of Object.entries(phases) as [string, BuildFigures][]) {
      rows.push([r.n, `${name} ${phase}`, f.wallS.toFixed(1), f.cpuS.toFixed(1), `${f.peakRssMB.toFixed(0)} MB`, f.output?.pages ?? '', f.output ? mb(f.output.bytes) : '']);
    }
  }
}
console.log(`\n${table(rows)}`);
const ratioRows: (string | number)[][] = [['N', 'Warta / …', 'cold wall', 'cold CPU', 'cold peak RSS', 'warm wall']];
for (const r of results) {
  for (const [peer, q] of Object.entries(r.ratios)) {
    const name = peer === 'fastest' ? 'fastest peer' : peer;
    ratioRows.push([r.n, name, q.coldWall ?? '', q.coldCpu ?? '', q.coldPeakRss ?? '', q.warmWall ?? '']);
  }
}
if (ratioRows.length > 1) console.log(`\nRatios (same run)\n${table(ratioRows)}`);
console.log(`\nnpm run check, ${check.n} articles: ${check.wallS.toFixed(2)} s wall, ${check.cpuS.toFixed(2)} s CPU, ${check.peakRssMB.toFixed(0)} MB`);
const weightRows: (string | number)[][] = [['page', 'HTML raw/gz', 'CSS raw/gz', 'JS raw/gz', 'HTML+CSS+JS gz', 'requests']];
for (const w of pages.weights) {
  weightRows.push([w.page.replace(/^https?:\/\/[^/]+/, ''), `${kb(w.html.raw)} / ${kb(w.html.gzip)}`, `${kb(w.css.raw)} / ${kb(w.css.gzip)}`, `${kb(w.js.raw)} / ${kb(w.js.gzip)}`, kb(w.totalGzip), w.requests]);
}
console.log(`\nPage weight (N=${sizes[0]})\n${table(weightRows)}`);
if (pages.lighthouse) {
  const lhRows: (string | number)[][] = [['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'CLS', 'TBT ms', 'requests', 'transfer']];
  for (const l of pages.lighthouse) lhRows.push([new URL(l.url).pathname, l.performance, l.accessibility, l.bestPractices, l.seo, l.lcpMs, l.cls, l.tbtMs, l.requests, kb(l.transferBytes)]);
  console.log(`\nLighthouse mobile\n${table(lhRows)}`);
} else if (pages.lighthouseError) console.log(`\nLighthouse: ${pages.lighthouseError}`);
if (searchBytes) {
  const rows: (string | number)[][] = [['query', 'hits', 'first answer', `≤ ${FIRST_SEARCH_TARGET_KB} KB`, 'with the archive']];
  for (const b of searchBytes) rows.push([b.query, b.summary.split(' ')[0]!, kb(b.firstAnswerBytes), b.firstAnswerBytes <= FIRST_SEARCH_TARGET_KB * 1024 ? 'yes' : 'NO', kb(b.totalBytes)]);
  console.log(`\nFirst search, gzip, headers included (N=${Math.max(...sizes)}; scripts/measure-search-bytes.ts)\n${table(rows)}`);
}
console.log(`\nJSON: ${path.relative(root, path.join(resultsDir, 'latest.json'))}`);
