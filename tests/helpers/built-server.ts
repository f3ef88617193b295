/**
 * The demo's built server (`node <build>/server/entry.mjs`, as `npm start` runs it): pages
 * and API on one free port, a fresh SQLite file, an editor token, and a way to give stories
 * views from distinct visitors (the API counts one view per visitor and day).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDir, outDir, sites, type FixtureSite } from './sites.ts';
import { freePort } from '../../scripts/free-port.ts';

export interface BuiltServer {
  origin: string;
  editorToken: string;
  output: string[];
  /** `count` views of one story, each from its own visitor. */
  addViews(id: string, count: number): Promise<void>;
  close(): Promise<void>;
}


let visitors = 0;
const agent = () => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 visitor/${visitors++}`;

export async function startBuiltServer(site: FixtureSite = sites.demo, env: Record<string, string> = {}): Promise<BuiltServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'warta-e2e-'));
  const origin = `http://127.0.0.1:${port}`;
  const editorToken = randomBytes(24).toString('hex');
  const output: string[] = [];
  const server: ChildProcess = spawn(process.execPath, [path.join(buildDir(site), 'server/entry.mjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      WARTA_DB_PATH: path.join(dataDir, 'warta.sqlite'),
      WARTA_SECRET: randomBytes(32).toString('hex'),
      WARTA_EDITORS: `editor:${editorToken}`,
      WARTA_ARTICLES_FILE: path.join(outDir(site), 'warta-articles.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  server.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const close = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && server.exitCode === null) {
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) {
      return {
        origin,
        editorToken,
        output,
        close,
        async addViews(id, count) {
          for (let done = 0; done < count; done += 20) {
            await Promise.all(
              Array.from({ length: Math.min(20, count - done) }, () =>
                fetch(`${origin}/api/views/${encodeURIComponent(id)}`, { method: 'POST', headers: { origin, 'user-agent': agent() } }).then((r) => r.body?.cancel()),
              ),
            );
          }
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error(`the built server did not start:\n${output.join('')}`);
}
