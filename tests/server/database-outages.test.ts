import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { tempSite } from './helpers/articles.ts';
import { BROWSER_UA, ipFor, startServer, type RunningServer } from './helpers/spawn-server.ts';

/*
 * The real standalone server (`serve:api`) through database outages: a PostgreSQL
 * database that does not exist yet when the function starts, a PostgreSQL that
 * stops answering (a TCP relay in the test drops every packet; the shared server is
 * never touched), and a SQLite file on a disk that fills up. Each time: 503 with
 * Retry-After and the real cause in the log, and recovery without a restart.
 */

const SECRET = 'outage-test-secret-0123456789abcdefghij';
const admin = process.env.TEST_DATABASE_URL;
const site = tempSite();
afterAll(() => rmSync(site.dir, { recursive: true, force: true }));

let visitor = 0;
const view = (server: RunningServer) =>
  fetch(`${server.url}/api/views/banjir-palembang`, { method: 'POST', headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': ipFor(++visitor) }, signal: AbortSignal.timeout(15_000) });
const health = (server: RunningServer) => fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(15_000) });
const logLines = (server: RunningServer) =>
  server.output
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; cause?: string });

/** Polls until `check` is true; returns the milliseconds it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check().catch(() => false)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not within ${ms} ms`);
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const databaseUrl = (name: string, port?: number) => {
  const url = new URL(admin!);
  url.pathname = `/${name}`;
  if (port) url.port = String(port);
  return url.href;
};
const unique = (what: string) => `warta_${what}_${process.pid}_${Date.now().toString(36)}`;

describe.skipIf(!admin)(`PostgreSQL outages${admin ? '' : ' (skipped: set TEST_DATABASE_URL to a PostgreSQL the tests may create databases on)'}`, () => {
  test('starts before its database exists, answers 503 with Retry-After, and serves within 10 s of the database being created', async () => {
    const name = unique('late');
    const server = await startServer({ DATABASE_URL: databaseUrl(name), WARTA_SECRET: SECRET, WARTA_ARTICLES_FILE: site.articlesFile, WARTA_TRUSTED_PROXY_HEADER: 'x-forwarded-for' });
    try {
      const before = await view(server);
      expect(before.status).toBe(503);
      expect(before.headers.get('retry-after')).toBe('5');
      expect(await before.json()).toEqual({ error: 'unavailable', message: 'the database is not reachable; try again shortly' });
      const h = await health(server);
      expect([h.status, h.headers.get('retry-after')]).toEqual([503, '5']);
      expect(await h.json()).toEqual({ ok: false, db: 'unreachable', writes: 'failing', engine: 'postgres' });
      expect(logLines(server)).toContainEqual(expect.objectContaining({ msg: 'database unavailable', cause: `3D000: database "${name}" does not exist` }));

      await adminQuery(`create database ${name}`);
      const took = await within(10_000, async () => (await view(server)).status === 200);
      expect(took).toBeLessThan(10_000);
      expect((await health(server)).status).toBe(200);
      expect(logLines(server).map((l) => l.msg)).toContain('database reachable again');
    } finally {
      await server.stop();
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });

  test('answers 503 within 10 s when PostgreSQL stops answering, and recovers when it answers again', async () => {
    const name = unique('blackhole');
    await adminQuery(`create database ${name}`);
    const relay = await tcpRelay(Number(new URL(admin!).port || 5432));
    const server = await startServer({
      DATABASE_URL: databaseUrl(name, relay.port),
      WARTA_SECRET: SECRET,
      WARTA_ARTICLES_FILE: site.articlesFile,
      WARTA_TRUSTED_PROXY_HEADER: 'x-forwarded-for',
      WARTA_DB_TIMEOUT: '2',
    });
    try {
      expect((await view(server)).status).toBe(200);
      relay.blackhole(true);
      let start = Date.now();
      const cut = await view(server);
      expect(cut.status).toBe(503);
      expect(Date.now() - start).toBeLessThan(10_000);
      start = Date.now();
      expect((await health(server)).status).toBe(503);
      expect(Date.now() - start).toBeLessThan(10_000);
      expect(logLines(server).filter((l) => l.msg === 'database unavailable').map((l) => l.cause)).toContainEqual(expect.stringMatching(/no answer from the database within 2 s|timeout/i));

      relay.blackhole(false);
      await within(10_000, async () => (await view(server)).status === 200);
      expect((await health(server)).status).toBe(200);
    } finally {
      await server.stop();
      await relay.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });
});

/** A TCP relay to 127.0.0.1:`target` that can be told to drop every byte both ways, as a dead network path does. */
async function tcpRelay(target: number): Promise<{ port: number; blackhole(on: boolean): void; close(): Promise<void> }> {
  let dropping = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('data', (chunk) => void (dropping || to.write(chunk)));
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    blackhole: (on) => void (dropping = on),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A 1 MiB tmpfs we can fill; needs the right to mount (root outside a locked-down container). */
function smallDisk(): { dir: string; unmount(): void } | { reason: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    return {
      dir,
      unmount: () => {
        execFileSync('umount', [dir]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]})` };
  }
}

const disk = smallDisk();

describe.skipIf('reason' in disk)(`SQLite on a full disk${'reason' in disk ? ` (skipped: ${disk.reason})` : ''}`, () => {
  afterAll(() => {
    if ('unmount' in disk) disk.unmount();
  });

  test('logs SQLITE_FULL as the cause, reports failing writes on health while reads go on, and writes again once space is freed', async () => {
    if (!('dir' in disk)) return;
    mkdirSync(path.join(disk.dir, 'data'));
    const server = await startServer({ WARTA_DB_PATH: path.join(disk.dir, 'data', 'warta.sqlite'), WARTA_SECRET: SECRET, WARTA_ARTICLES_FILE: site.articlesFile, WARTA_TRUSTED_PROXY_HEADER: 'x-forwarded-for' });
    const filler = path.join(disk.dir, 'filler');
    try {
      expect((await view(server)).status).toBe(200);
      expect((await health(server)).status).toBe(200);

      // Fill every remaining block of the disk.
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        expect((error as { code?: string }).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }

      const failed = await view(server);
      expect(failed.status, server.output.join('')).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('5');
      const h = await health(server);
      expect(h.status).toBe(503);
      expect(await h.json()).toEqual({ ok: false, db: 'reachable', writes: 'failing', engine: 'sqlite' });
      const reads = await fetch(`${server.url}/api/views?ids=banjir-palembang`);
      expect(reads.status).toBe(200);
      const causes = logLines(server).map((l) => l.cause ?? '');
      expect(causes).toContainEqual(expect.stringMatching(/^SQLITE_FULL: /));
      expect(causes.join('\n')).not.toContain('cannot rollback');

      rmSync(filler);
      await within(10_000, async () => (await view(server)).status === 200);
      expect((await health(server)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
