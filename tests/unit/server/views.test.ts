import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES } from './helpers/engines.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe.each(ENGINES)('views on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.cleanup());

  const view = (id: string, init: Parameters<TestApp['request']>[1] = {}) => t.request(`/api/views/${id}`, { method: 'POST', ...init });

  describe('counting', () => {
    test('counts a first view and returns the new total', async () => {
      const r = await view('banjir-palembang');
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ id: 'banjir-palembang', views: 1, counted: true });
    });

    test('counts the same visitor only once per article per day', async () => {
      const r = await view('banjir-palembang');
      expect(await r.json()).toEqual({ id: 'banjir-palembang', views: 1, counted: false, reason: 'repeat' });
    });

    test('counts the same visitor again on the next day in the newsroom zone', async () => {
      t.clock.now = new Date('2025-06-10T17:00:00Z'); // 00:00 WIB on 11 June
      expect(await (await view('banjir-palembang')).json()).toMatchObject({ views: 2, counted: true });
    });

    test('treats another IP or another browser as another visitor', async () => {
      expect(await (await view('banjir-palembang', { ip: '198.51.100.9' })).json()).toMatchObject({ views: 3, counted: true });
      const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0';
      expect(await (await view('banjir-palembang', { headers: { 'user-agent': firefox } })).json()).toMatchObject({ views: 4, counted: true });
    });

    test('does not count bots, and says so', async () => {
      const r = await view('banjir-palembang', { ip: '192.0.2.1', headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } });
      expect(await r.json()).toEqual({ id: 'banjir-palembang', views: 4, counted: false, reason: 'bot' });
    });

    test('does not count requests without a User-Agent', async () => {
      const r = await t.app.fetch(new Request('http://warta.test/api/views/banjir-palembang', { method: 'POST', headers: { origin: 'http://warta.test' } }), { clientIp: '192.0.2.2' });
      expect(await r.json()).toMatchObject({ counted: false, reason: 'bot' });
    });

    test.each([
      ['Sec-Purpose', 'prefetch'],
      ['Sec-Purpose', 'prefetch;prerender'],
      ['Purpose', 'prefetch'],
    ])('does not count a prefetch announced by %s: %s', async (header, value) => {
      const r = await view('banjir-palembang', { ip: '192.0.2.3', headers: { [header]: value } });
      expect(await r.json()).toMatchObject({ views: 4, counted: false, reason: 'prefetch' });
    });

    test('refuses an article id that is not published', async () => {
      const r = await view('tidak-ada');
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ error: 'unknown_article', message: 'no published article has the id "tidak-ada"' });
    });

    test('never stores the raw IP', async () => {
      await view('pilkada-sumsel', { ip: '203.0.113.77' });
      const dump = JSON.stringify(await t.storage.listComments({ limit: 1000, order: 'asc' })) + JSON.stringify(await t.storage.listAudit(1000));
      expect(dump).not.toContain('203.0.113.77');
    });
  });

  describe('client IP', () => {
    test('ignores X-Forwarded-For when no trusted header is configured', async () => {
      const before = (await (await view('harga-cabai', { ip: '10.0.0.1' })).json()) as { views: number };
      const spoofed = await view('harga-cabai', { ip: '10.0.0.1', headers: { 'x-forwarded-for': '1.2.3.4' } });
      expect(await spoofed.json()).toMatchObject({ views: before.views, counted: false });
    });

    test('uses the configured trusted header from a trusted proxy, taking its last entry', async () => {
      const proxied = await createTestApp(engine, { WARTA_TRUSTED_PROXY_HEADER: 'X-Forwarded-For', WARTA_TRUSTED_PROXIES: '10.0.0.0/8' });
      try {
        const a = await proxied.request('/api/views/harga-cabai', { method: 'POST', ip: '10.0.0.1', headers: { 'x-forwarded-for': '9.9.9.9, 198.51.100.1' } });
        const b = await proxied.request('/api/views/harga-cabai', { method: 'POST', ip: '10.0.0.1', headers: { 'x-forwarded-for': '8.8.8.8, 198.51.100.1' } });
        const c = await proxied.request('/api/views/harga-cabai', { method: 'POST', ip: '10.0.0.1', headers: { 'x-forwarded-for': '198.51.100.2' } });
        expect([await a.json(), await b.json(), await c.json()].map((r) => (r as { counted: boolean }).counted)).toEqual([true, false, true]);
      } finally {
        await proxied.cleanup();
      }
    });
  });

  describe('client IP from an untrusted peer', () => {
    test('ignores the configured header when the peer is not a trusted proxy', async () => {
      const direct = await createTestApp(engine, { WARTA_TRUSTED_PROXY_HEADER: 'X-Forwarded-For' });
      try {
        const send = (forwarded: string) =>
          direct.request('/api/views/harga-cabai', { method: 'POST', ip: '203.0.113.60', headers: { 'x-forwarded-for': forwarded } }).then((r) => r.json() as Promise<{ counted: boolean }>);
        expect([(await send('198.51.100.7')).counted, (await send('198.51.100.8')).counted]).toEqual([true, false]);
      } finally {
        await direct.cleanup();
      }
    });
  });

  describe('batch counts', () => {
    test('returns counts for several published ids and zero for unviewed ones', async () => {
      const r = await t.request('/api/views?ids=banjir-palembang,pilkada-sumsel,harga-cabai,tidak-ada');
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, max-age=60');
      expect(await r.json()).toEqual({ views: { 'banjir-palembang': 4, 'pilkada-sumsel': 1, 'harga-cabai': 1 } });
    });

    test('refuses an empty or oversized id list', async () => {
      expect((await t.request('/api/views')).status).toBe(400);
      const many = Array.from({ length: 101 }, (_, i) => `a${i}`).join(',');
      expect(await (await t.request(`/api/views?ids=${many}`)).json()).toEqual({ error: 'invalid_input', message: 'ids: give 1 to 100 comma-separated article ids' });
    });
  });

  describe('popular', () => {
    test('ranks today’s most-read articles with titles and URLs', async () => {
      const r = await t.request('/api/popular?period=day&limit=2');
      expect(await r.json()).toEqual({
        period: 'day',
        since: '2025-06-11',
        items: [
          { id: 'banjir-palembang', title: 'Banjir di Palembang', url: '/2024/05/banjir-palembang/', views: 3 },
          { id: 'harga-cabai', title: 'Harga Cabai Naik', url: '/2024/06/harga-cabai/', views: 1 },
        ],
      });
    });

    test('sums the last 7 days for a week', async () => {
      const r = (await (await t.request('/api/popular?period=week')).json()) as { since: string; items: Array<{ id: string; views: number }> };
      expect(r.since).toBe('2025-06-05');
      expect(r.items[0]).toMatchObject({ id: 'banjir-palembang', views: 4 });
    });

    test('refuses an unknown period or a limit out of range', async () => {
      expect(await (await t.request('/api/popular?period=year')).json()).toMatchObject({ error: 'invalid_input' });
      expect((await t.request('/api/popular?limit=0')).status).toBe(400);
      expect((await t.request('/api/popular?limit=51')).status).toBe(400);
    });
  });
});
