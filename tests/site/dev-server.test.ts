/**
 * `npm run dev` serves the demo portal and the comment/view function, which answers from
 * the content collections (there is no built article list in dev). Once the server hung
 * loading astro:content while watching build output (.bench/): this catches any such stall.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeBuildLock } from '../helpers/build-lock.ts';
import { root } from '../helpers/sites.ts';

const SAMPLE = 'polda-sumsel-zoom-meeting-manajemen-citra-polri';
let dev: ChildProcess;
let origin = '';
let output = '';
// The dev server writes the same .astro/ files as a build, for as long as it runs.
let releaseLock: () => void = () => {};
// Inside the project and outside the folders the dev server does not watch: Astro reloads
// astro:content from the store it writes there.
const cache = path.join(root, 'node_modules/.astro/dev-server-test');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

beforeAll(async () => {
  releaseLock = await takeBuildLock();
  fs.rmSync(cache, { recursive: true, force: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // As a newsroom developer starts it: without Vitest's variables (with VITEST set, Astro's dev
  // server answered 404 for every page) and with its own cache folder, so its content store does
  // not race the fixture builds'.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  dev = spawn(process.execPath, [path.join(root, 'scripts/dev.ts')], {
    cwd: root,
    env: { ...env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), WARTA_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  for (let waited = 0; waited < 120_000; waited += 500) {
    const ok = await fetch(`${origin}/`).then((r) => r.ok, () => false);
    if (ok) return;
    if (dev.exitCode !== null) break;
    await sleep(500);
  }
  throw new Error(`the dev server did not answer within 2 minutes:\n${output}`);
}, 150_000);

afterAll(async () => {
  dev?.kill('SIGTERM');
  await sleep(500);
  fs.rmSync(cache, { recursive: true, force: true });
  releaseLock();
});

describe('npm run dev', () => {
  it('serves an article page', async () => {
    const response = await fetch(`${origin}/2023/07/${SAMPLE}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Polda Sumsel Laksanakan Kegiatan zoom Meeting');
  });

  it('counts views of a published story, found in the content collections, with the build variables set', async () => {
    const response = await fetch(`${origin}/api/views/${SAMPLE}`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' } });
    expect(response.status, output.slice(-2000)).toBe(200);
    expect(await response.json()).toMatchObject({ id: SAMPLE, views: expect.any(Number) });
  });

  it('refuses an unknown story with a JSON error, not a 500', async () => {
    const response = await fetch(`${origin}/api/views/tidak-ada`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'unknown_article' });
  });
});
