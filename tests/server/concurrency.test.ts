import { rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../unit/server/helpers/engines.ts';
import { tempSite } from './helpers/articles.ts';
import { BROWSER_UA, ipFor, send, startServer, type RunningServer } from './helpers/spawn-server.ts';

/*
 * 2,000 view posts fired at once, each from a distinct visitor (a distinct client
 * IP in the trusted proxy header, as a CDN would set it), through real HTTP servers.
 * The count must move by exactly 2,000: no lost update, no double count.
 */
const VISITORS = 2000;
const SECRET = 'concurrency-test-secret-0123456789abcdef';

async function fireViews(servers: RunningServer[], articleId: string) {
  const agents = servers.map(() => new Agent({ keepAlive: true, maxSockets: 256 }));
  try {
    const answers = await Promise.all(
      Array.from({ length: VISITORS }, (_, i) =>
        send(agents[i % servers.length]!, `${servers[i % servers.length]!.url}/api/views/${articleId}`, {
          method: 'POST',
          headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': ipFor(i + 1) },
        }),
      ),
    );
    return answers;
  } finally {
    for (const a of agents) a.destroy();
  }
}

describe.each(ENGINES)('2,000 concurrent visitors through the real server on %s', (engine) => {
  const site = tempSite();
  const servers: RunningServer[] = [];
  let database: TestDatabase;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    rmSync(site.dir, { recursive: true, force: true });
  });

  test(engine === 'sqlite' ? 'two server processes sharing one database file count exactly +2,000' : 'one server process counts exactly +2,000', async () => {
    database = await createTestDatabase(engine);
    const env = { ...database.env, WARTA_SECRET: SECRET, WARTA_ARTICLES_FILE: site.articlesFile, WARTA_TRUSTED_PROXY_HEADER: 'x-forwarded-for' };
    servers.push(await startServer(env));
    if (engine === 'sqlite') servers.push(await startServer(env));

    const agent = new Agent();
    const before = JSON.parse((await send(agent, `${servers[0]!.url}/api/views?ids=banjir-palembang`)).body) as { views: Record<string, number> };

    const answers = await fireViews(servers, 'banjir-palembang');
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 200: VISITORS });
    expect(answers.filter((a) => (JSON.parse(a.body) as { counted: boolean }).counted)).toHaveLength(VISITORS);
    // Every new total was handed out exactly once: increments were atomic.
    const totals = answers.map((a) => (JSON.parse(a.body) as { views: number }).views).sort((a, b) => a - b);
    expect(new Set(totals).size).toBe(VISITORS);

    for (const server of servers) {
      const after = JSON.parse((await send(agent, `${server.url}/api/views?ids=banjir-palembang`)).body) as { views: Record<string, number> };
      expect(after.views['banjir-palembang']! - before.views['banjir-palembang']!).toBe(VISITORS);
    }
    const popular = JSON.parse((await send(agent, `${servers.at(-1)!.url}/api/popular?period=day`)).body) as { items: Array<{ views: number }> };
    expect(popular.items[0]!.views).toBe(VISITORS);

    // A second round from the same visitors on the same day adds nothing.
    const again = await fireViews(servers, 'banjir-palembang');
    expect(again.every((a) => a.status === 200 && !(JSON.parse(a.body) as { counted: boolean }).counted)).toBe(true);
    agent.destroy();

    if (engine === 'sqlite') {
      await Promise.all(servers.map((s) => s.stop()));
      const db = new Database(join(database.env.WARTA_DB_PATH!), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("select views from view_totals where article_id = 'banjir-palembang'").pluck().get()).toBe(VISITORS);
      db.close();
    }
  }, 120_000);
});
