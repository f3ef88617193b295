import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { catalogFromList } from '../../../src/server/catalog/catalog.ts';
import { memoryLogger } from '../../../src/server/log.ts';
import { loadSettings } from '../../../src/server/settings.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { ENGINES, openTestStorage } from './helpers/engines.ts';
import { ARTICLES, BROWSER_UA, createTestApp, EDITORS, ORIGIN, SECRET, type TestApp } from './helpers/test-app.ts';

describe.each(ENGINES)('security on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { WARTA_ALLOWED_ORIGINS: 'https://liputanabn.com' });
  });
  afterAll(() => t.cleanup());

  describe('origin checks', () => {
    test('accepts POSTs from the API’s own origin and from allowed origins', async () => {
      for (const origin of [ORIGIN, 'https://liputanabn.com']) {
        expect((await t.request('/api/views/banjir-palembang', { method: 'POST', headers: { origin } })).status).toBe(200);
      }
    });

    test('accepts a same-origin fetch that sends only Sec-Fetch-Site', async () => {
      const r = await t.app.fetch(new Request(`${ORIGIN}/api/views/banjir-palembang`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER_UA } }), {});
      expect(r.status).toBe(200);
    });

    test('refuses a POST from any other origin and says how to allow it', async () => {
      const r = await t.request('/api/views/banjir-palembang', { method: 'POST', headers: { origin: 'https://evil.example' } });
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({ error: 'forbidden_origin', message: 'requests from origin https://evil.example are not allowed; add it to WARTA_ALLOWED_ORIGINS (behind a proxy: set WARTA_SITE_URL or WARTA_TRUSTED_PROXIES)' });
    });
  });

  describe('behind a TLS reverse proxy', () => {
    // What Caddy or nginx sends on: the public Host, plain HTTP on the inside, the reader's scheme in X-Forwarded-Proto.
    const proxied = (path: string, peer: string, init: { headers?: Record<string, string>; form?: Record<string, string> } = {}) =>
      t.app.fetch(
        new Request(`http://kabar.example${path}`, {
          method: 'POST',
          headers: { 'user-agent': BROWSER_UA, origin: 'https://kabar.example', 'x-forwarded-proto': 'https', ...init.headers },
          body: init.form ? new URLSearchParams(init.form).toString() : undefined,
        }),
        { clientIp: peer },
      );

    test('accepts the public https origin when a loopback proxy says the reader used https', async () => {
      expect((await proxied('/api/views/pilkada-sumsel', '127.0.0.1')).status).toBe(200);
      expect((await proxied('/api/views/pilkada-sumsel', '::ffff:127.0.0.1')).status).toBe(200);
      expect((await proxied('/api/views/pilkada-sumsel', '::1')).status).toBe(200);
    });

    test('ignores the same forwarded headers from a peer that is not a trusted proxy', async () => {
      const r = await proxied('/api/views/pilkada-sumsel', '203.0.113.50');
      expect(r.status).toBe(403);
      expect(((await r.json()) as { error: string }).error).toBe('forbidden_origin');
      const forgedHost = await proxied('/api/views/pilkada-sumsel', '203.0.113.50', { headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' } });
      expect(forgedHost.status).toBe(403);
    });

    test('believes a forwarded host only from a trusted proxy', async () => {
      const r = await proxied('/api/views/pilkada-sumsel', '127.0.0.1', { headers: { origin: 'https://www.kabar.example', 'x-forwarded-host': 'www.kabar.example' } });
      expect(r.status).toBe(200);
    });

    test('accepts the configured site URL from any peer, and proxies from WARTA_TRUSTED_PROXIES only', async () => {
      const configured = await createTestApp(engine, { WARTA_SITE_URL: 'https://liputanabn.com/', WARTA_TRUSTED_PROXIES: '10.1.0.0/16' });
      try {
        const send = (peer: string, origin: string) =>
          configured.app.fetch(
            new Request('http://127.0.0.1:4321/api/views/pilkada-sumsel', { method: 'POST', headers: { 'user-agent': BROWSER_UA, origin, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'cdn.example' } }),
            { clientIp: peer },
          );
        expect((await send('203.0.113.51', 'https://liputanabn.com')).status).toBe(200);
        expect((await send('10.1.2.3', 'https://cdn.example')).status).toBe(200);
        expect((await send('127.0.0.1', 'https://cdn.example')).status).toBe(403);
      } finally {
        await configured.cleanup();
      }
    });

    test('lets an editor moderate and a no-JavaScript reader post through the proxy (303 back to the article)', async () => {
      const id = await t.comment('pilkada-sumsel');
      const approve = await proxied(`/api/admin/comments/${id}/approve`, '127.0.0.1', { headers: { authorization: `Bearer ${EDITORS.ana}` } });
      expect(approve.status).toBe(200);
      const form = await proxied('/api/comments/pilkada-sumsel', '127.0.0.1', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        form: { name: 'Rudi', email: 'rudi@example.com', text: 'Lewat proxy.', acceptRules: 'on' },
      });
      expect(form.status).toBe(303);
      expect(form.headers.get('location')).toBe('/2024/06/pilkada-sumsel/?comment=pending#komentar-pending');
    });
  });

  describe('CORS', () => {
    test('answers a preflight from an allowed origin', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        method: 'OPTIONS',
        headers: { origin: 'https://liputanabn.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe('https://liputanabn.com');
      expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    });

    test('gives no CORS grant to other origins', async () => {
      const r = await t.request('/api/views?ids=banjir-palembang', { headers: { origin: 'https://evil.example' } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('headers and errors', () => {
    test('sends security headers on every answer, errors included', async () => {
      for (const path of ['/api/health', '/api/nothing', '/api/comments/tidak-ada']) {
        const r = await t.request(path);
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(r.headers.get('referrer-policy')).toBe('same-origin');
      }
    });

    test('answers 413 for a streamed body over the limit that declares no length', async () => {
      const big = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(1024).fill(32));
          controller.close();
        },
      });
      const r = await t.app.fetch(
        new Request(`${ORIGIN}/api/comments/banjir-palembang`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: big, duplex: 'half' } as RequestInit),
        {},
      );
      expect(r.status).toBe(413);
      expect(await r.json()).toEqual({ error: 'payload_too_large', message: 'body is larger than 16384 bytes' });
    });

    test('reports the database as reachable', async () => {
      expect(await (await t.request('/api/health')).json()).toEqual({ ok: true, db: 'reachable', writes: 'ok', engine });
    });
  });
});

