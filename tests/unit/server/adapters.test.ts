import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempSite } from '../../server/helpers/articles.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from './helpers/engines.ts';
import { BROWSER_UA } from './helpers/test-app.ts';

/*
 * The platform wrappers are a few lines each; this checks that each one validates
 * settings, opens the database (PostgreSQL when available, as on those platforms)
 * and passes the platform's notion of the client IP to the core.
 */
const engine = ENGINES.at(-1)!;

describe(`platform adapters on ${engine}`, () => {
  const site = tempSite();
  let database: TestDatabase;
  const saved = { ...process.env };
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    Object.assign(process.env, database.env, { WARTA_SECRET: 'adapter-test-secret-0123456789abcdef', WARTA_ARTICLES_FILE: site.articlesFile });
  });
  afterAll(async () => {
    process.env = saved;
    await database.drop();
    rmSync(site.dir, { recursive: true, force: true });
  });

  const viewRequest = (headers: Record<string, string> = {}) =>
    new Request('https://liputanabn.com/api/views/banjir-palembang', { method: 'POST', headers: { origin: 'https://liputanabn.com', 'user-agent': BROWSER_UA, ...headers } });

  test('Netlify: the function counts a view with the IP Netlify gives in context.ip', async () => {
    const netlify = await import('../../../src/server/adapters/netlify.ts');
    expect(netlify.config).toEqual({ path: '/api/*' });
    const first = await netlify.default(viewRequest(), { ip: '198.51.100.1' });
    const again = await netlify.default(viewRequest(), { ip: '198.51.100.1' });
    expect([await first.json(), await again.json()]).toEqual([
      { id: 'banjir-palembang', views: 1, counted: true },
      { id: 'banjir-palembang', views: 1, counted: false, reason: 'repeat' },
    ]);
  });

  test('Vercel: the function takes the client IP from x-real-ip, which Vercel’s edge sets', async () => {
    const vercel = await import('../../../src/server/adapters/vercel.ts');
    const r = await vercel.default.fetch(viewRequest({ 'x-real-ip': '198.51.100.2' }));
    expect(await r.json()).toEqual({ id: 'banjir-palembang', views: 2, counted: true });
  });

  test('Astro: the API route handler uses clientAddress and serves every endpoint', async () => {
    const { createAstroHandler } = await import('../../../src/server/adapters/astro.ts');
    const handler = createAstroHandler();
    const r = await handler({ request: viewRequest(), clientAddress: '198.51.100.3' });
    expect(await r.json()).toEqual({ id: 'banjir-palembang', views: 3, counted: true });
    const health = await handler({ request: new Request('https://liputanabn.com/api/health'), clientAddress: '198.51.100.3' });
    expect(await health.json()).toEqual({ ok: true, db: 'reachable', writes: 'ok', engine });
  });

  test('Astro: a missing secret throws when the route module is set up, not on the first request', async () => {
    const { createAstroHandler } = await import('../../../src/server/adapters/astro.ts');
    expect(() => createAstroHandler({ env: { WARTA_ARTICLES_FILE: site.articlesFile } })).toThrow(
      'warta-server: cannot start, fix these settings:\n  - WARTA_SECRET: required; generate one with `openssl rand -hex 32`',
    );
  });

  test('a missing article list answers 503 with Retry-After and says in the log what to do, until the build writes it', async () => {
    const { createAstroHandler } = await import('../../../src/server/adapters/astro.ts');
    const later = path.join(site.dir, 'later', 'warta-articles.json');
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((line: string) => {
      lines.push(String(line));
      return true;
    }) as typeof process.stdout.write;
    try {
      const handler = createAstroHandler({ env: { ...database.env, WARTA_SECRET: 'adapter-test-secret-0123456789abcdef', WARTA_ARTICLES_FILE: later } });
      const before = await handler({ request: viewRequest(), clientAddress: '198.51.100.4' });
      expect(before.status).toBe(503);
      expect(before.headers.get('retry-after')).toBe('5');
      expect(await before.json()).toEqual({ error: 'unavailable', message: 'the list of published articles is not available yet; try again shortly' });
      expect(lines.join('')).toContain(`cannot read the article list ${later}; build the site first or set WARTA_ARTICLES_FILE`);
      mkdirSync(path.dirname(later));
      copyFileSync(site.articlesFile, later);
      const after = await handler({ request: viewRequest(), clientAddress: '198.51.100.4' });
      expect(after.status).toBe(200);
    } finally {
      process.stdout.write = write;
    }
  });
});
