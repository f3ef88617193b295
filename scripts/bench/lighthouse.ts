/**
 * Lighthouse (mobile) against a built site served like production: static files
 * from client/ with gzip, /api/* proxied to the built comment/view function. Lighthouse
 * lives in its own prefix (~/.cache/warta-bench), installed on first use, so it never
 * enters the project's lockfile.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export const LIGHTHOUSE_PREFIX = process.env.WARTA_BENCH_TOOLS ?? path.join(os.homedir(), '.cache/warta-bench');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run';

export function ensureLighthouse(): string {
  const cli = path.join(LIGHTHOUSE_PREFIX, 'node_modules/lighthouse/cli/index.js');
  if (fs.existsSync(cli)) return cli;
  console.log(`[warta:bench] installing lighthouse into ${LIGHTHOUSE_PREFIX}`);
  fs.mkdirSync(LIGHTHOUSE_PREFIX, { recursive: true });
  const npm = spawnSync('npm', ['install', '--prefix', LIGHTHOUSE_PREFIX, '--no-audit', '--no-fund', 'lighthouse@12'], { stdio: 'inherit' });
  if (npm.status !== 0 || !fs.existsSync(cli)) throw new Error('[warta:bench] could not install lighthouse');
  return cli;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif',
  '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};
const COMPRESSIBLE = /\.(html|css|m?js|json|xml|svg|webmanifest|txt)$/;

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `outDir` (an Astro build with client/ and server/) on 127.0.0.1. */
export async function serveBuild(outDir: string, workDir: string): Promise<Served> {
  const client = path.join(outDir, 'client');
  let api: ChildProcess | undefined;
  let apiPort = 0;
  const entry = path.join(outDir, 'server/entry.mjs');
  if (fs.existsSync(entry)) {
    apiPort = 43000 + Math.floor(Math.random() * 1000);
    fs.mkdirSync(workDir, { recursive: true });
    api = spawn(process.execPath, [entry], {
      cwd: workDir,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        WARTA_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        WARTA_DB_PATH: path.join(workDir, 'bench.sqlite'),
        WARTA_ARTICLES_FILE: path.join(client, 'warta-articles.json'),
      },
    });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${apiPort}/`).then(() => true, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (api && url.pathname.startsWith('/api/')) {
      const proxied = http.request({ host: '127.0.0.1', port: apiPort, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      proxied.on('error', () => res.writeHead(502).end());
      req.pipe(proxied);
      return;
    }
    let file = path.join(client, decodeURIComponent(url.pathname));
    if (!file.startsWith(client)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return void res.end(fs.existsSync(path.join(client, '404.html')) ? fs.readFileSync(path.join(client, '404.html')) : 'not found');
    }
    let body = fs.readFileSync(file);
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=60, must-revalidate',
    };
    if (COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      api?.kill();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Network requests and bytes transferred as Lighthouse saw them. */
  requests: number;
  transferBytes: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
}

/** Async on purpose: the site is served from this process, so blocking here would hang the page load. */
export async function runLighthouse(cli: string, url: string, reportFile: string): Promise<LighthouseScores> {
  fs.rmSync(reportFile, { force: true });
  const child = spawn(
    process.execPath,
    [cli, url, '--quiet', '--output=json', `--output-path=${reportFile}`, `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo', '--max-wait-for-load=60000'],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const timer = setTimeout(() => child.kill(), 240_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (status !== 0 || !fs.existsSync(reportFile)) throw new Error(`[warta:bench] lighthouse failed for ${url} (exit ${status}): ${stderr}`);
  const lhr = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    url,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    requests: items.length,
    transferBytes: items.reduce((n: number, i: { transferSize?: number }) => n + (i.transferSize ?? 0), 0),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
  };
}