describe('failures inside the function', () => {
  const settings = loadSettings({ WARTA_SECRET: SECRET });
  const catalog = catalogFromList(ARTICLES);

  test('a bug becomes a 500 without a stack trace, and the stack goes to the log', async () => {
    const log = memoryLogger();
    const broken = new Proxy({} as Storage, {
      get: (_, key) => (key === 'engine' ? 'sqlite' : () => Promise.reject(new TypeError('boom at storage.ts:12:3'))),
    });
    const app = createApp({ storage: broken, settings, catalog, log });
    const r = await app.fetch(new Request(`${ORIGIN}/api/comments/banjir-palembang`), {});
    expect(r.status).toBe(500);
    expect(await r.text()).toBe('{"error":"internal","message":"internal error; it has been logged"}');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', msg: 'unhandled error', path: '/api/comments/banjir-palembang', error: 'boom at storage.ts:12:3', stack: expect.stringContaining('TypeError') })]);
  });

  test('an unreachable PostgreSQL gives 503 on data endpoints and on health', async () => {
    const { openPostgres } = await import('../../../src/server/storage/postgres.ts');
    const storage = openPostgres('postgres://warta:hunter2-db-password@127.0.0.1:1/none');
    const log = memoryLogger();
    const app = createApp({ storage, settings, catalog, log });
    try {
      const views = await app.fetch(new Request(`${ORIGIN}/api/views?ids=banjir-palembang`), {});
      expect(views.status).toBe(503);
      expect(await views.json()).toEqual({ error: 'unavailable', message: 'the database is not reachable; try again shortly' });
      const health = await app.fetch(new Request(`${ORIGIN}/api/health`), {});
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false, db: 'unreachable', writes: 'failing', engine: 'postgres' });
      expect(log.lines).toContainEqual(expect.objectContaining({ msg: 'database unavailable', cause: expect.stringMatching(/^ECONNREFUSED: /) }));
      expect(JSON.stringify(log.lines)).not.toContain('hunter2');
    } finally {
      await storage.close();
    }
  });

  test('an article list URL that cannot be reached gives 503 with Retry-After, and the log says why', async () => {
    const { urlCatalog } = await import('../../../src/server/catalog/url-catalog.ts');
    const { storage, cleanup } = await openTestStorage('sqlite');
    const log = memoryLogger();
    const app = createApp({ storage, settings, catalog: urlCatalog('http://127.0.0.1:1/warta-articles.json'), log });
    try {
      const r = await app.fetch(new Request(`${ORIGIN}/api/comments/banjir-palembang`), {});
      expect([r.status, r.headers.get('retry-after')]).toEqual([503, '5']);
      expect(await r.json()).toEqual({ error: 'unavailable', message: 'the list of published articles is not available yet; try again shortly' });
      expect(log.lines).toContainEqual(expect.objectContaining({ msg: 'article list unavailable', cause: expect.stringContaining('cannot load the article list from http://127.0.0.1:1/warta-articles.json') }));
    } finally {
      await cleanup();
    }
  });

  test('a closed SQLite database reports unreachable on health', async () => {
    const { storage, cleanup } = await openTestStorage('sqlite');
    await storage.close();
    const app = createApp({ storage, settings, catalog, log: memoryLogger() });
    expect((await app.fetch(new Request(`${ORIGIN}/api/health`), {})).status).toBe(503);
    await cleanup().catch(() => {});
  });
});
