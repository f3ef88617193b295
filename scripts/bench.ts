/**
 * `npm run bench`: build performance and page weight at newsroom scale (issue 7).
 *
 *   node scripts/bench.ts [--sizes 1000,10000] [--no-baseline] [--no-lighthouse] [--no-warm] [--out .bench/results]
 *
 * For each size N: generates a corpus (scripts/generate-corpus.ts, fixed seed) in a
 * temporary folder, then measures under GNU time
 *   - the full production build, cold (Astro's cacheDir for that corpus and the output
 *     folder deleted) and warm (one article edited, caches kept);
 *   - the same for the baseline site (scripts/bench/baseline.ts): article pages only,
 *     same plugins, same Pagefind; ratios Warta/baseline;
 * and once: `npm run check` on the first size, page weight and Lighthouse (mobile) for
 * the article page, front page and search page of the first size's build.
 * Prints a table and writes JSON to --out (bench-<time>.json and latest.json).
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
import { astroCacheDir } from './bench/cache-dir.ts';
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
    'no-wait': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`[warta:bench] --sizes must be positive integers, got "${values.sizes}"`);

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
interface SizeResult {
  n: number;
  corpusSeconds: number;
  warta: { cold: BuildFigures; warm?: BuildFigures };
  baseline?: { cold: BuildFigures; warm?: BuildFigures };
  ratios?: Record<string, number>;
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

async function build(label: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; outDir: string }): Promise<BuildFigures> {
  await waitForQuiet();
  const load = os.loadavg()[0]!.toFixed(2);
  const r = await timed(process.execPath, [astro, 'build', ...args], { cwd: options.cwd, env: options.env, log: path.join(logs, `${label}.log`) });
  if (r.exitCode !== 0) throw new Error(`[warta:bench] ${label} failed (exit ${r.exitCode}):\n${tail(r.log)}`);
  const client = fs.existsSync(path.join(options.outDir, 'client')) ? path.join(options.outDir, 'client') : options.outDir;
  const figures = { ...r, output: outputStats(client) };
  log(`${label}: ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, ${r.peakRssMB.toFixed(0)} MB peak RSS, ${figures.output.pages} pages (load before: ${load})`);
  return figures;
}

/** One story edited the way a journalist would: a sentence added to its body. */
function editOneArticle(corpus: string, round: number) {
  const files = fs.globSync('articles/**/*.md', { cwd: corpus }).sort();
  const file = path.join(corpus, files[Math.floor(files.length / 2)]!);
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

async function measureSize(n: number): Promise<SizeResult> {
  const corpus = path.join(tmp, `corpus-${n}`);
  fs.rmSync(corpus, { recursive: true, force: true });
  const started = performance.now();
  execFileSync(process.execPath, [path.join(root, 'scripts/generate-corpus.ts'), '--count', String(n), '--out', corpus, '--seed', values.seed], { stdio: 'inherit' });
  const corpusSeconds = (performance.now() - started) / 1000;

  const outDir = path.join(bench, `out-${n}`);
  const wartaEnv = env({ WARTA_CONTENT_DIR: corpus, NODE_COMPILE_CACHE: compileCache(`warta-${n}`) });
  fs.rmSync(astroCacheDir(root, corpus), { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  const result: SizeResult = { n, corpusSeconds, warta: { cold: await build(`warta-${n}-cold`, ['--outDir', outDir], { cwd: root, env: wartaEnv, outDir }) } };
  if (!fs.existsSync(astroCacheDir(root, corpus))) log(`warning: expected Astro's cache at ${astroCacheDir(root, corpus)}; astro.config.mjs changed its key?`);

  let baseline: { root: string; env: NodeJS.ProcessEnv; outDir: string } | undefined;
  if (!values['no-baseline']) {
    const baseRoot = writeBaseline(path.join(bench, 'baseline'));
    const baseOut = path.join(baseRoot, `dist-${n}`);
    const cache = path.join(baseRoot, `.cache-${n}`);
    fs.rmSync(cache, { recursive: true, force: true });
    fs.rmSync(baseOut, { recursive: true, force: true });
    baseline = {
      root: baseRoot,
      outDir: baseOut,
      env: env({ WARTA_CONTENT_DIR: corpus, WARTA_BENCH_ROOT: root, WARTA_BENCH_CACHE_DIR: cache, WARTA_BENCH_OUT_DIR: baseOut, NODE_COMPILE_CACHE: compileCache(`baseline-${n}`) }),
    };
    result.baseline = { cold: await build(`baseline-${n}-cold`, [], { cwd: baseRoot, env: baseline.env, outDir: baseOut }) };
  }

  if (!values['no-warm']) {
    editOneArticle(corpus, 1);
    result.warta.warm = await build(`warta-${n}-warm`, ['--outDir', outDir], { cwd: root, env: wartaEnv, outDir });
    if (baseline && result.baseline) {
      editOneArticle(corpus, 2);
      result.baseline.warm = await build(`baseline-${n}-warm`, [], { cwd: baseline.root, env: baseline.env, outDir: baseline.outDir });
    }
  }
  if (result.baseline) {
    const r = (a: number | undefined, b: number | undefined) => (a && b ? Number((a / b).toFixed(2)) : NaN);
    result.ratios = {
      coldWall: r(result.warta.cold.wallS, result.baseline.cold.wallS),
      coldCpu: r(result.warta.cold.cpuS, result.baseline.cold.cpuS),
      coldPeakRss: r(result.warta.cold.peakRssMB, result.baseline.cold.peakRssMB),
      warmWall: r(result.warta.warm?.wallS, result.baseline.warm?.wallS),
      pages: r(result.warta.cold.output?.pages, result.baseline.cold.output?.pages),
    };
  }
  return result;
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
  const pages = { article: articles[0]!.url, front: '/', search: '/cari/' };
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

const results: SizeResult[] = [];
for (const n of sizes) results.push(await measureSize(n));
const check = await measureCheck(sizes.includes(1000) ? 1000 : sizes[0]!);
const pages = await measurePages(sizes[0]!);

const report = { date: new Date().toISOString(), machine, wartaNow: WARTA_NOW, seed: Number(values.seed), sizes: results, check, pages };
const stamp = report.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(resultsDir, `bench-${stamp}.json`), JSON.stringify(report, null, 2));
fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2));

const rows: (string | number)[][] = [['N', 'build', 'wall s', 'CPU s', 'peak RSS', 'pages', 'output']];
for (const r of results) {
  const add = (name: string, f?: BuildFigures) =>
    f && rows.push([r.n, name, f.wallS.toFixed(1), f.cpuS.toFixed(1), `${f.peakRssMB.toFixed(0)} MB`, f.output?.pages ?? '', f.output ? mb(f.output.bytes) : '']);
  add('warta cold', r.warta.cold);
  add('warta warm', r.warta.warm);
  add('baseline cold', r.baseline?.cold);
  add('baseline warm', r.baseline?.warm);
}
console.log(`\n${table(rows)}`);
if (results.some((r) => r.ratios)) {
  const ratioRows: (string | number)[][] = [['N', 'cold wall', 'cold CPU', 'cold peak RSS', 'warm wall', 'pages']];
  for (const r of results) if (r.ratios) ratioRows.push([r.n, r.ratios.coldWall!, r.ratios.coldCpu!, r.ratios.coldPeakRss!, r.ratios.warmWall!, r.ratios.pages!]);
  console.log(`\nWarta / baseline\n${table(ratioRows)}`);
}
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
console.log(`\nJSON: ${path.relative(root, path.join(resultsDir, 'latest.json'))}`);
