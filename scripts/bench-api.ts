/**
 * `npm run bench:api [-- --seconds 10 --connections 50]` — autocannon against the
 * real standalone server: POST /api/views/:id, every request from a new visitor
 * (distinct IP in the trusted proxy header), on SQLite and, when TEST_DATABASE_URL
 * or BENCH_DATABASE_URL is set, on a throwaway PostgreSQL database. Prints counted
 * view increments per second and latency percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

const dir = mkdtempSync(join(tmpdir(), 'warta-bench-'));
const articlesFile = join(dir, 'warta-articles.json');
writeFileSync(articlesFile, JSON.stringify([{ id: 'bench', title: 'Bench', url: '/bench/' }]));

function start(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['src/server/adapters/node.ts'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', WARTA_SECRET: 'bench-secret-0123456789abcdef0123456789', WARTA_ARTICLES_FILE: articlesFile, WARTA_TRUSTED_PROXY_HEADER: 'x-forwarded-for', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      const m = /"msg":"listening","url":"([^"]+)"/.exec(d.toString());
      if (m) resolve({ url: m[1]!, child });
    });
  });
}

async function bench(engine: string, env: Record<string, string>) {
  const { url, child } = await start(env);
  let visitor = 0;
  const result = await autocannon({
    url: `${url}/api/views/bench`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'user-agent': UA },
    requests: [
      {
        setupRequest(request) {
          visitor++;
          request.headers = { ...request.headers, 'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` };
          return request;
        },
      },
    ],
  });
  const total = ((await (await fetch(`${url}/api/views?ids=bench`)).json()) as { views: { bench: number } }).views.bench;
  child.kill('SIGTERM');
  return {
    engine,
    'increments/s': Math.round(total / seconds),
    'req/s (avg)': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}

const rows = [await bench('SQLite (1 process)', { WARTA_DB_PATH: join(dir, 'bench.sqlite') })];
const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (admin) {
  const name = `warta_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    rows.push(await bench('PostgreSQL (1 process)', { DATABASE_URL: url.href }));
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
} else {
  console.log('(set TEST_DATABASE_URL or BENCH_DATABASE_URL to also bench PostgreSQL)');
}
rmSync(dir, { recursive: true, force: true });
console.log(`\nPOST /api/views/:id, ${connections} connections, ${seconds}s, every request a new visitor (Node ${process.version})`);
console.table(rows);
