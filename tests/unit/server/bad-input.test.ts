import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES } from './helpers/engines.ts';
import { createTestApp, EDITORS, ORIGIN, type TestApp } from './helpers/test-app.ts';

/*
 * At least 100 hostile or broken requests. Each must get a 4xx with a JSON body
 * whose `error` names the problem and `message` says what is wrong — never a 5xx,
 * never a crash, never an error logged as a bug.
 */

type Case = { name: string; path: string; method?: string; headers?: Record<string, string>; body?: string | Uint8Array; status?: number };

const C = '/api/comments/banjir-palembang';
const valid = { name: 'Siti', email: 'siti@example.com', text: 'Halo' };
const json = (name: string, value: unknown, status?: number): Case => ({ name, path: C, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value), status });
const rawJson = (name: string, body: string | Uint8Array, status?: number): Case => ({ name, path: C, headers: { 'content-type': 'application/json' }, body, status });
const form = (name: string, body: string | Uint8Array, status?: number): Case => ({ name, path: C, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, status });
const bytes = (...parts: Array<string | number[]>) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
};
const admin = (name: string, path: string, method: string, body?: string, status?: number): Case => ({
  name,
  path,
  method,
  headers: { authorization: `Bearer ${EDITORS.ana}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
  body,
  status,
});

const CASES: Case[] = [
  // Malformed JSON
  rawJson('empty body', '', 400),
  rawJson('unclosed object', '{', 400),
  rawJson('truncated member', '{"name":', 400),
  rawJson('single quotes', "{'name':'x'}", 400),
  rawJson('trailing comma', '{"name":"x",}', 400),
  rawJson('missing comma', '{"name":"x" "email":"y"}', 400),
  rawJson('bare word', 'nul', 400),
  rawJson('NaN literal', 'NaN', 400),
  rawJson('trailing garbage', '{} x', 400),
  rawJson('broken escape', '{"text":"\\u00"}', 400),
  rawJson('comment in JSON', '{/* x */}', 400),
  rawJson('JSON array', '[]', 400),
  rawJson('JSON string', '"halo"', 400),
  rawJson('JSON number', '123', 400),
  rawJson('JSON null', 'null', 400),
  rawJson('JSON true', 'true', 400),
  rawJson('nested arrays', '[[[[[[[[[[]]]]]]]]]]', 400),
  rawJson('deeply nested object', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`, 400),
  // Wrong types
  json('name is a number', { ...valid, name: 1 }, 400),
  json('name is an array', { ...valid, name: ['Siti'] }, 400),
  json('name is null', { ...valid, name: null }, 400),
  json('email is a boolean', { ...valid, email: true }, 400),
  json('email is an object', { ...valid, email: { a: 1 } }, 400),
  json('text is null', { ...valid, text: null }, 400),
  json('text is an array', { ...valid, text: ['a'] }, 400),
  json('text is an object', { ...valid, text: { toString: 'x' } }, 400),
  json('text is a number', { ...valid, text: 42 }, 400),
  json('website is a number', { ...valid, website: 5 }, 400),
  json('parentId is a number', { ...valid, parentId: 3 }, 400),
  json('token is an object', { ...valid, token: {} }, 400),
  json('honeypot is a boolean', { ...valid, company: false }, 400),
  rawJson('text is a huge number', '{"name":"a","email":"a@b.id","text":1e309}', 400),
  // Missing fields
  json('empty object', {}, 400),
  json('no name', { email: 'a@b.id', text: 'x' }, 400),
  json('no email', { name: 'a', text: 'x' }, 400),
  json('no text', { name: 'a', email: 'a@b.id' }, 400),
  json('all fields empty', { name: '', email: '', text: '' }, 400),
  json('whitespace-only name', { ...valid, name: '   ' }, 400),
  json('whitespace-only text', { ...valid, text: ' \n\t ' }, 400),
  json('valid fields but no token', valid, 400),
  // Bad values
  json('email without @', { ...valid, email: 'siti.example.com' }, 400),
  json('email with spaces', { ...valid, email: 'siti @example.com' }, 400),
  json('email with two @', { ...valid, email: 'a@b@c.id' }, 400),
  json('website with javascript: scheme', { ...valid, website: 'javascript:alert(1)' }, 400),
  json('website with data: scheme', { ...valid, website: 'data:text/html,<script>alert(1)</script>' }, 400),
  json('website that is not a URL', { ...valid, website: 'rumah saya' }, 400),
  json('website with ftp scheme', { ...valid, website: 'ftp://example.com' }, 400),
  json('parentId with HTML', { ...valid, parentId: '<b>x</b>' }, 400),
  json('parentId with SQL', { ...valid, parentId: "1' OR '1'='1" }, 400),
  json('parentId too long', { ...valid, parentId: 'a'.repeat(33) }, 400),
  json('token that is not a token', { ...valid, token: 'abc' }, 400),
  json('token with SQL', { ...valid, token: "1'; DROP TABLE comments; --" }, 400),
  json('forged token', { ...valid, token: '1749524400.AAAAAAAAAAAAAAAAAAAAAAAA' }, 400),
  json('filled honeypot', { ...valid, company: 'ACME' }, 400),
  json('email with SQL', { ...valid, email: "a@b.id' OR 1=1 --" }, 400),
  json('email with HTML', { ...valid, email: '<script>@x.id' }, 400),
  // Huge strings
  json('name over 80 characters', { ...valid, name: 'n'.repeat(81) }, 400),
  json('email over 254 characters', { ...valid, email: `${'e'.repeat(250)}@x.id` }, 400),
  json('website over 200 characters', { ...valid, website: `https://x.id/${'w'.repeat(200)}` }, 400),
  json('text over the length limit', { ...valid, text: 't'.repeat(4001) }, 400),
  json('text of emoji over the limit', { ...valid, text: '😀'.repeat(4001) }, 400),
  json('token over 200 characters', { ...valid, token: 't'.repeat(201) }, 400),
  json('honeypot over 1000 characters', { ...valid, company: 'c'.repeat(1001) }, 400),
  json('body over the size limit', { ...valid, text: 'x'.repeat(20_000) }, 413),
  rawJson('whitespace padding over the size limit', `${' '.repeat(17_000)}{}`, 413),
  // Control characters
  json('NUL in name', { ...valid, name: 'Si\u0000ti' }, 400),
  json('newline in name', { ...valid, name: 'Si\nti' }, 400),
  json('tab in name', { ...valid, name: 'Si\tti' }, 400),
  json('bell in text', { ...valid, text: 'ding\u0007' }, 400),
  json('ANSI escape in text', { ...valid, text: '\u001b[31mmerah' }, 400),
  json('DEL in text', { ...valid, text: 'a\u007fb' }, 400),
  json('C1 control in text', { ...valid, text: 'a\u0085b' }, 400),
  json('NUL in text', { ...valid, text: 'a\u0000b' }, 400),
  json('right-to-left override in name', { ...valid, name: 'admin\u202etxt.exe' }, 400),
  json('newline in email', { ...valid, email: 'a@b.id\nBcc: x@y.id' }, 400),
  // Invalid UTF-8 and broken UTF-16
  rawJson('byte 0xFF', bytes('{"name":"', [0xff], '","email":"a@b.id","text":"x"}'), 400),
  rawJson('truncated two-byte sequence', bytes('{"name":"', [0xc3, 0x28], '"}'), 400),
  rawJson('overlong slash', bytes('{"name":"', [0xc0, 0xaf], '"}'), 400),
  rawJson('UTF-8 encoded surrogate', bytes('{"name":"', [0xed, 0xa0, 0x80], '"}'), 400),
  rawJson('truncated three-byte sequence', bytes('{"text":"', [0xe2, 0x82], '"}'), 400),
  rawJson('code point above U+10FFFF', bytes('{"text":"', [0xf4, 0x90, 0x80, 0x80], '"}'), 400),
  rawJson('lone high surrogate escape in text', '{"name":"a","email":"a@b.id","text":"\\ud800"}', 400),
  rawJson('lone low surrogate escape in name', '{"name":"\\udc00","email":"a@b.id","text":"x"}', 400),
  form('form with byte 0xFF', bytes('name=', [0xff], '&email=a%40b.id&text=x'), 400),
  form('form with %FF escape', 'name=%FF&email=a%40b.id&text=x', 400),
  form('form with broken %-escape', 'name=%E0%A4%A&email=a%40b.id&text=x', 400),
  form('form with lone % sign', 'name=100%&email=a%40b.id&text=x', 400),
  // Unknown fields
  json('status set by the client', { ...valid, status: 'approved' }, 400),
  json('id set by the client', { ...valid, id: 'x' }, 400),
  json('authorEmail set by the client', { ...valid, authorEmail: 'x@y.id' }, 400),
  json('createdAt set by the client', { ...valid, createdAt: '2020-01-01' }, 400),
  rawJson('__proto__ field', '{"name":"a","email":"a@b.id","text":"x","__proto__":{"status":"approved"}}', 400),
  json('constructor field', { ...valid, constructor: { prototype: {} } }, 400),
  form('form with an unknown field', 'name=a&email=a%40b.id&text=x&status=approved', 400),
  form('form with a repeated field', 'name=a&name=b&email=a%40b.id&text=x', 400),
  form('empty form', '', 400),
  // Content types
  { name: 'text/plain body', path: C, headers: { 'content-type': 'text/plain' }, body: JSON.stringify(valid), status: 415 },
  { name: 'no content type', path: C, body: JSON.stringify(valid), status: 415 },
  { name: 'multipart body', path: C, headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--', status: 415 },
  { name: 'XML body', path: C, headers: { 'content-type': 'application/xml' }, body: '<a/>', status: 415 },
  { name: 'declared length over the limit', path: C, headers: { 'content-type': 'application/json', 'content-length': '999999' }, body: '{}', status: 413 },
  // Article ids and paths
  { name: 'article id with SQL', path: `/api/comments/${encodeURIComponent("x' OR 1=1 --")}`, method: 'GET', status: 400 },
  { name: 'article id with HTML', path: `/api/comments/${encodeURIComponent('<script>alert(1)</script>')}`, method: 'GET', status: 400 },
  { name: 'article id with a NUL', path: '/api/comments/a%00b', method: 'GET', status: 400 },
  { name: 'article id with a broken escape', path: '/api/comments/a%E0%A4%A', method: 'GET', status: 400 },
  { name: 'article id too long', path: `/api/comments/${'a'.repeat(201)}`, method: 'GET', status: 400 },
  { name: 'path traversal', path: '/api/comments/..%2F..%2Fetc%2Fpasswd', method: 'GET', status: 400 },
  { name: 'unknown article', path: '/api/comments/tidak-ada', method: 'GET', status: 404 },
  { name: 'view of an unknown article', path: '/api/views/tidak-ada', method: 'POST', status: 404 },
  { name: 'view with a SQL article id', path: `/api/views/${encodeURIComponent("a';DROP TABLE view_totals;--")}`, method: 'POST', status: 400 },
  { name: 'token for an unknown article', path: '/api/comments/tidak-ada/token', method: 'GET', status: 404 },
  { name: 'HTML page of an unknown article', path: '/api/comments/tidak-ada/html', method: 'GET', status: 404 },
  { name: 'unknown endpoint', path: '/api/nothing', method: 'GET', status: 404 },
  { name: 'PUT on comments', path: C, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}', status: 404 },
  // Query strings
  { name: 'batch ids with SQL', path: `/api/views?ids=${encodeURIComponent("a');DROP TABLE comments;--")}`, method: 'GET', status: 400 },
  { name: 'batch ids empty', path: '/api/views?ids=,,,', method: 'GET', status: 400 },
  { name: 'popular with unknown period', path: '/api/popular?period=year', method: 'GET', status: 400 },
  { name: 'popular with a text limit', path: '/api/popular?limit=ten', method: 'GET', status: 400 },
  { name: 'popular with a negative limit', path: '/api/popular?limit=-1', method: 'GET', status: 400 },
  { name: 'popular with a fractional limit', path: '/api/popular?limit=1.5', method: 'GET', status: 400 },
  { name: 'popular with SQL in limit', path: `/api/popular?limit=${encodeURIComponent('1;DROP TABLE view_days')}`, method: 'GET', status: 400 },
  // Cross-site requests
  { name: 'POST from a foreign origin', path: C, headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify(valid), status: 403 },
  { name: 'POST with Origin null', path: C, headers: { origin: 'null', 'content-type': 'application/json' }, body: JSON.stringify(valid), status: 403 },
  { name: 'cross-site fetch without Origin', path: '/api/views/banjir-palembang', headers: { origin: '', 'sec-fetch-site': 'cross-site' }, status: 403 },
  { name: 'same-site but other origin', path: '/api/views/banjir-palembang', headers: { origin: '', 'sec-fetch-site': 'same-site' }, status: 403 },
  // Admin inputs
  admin('admin reply with malformed JSON', '/api/admin/comments/zzzz/reply', 'POST', '{', 400),
  admin('admin privacy export with malformed JSON', '/api/admin/privacy/export', 'POST', '{"email":', 400),
  admin('admin privacy export without email', '/api/admin/privacy/export', 'POST', '{}', 400),
  admin('admin privacy delete with a bad email', '/api/admin/privacy/delete', 'POST', '{"email":"bukan"}', 400),
  admin('admin privacy delete with extra fields', '/api/admin/privacy/delete', 'POST', '{"email":"a@b.id","all":true}', 400),
  admin('admin list with SQL status', `/api/admin/comments?status=${encodeURIComponent("pending' OR '1'='1")}`, 'GET', undefined, 400),
  admin('admin list with a huge offset', '/api/admin/comments?offset=99999999999', 'GET', undefined, 400),
  admin('admin audit with a zero limit', '/api/admin/audit?limit=0', 'GET', undefined, 400),
  admin('admin action on a SQL id', `/api/admin/comments/${encodeURIComponent("x' OR 1=1")}/approve`, 'POST', undefined, 404),
  admin('admin delete of an unknown id', '/api/admin/comments/abc', 'DELETE', undefined, 404),
];

describe.each(ENGINES)('bad input on %s', (engine) => {
  let t: TestApp;
  let approved: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    approved = await t.comment('banjir-palembang');
    await t.admin(`/api/admin/comments/${approved}/approve`, { method: 'POST' });
  });
  afterAll(() => t.cleanup());

  test('the table has at least 100 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s gets a 4xx JSON error, not a 5xx', async (_, c) => {
    const headers = new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0', origin: ORIGIN, ...c.headers });
    if (headers.get('origin') === '') headers.delete('origin');
    const method = c.method ?? 'POST';
    const response = await t.app.fetch(new Request(`${ORIGIN}${c.path}`, { method, headers, body: c.body as BodyInit | undefined }), { clientIp: '203.0.113.99' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    if (c.status) expect(response.status).toBe(c.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: unknown; message: unknown };
    expect(body.error).toEqual(expect.any(String));
    expect(body.message).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d/);
  });

  test('no case was logged as an internal error and nothing was stored', async () => {
    expect(t.log.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(await t.storage.countComments({})).toBe(1);
  });
});
