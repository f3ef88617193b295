/**
 * First-hit latency of archived stories (WARTA_PRERENDER_DAYS, docs/performance.md): starts a
 * built Node server and times its first request, then <count> archived stories spread over the
 * archive, each asked once (nothing caches them in the server), and prints the server's memory.
 *   node scripts/bench/archive-latency.ts <astro build --outDir folder> [count]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port.ts';
const [dir, countArg] = process.argv.slice(2) as [string, string?];
const count = Number(countArg ?? 20);
const port = await freePort();
const list: { url: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'client/warta-articles.json'), 'utf8'));
const archived = list.filter((a) => !fs.existsSync(path.join(dir, 'client', a.url, 'index.html')));
console.log(`${archived.length} of ${list.length} published stories are not prerendered`);
const server = spawn(process.execPath, [path.join(dir, 'server/entry.mjs')], {
  env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), WARTA_SECRET: randomBytes(32).toString('hex'), WARTA_DB_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-latency-')), 'warta.sqlite'), WARTA_ARTICLES_FILE: path.join(dir, 'client/warta-articles.json') },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const origin = `http://127.0.0.1:${port}`;
for (let i = 0; i < 300; i++) { if (await fetch(`${origin}/api/health`).then(() => true, () => false)) break; await new Promise((r) => setTimeout(r, 100)); }
const rss = () => Number(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;
console.log(`server up, RSS ${rss().toFixed(0)} MB`);
// Spread over the archive: oldest to newest.
const step = Math.floor(archived.length / (count + 1));
const urls = Array.from({ length: count + 1 }, (_, i) => archived[i * step]!.url);
const time = async (url: string) => { const t = performance.now(); const r = await fetch(origin + url); const body = await r.text(); const ms = performance.now() - t; if (r.status !== 200 || !body.includes('<h1>')) throw new Error(`${url} ${r.status}`); return ms; };
const first = await time(urls[0]!);
console.log(`first request after start (loads the content store and the catalog): ${first.toFixed(0)} ms, RSS after ${rss().toFixed(0)} MB`);
const times: number[] = [];
for (const url of urls.slice(1)) times.push(await time(url));
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
console.log(`${times.length} uncached archived stories: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms; RSS ${rss().toFixed(0)} MB`);
const again: number[] = []; for (let i = 0; i < 5; i++) again.push(await time(urls[1]!));
console.log(`the same story again, 5 times (no cache in front): ${again.map((x) => x.toFixed(1)).join(', ')} ms`);
server.kill('SIGTERM');
