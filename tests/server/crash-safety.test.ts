import { rmSync } from 'node:fs';
import { Agent } from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../unit/server/helpers/engines.ts';
import { tempSite } from './helpers/articles.ts';
import { BROWSER_UA, send, startServer, type Answer } from './helpers/spawn-server.ts';

/*
 * SIGKILL in the middle of a burst of comment posts. Whatever the server answered
 * 2xx must be on disk afterwards (WAL + synchronous=NORMAL survive a process
 * crash), and the file must pass SQLite's integrity check.
 */
describe('crash safety on SQLite', () => {
  const site = tempSite();
  let database: TestDatabase;
  afterAll(async () => {
    await database?.drop();
    rmSync(site.dir, { recursive: true, force: true });
  });

  test('keeps every comment answered 2xx and an intact file after SIGKILL during a burst', async () => {
    database = await createTestDatabase('sqlite');
    const env = {
      ...database.env,
      WARTA_SECRET: 'crash-test-secret-0123456789abcdefghij',
      WARTA_ARTICLES_FILE: site.articlesFile,
      WARTA_COMMENT_MIN_SECONDS: '0',
      WARTA_COMMENT_RATE_MAX: '10000',
    };
    const server = await startServer(env);
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const { token } = JSON.parse((await send(agent, `${server.url}/api/comments/banjir-palembang/token`)).body) as { token: string };

    const accepted: string[] = [];
    const answers: Answer[] = [];
    let killed = false;
    const post = async (i: number) => {
      const a = await send(agent, `${server.url}/api/comments/banjir-palembang`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA },
        body: JSON.stringify({ name: `Pembaca ${i}`, email: `p${i}@example.com`, text: `Komentar nomor ${i}`, acceptRules: true, token }),
      });
      answers.push(a);
      if (a.status === 201) accepted.push((JSON.parse(a.body) as { id: string }).id);
      if (accepted.length === 150 && !killed) {
        killed = true;
        server.process.kill('SIGKILL');
      }
    };
    // 32 posts in flight at any moment until the process dies.
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (!killed && next < 5000) await post(next++);
      }),
    );
    if (server.process.exitCode === null && server.process.signalCode === null) await new Promise((r) => server.process.once('exit', r));
    agent.destroy();

    expect(killed).toBe(true);
    expect(accepted.length).toBeGreaterThanOrEqual(150);
    expect(answers.every((a) => a.status === 201 || a.status === 0)).toBe(true);

    const db = new Database(database.env.WARTA_DB_PATH!);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(db.prepare('select id from comments').pluck().all() as string[]);
    db.close();
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);

    // And the server starts again on the same file.
    const again = await startServer(env);
    const health = await send(new Agent(), `${again.url}/api/health`);
    expect(JSON.parse(health.body)).toEqual({ ok: true, db: 'reachable', writes: 'ok', engine: 'sqlite' });
    await again.stop();
  }, 60_000);
});
