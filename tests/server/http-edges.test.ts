import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../unit/server/helpers/engines.ts';
import { tempSite } from './helpers/articles.ts';
import { BROWSER_UA, startServer, type RunningServer } from './helpers/spawn-server.ts';

/*
 * What only a real socket shows (`serve:api`, Node's HTTP server): methods the
 * Fetch API cannot represent, chunked uploads, uploads that stall or are cut off.
 */
const SECRET = 'edge-test-secret-0123456789abcdefghij';
const TOKEN = 'edge-editor-token-0123456789abcdef';

describe('the standalone server at the HTTP edge', () => {
  const site = tempSite();
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServer({ ...database.env, WARTA_SECRET: SECRET, WARTA_EDITORS: `ana:${TOKEN}`, WARTA_ARTICLES_FILE: site.articlesFile, WARTA_BODY_TIMEOUT: '1' });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(site.dir, { recursive: true, force: true });
  });

  const raw = (method: string, path: string, chunks: string[], options: { end?: boolean; destroyAfterMs?: number } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve) => {
      const req = request(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
      for (const chunk of chunks) req.write(chunk);
      if (options.destroyAfterMs !== undefined) setTimeout(() => req.destroy(), options.destroyAfterMs);
      else if (options.end !== false) req.end();
    });

  // TRACE is the one such method Node's parser lets through (TRACK gets its own 400, CONNECT a closed socket).
  test('answers TRACE with a 405 JSON error and logs no stack', async () => {
    const method = 'TRACE';
    const r = await raw(method, '/api/views/banjir-palembang', []);
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD, POST, DELETE, OPTIONS');
    expect(JSON.parse(r.body)).toEqual({ error: 'method_not_allowed', message: `${method} is not allowed here; use GET, HEAD, POST, DELETE, OPTIONS` });
    expect(server.output.join('')).not.toMatch(/"level":"error"|\n\s+at /);
  });

  test('answers a chunked body over the limit with 413', async () => {
    const r = await raw('POST', '/api/comments/banjir-palembang', Array.from({ length: 20 }, () => ' '.repeat(1024)));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ error: 'payload_too_large', message: 'body is larger than 16384 bytes' });
  });

  test('answers 408 when the body does not arrive within WARTA_BODY_TIMEOUT', async () => {
    const start = Date.now();
    const r = await raw('POST', '/api/comments/banjir-palembang', ['{"name":'], { end: false });
    expect(r.status).toBe(408);
    expect(JSON.parse(r.body)).toEqual({ error: 'body_timeout', message: 'the request body did not arrive within 1 s' });
    expect(Date.now() - start).toBeLessThan(5000);
  });

  test('logs an upload the client cuts off as a client abort, not as a database outage', async () => {
    await raw('POST', '/api/comments/banjir-palembang', ['{"name":"Siti",'], { destroyAfterMs: 100 });
    const lines = () => server.output.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string });
    await expect.poll(() => lines().map((l) => l.msg)).toContain('client aborted the request');
    expect(lines().map((l) => l.msg)).not.toContain('database unavailable');
    // And the server is fine afterwards.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  test('never writes the secret or an editor token to its log', async () => {
    for (const token of [TOKEN, `${TOKEN}x`]) {
      await fetch(`${server.url}/api/admin/comments/a%00b/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'user-agent': BROWSER_UA } });
    }
    await raw('POST', '/api/admin/privacy/export', ['{"email":'], { destroyAfterMs: 50 });
    const log = server.output.join('');
    expect(log).toContain('listening');
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(TOKEN);
  });
});
