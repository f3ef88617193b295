import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, EDITORS, ORIGIN, type TestApp } from './helpers/test-app.ts';

/*
 * Hostile or broken requests against every route of the app, on both engines. Each
 * must get a 4xx with a JSON body whose `error` names the problem and `message` says
 * what is wrong — never a 5xx, never a crash, never an error logged as a bug. The
 * suite reads the app's own route list: a route without a case here fails a test.
 */

type Body = string | Uint8Array | (() => ReadableStream<Uint8Array>);
type Case = { name: string; path: string; method?: string; headers?: Record<string, string>; body?: Body; status?: number };

const C = '/api/comments/banjir-palembang';
const valid = { name: 'Siti', email: 'siti@example.com', text: 'Halo', acceptRules: true };
const json = (name: string, value: unknown, status?: number): Case => ({ name, path: C, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value), status });
const rawJson = (name: string, body: string | Uint8Array, status?: number): Case => ({ name, path: C, headers: { 'content-type': 'application/json' }, body, status });
const form = (name: string, body: string | Uint8Array, status?: number): Case => ({ name, path: C, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, status });
const bytes = (...parts: Array<string | number[]>) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
};
const admin = (name: string, path: string, method: string, body?: Body, status?: number): Case => ({
  name,
  path,
  method,
  headers: { authorization: `Bearer ${EDITORS.ana}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
  body,
  status,
});


// Streamed bodies: chunked (no Content-Length), never finished, or cut off by the client.
const chunks = (count: number, size = 1024) => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < count; i++) controller.enqueue(new Uint8Array(size).fill(32));
      controller.close();
    },
  });
const stalled = () => () => new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"name":')) });
const aborted = () => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"name":"Siti",'));
      setTimeout(() => controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 5);
    },
  });

const NUL = '\u0000';
const ID = 'zzzzzzzz';
const A = '/api/admin';
const FIELDS = ['name', 'email', 'website', 'text', 'parentId', 'token', 'company', 'acceptRules', 'rules', 'emailProof'] as const;
const adminJson = (name: string, path: string, body: Body, status?: number) => admin(name, path, 'POST', body, status);

const EVERY_ROUTE: Case[] = [
  // NUL and invalid UTF-8 in every field of every body
  ...FIELDS.map((f) => json(`NUL in ${f}`, { ...valid, [f]: `a${NUL}b` }, 400)),
  ...FIELDS.map((f) => form(`invalid UTF-8 in form field ${f}`, bytes(`name=a&email=a%40b.id&text=x&${f === 'name' || f === 'email' || f === 'text' ? 'company' : f}=`, [0xc3, 0x28]), 400)),
  ...FIELDS.map((f) => form(`%00 in form field ${f}`, `${new URLSearchParams({ ...valid, acceptRules: 'on', [f]: `a${NUL}b` })}`, 400)),
  json('NUL in a field name', { ...valid, [`x${NUL}`]: 'y' }, 400),
  adminJson('NUL in a newsroom reply', `${A}/comments/${ID}/reply`, JSON.stringify({ text: `a${NUL}b` }), 400),
  adminJson('invalid UTF-8 in a newsroom reply', `${A}/comments/${ID}/reply`, bytes('{"text":"', [0xff], '"}'), 400),
  adminJson('NUL in a privacy export email', `${A}/privacy/export`, JSON.stringify({ email: `a${NUL}@b.id` }), 400),
  adminJson('invalid UTF-8 in a privacy delete email', `${A}/privacy/delete`, bytes('{"email":"a', [0xc0, 0xaf], '@b.id"}'), 400),
  // NUL in every path parameter
  { name: 'NUL in the article id of a view', path: '/api/views/a%00b', method: 'POST', status: 400 },
  { name: 'NUL in the article id of a token', path: '/api/comments/a%00b/token', method: 'GET', status: 400 },
  { name: 'NUL in the article id of the HTML page', path: '/api/comments/a%00b/html', method: 'GET', status: 400 },
  { name: 'NUL in the article id of a post', path: '/api/comments/a%00b', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(valid), status: 400 },
  ...(['approve', 'reject', 'spam'] as const).map((action) => admin(`NUL in the id to ${action}`, `${A}/comments/a%00b/${action}`, 'POST', undefined, 400)),
  admin('NUL in the id to delete', `${A}/comments/a%00b`, 'DELETE', undefined, 400),
  adminJson('NUL in the id to reply to', `${A}/comments/a%00b/reply`, JSON.stringify({ text: 'x' }), 400),
  // NUL and bad escapes in every query parameter
  { name: 'NUL in views ids', path: '/api/views?ids=a%00b', method: 'GET', status: 400 },
  { name: 'NUL in the popular period', path: '/api/popular?period=week%00', method: 'GET', status: 400 },
  { name: 'NUL in the popular limit', path: '/api/popular?limit=5%00', method: 'GET', status: 400 },
  { name: 'NUL in an unknown parameter of health', path: '/api/health?x=%00', method: 'GET', status: 400 },
  { name: 'NUL in a parameter name', path: '/api/comments/banjir-palembang?a%00=1', method: 'GET', status: 400 },
  admin('NUL in the admin list status', `${A}/comments?status=pending%00`, 'GET', undefined, 400),
  admin('NUL in the admin list article', `${A}/comments?article=a%00b`, 'GET', undefined, 400),
  admin('NUL in the admin list limit', `${A}/comments?limit=1%00`, 'GET', undefined, 400),
  admin('NUL in the admin list offset', `${A}/comments?offset=%000`, 'GET', undefined, 400),
  admin('NUL in the audit limit', `${A}/audit?limit=%00`, 'GET', undefined, 400),
  admin('escape character in who-am-I query', `${A}/me?x=%1b[31m`, 'GET', undefined, 400),
  { name: 'broken %-escape in the path', path: '/api/views/a%E0%A4%A', method: 'POST', status: 400 },
  // Methods the API does not take
  ...['PUT', 'PATCH', 'PROPFIND'].map((method): Case => ({ name: `${method} on views`, path: '/api/views/banjir-palembang', method, status: 405 })),
  { name: 'DELETE on a thread', path: C, method: 'DELETE', status: 405 },
  { name: 'POST on health', path: '/api/health', method: 'POST', status: 405 },
  admin('PUT on the moderation queue', `${A}/comments`, 'PUT', '{}', 405),
  // Chunked bodies over the limit, uploads that stall or are cut off
  { name: 'chunked comment over the size limit', path: C, headers: { 'content-type': 'application/json' }, body: chunks(20), status: 413 },
  { name: 'one huge chunk over the size limit', path: C, headers: { 'content-type': 'application/json' }, body: chunks(1, 100_000), status: 413 },
  adminJson('chunked reply over the size limit', `${A}/comments/${ID}/reply`, chunks(20), 413),
  adminJson('chunked privacy export over the size limit', `${A}/privacy/export`, chunks(20), 413),
  adminJson('chunked privacy delete over the size limit', `${A}/privacy/delete`, chunks(20), 413),
  { name: 'comment body that never finishes', path: C, headers: { 'content-type': 'application/json' }, body: stalled(), status: 408 },
  adminJson('reply body that never finishes', `${A}/comments/${ID}/reply`, stalled(), 408),
  { name: 'comment upload cut off by the client', path: C, headers: { 'content-type': 'application/json' }, body: aborted(), status: 400 },
  // Each remaining route with a plainly wrong input
  { name: 'DEL character in a health-check query', path: '/api/health?probe=%7F', method: 'GET', status: 400 },
  { name: 'who-am-I without a token', path: `${A}/me`, method: 'GET', status: 401 },
  { name: 'who-am-I with a wrong token', path: `${A}/me`, method: 'GET', headers: { authorization: 'Bearer wrong-token-0123456789abcdefgh' }, status: 401 },
  admin('approve an unknown id', `${A}/comments/${ID}/approve`, 'POST', undefined, 404),
  admin('reject an unknown id', `${A}/comments/${ID}/reject`, 'POST', undefined, 404),
  admin('mark an unknown id as spam', `${A}/comments/${ID}/spam`, 'POST', undefined, 404),
  adminJson('reply to an unknown id', `${A}/comments/${ID}/reply`, JSON.stringify({ text: 'x' }), 404),
];

// Complaints ("Laporkan"): the public post and the editors' queue.
const P = '/api/complaints';
const report = { articleId: 'banjir-palembang', reason: 'fitnah', text: 'Tidak benar.' };
const complaint = (name: string, value: unknown, status?: number): Case => ({ name, path: P, headers: { 'content-type': 'application/json' }, body: typeof value === 'string' ? value : JSON.stringify(value), status });
const COMPLAINT_FIELDS = ['articleId', 'commentId', 'reason', 'text', 'contact', 'token', 'company'] as const;
const COMPLAINTS: Case[] = [
  ...COMPLAINT_FIELDS.map((f) => complaint(`NUL in complaint field ${f}`, { ...report, [f]: `a${NUL}b` }, 400)),
  ...COMPLAINT_FIELDS.map((f) => ({ ...complaint(`invalid UTF-8 in complaint form field ${f}`, ''), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: bytes(`articleId=banjir-palembang&${f}=`, [0xc3, 0x28]), status: 400 })),
  complaint('complaint that is malformed JSON', '{"reason":', 400),
  complaint('complaint that is a JSON array', '[]', 400),
  complaint('complaint without a reason', { articleId: 'banjir-palembang', text: 'x' }, 400),
  complaint('complaint with an unknown reason', { ...report, reason: 'bosan' }, 400),
  complaint('complaint with a numeric reason', { ...report, reason: 1 }, 400),
  complaint('complaint without text', { articleId: 'banjir-palembang', reason: 'sara' }, 400),
  complaint('complaint with whitespace-only text', { ...report, text: ' \n ' }, 400),
  complaint('complaint text over the limit', { ...report, text: 't'.repeat(4001) }, 400),
  complaint('complaint with an ANSI escape in text', { ...report, text: '\u001b[31mx' }, 400),
  complaint('complaint contact with a line break', { ...report, contact: 'a@b.id\nBcc: x@y.id' }, 400),
  complaint('complaint contact over 200 characters', { ...report, contact: 'c'.repeat(201) }, 400),
  complaint('complaint contact with a bidi override', { ...report, contact: 'x\u202ey' }, 400),
  complaint('complaint commentId with SQL', { ...report, commentId: "1' OR '1'='1" }, 400),
  complaint('complaint commentId with HTML', { ...report, commentId: '<b>x</b>' }, 400),
  complaint('complaint articleId with SQL', { ...report, articleId: "x' OR 1=1 --" }, 400),
  complaint('complaint articleId too long', { ...report, articleId: 'a'.repeat(201) }, 400),
  complaint('complaint with a token that is not a token', { ...report, token: 'x' }, 400),
  complaint('complaint about an unpublished article id', { ...report, articleId: 'tidak-ada' }, 404),
  complaint('complaint with status set by the client', { ...report, status: 'resolved' }, 400),
  complaint('complaint with a __proto__ field', '{"articleId":"banjir-palembang","reason":"fitnah","text":"x","__proto__":{"status":"resolved"}}', 400),
  complaint('complaint with a filled honeypot', { ...report, company: 'ACME' }, 400),
  complaint('complaint JSON without a token', report, 400),
  complaint('complaint with a forged token', { ...report, token: '1749524400.AAAAAAAAAAAAAAAAAAAAAAAA' }, 400),
  complaint('complaint over the size limit', { ...report, text: 'x'.repeat(20_000) }, 413),
  { name: 'chunked complaint over the size limit', path: P, headers: { 'content-type': 'application/json' }, body: chunks(20), status: 413 },
  { name: 'complaint as text/plain', path: P, headers: { 'content-type': 'text/plain' }, body: JSON.stringify(report), status: 415 },
  { name: 'complaint form with a repeated field', path: P, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=sara&reason=fitnah', status: 400 },
  { name: 'complaint from a foreign origin', path: P, headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify(report), status: 403 },
  { name: 'GET on the complaint post', path: P, method: 'GET', status: 405 },
  { name: 'complaint queue without a token', path: `${A}/complaints`, method: 'GET', status: 401 },
  admin('complaint queue with an unknown status', `${A}/complaints?status=pending`, 'GET', undefined, 400),
  admin('NUL in the complaint queue status', `${A}/complaints?status=open%00`, 'GET', undefined, 400),
  admin('complaint queue with a zero limit', `${A}/complaints?limit=0`, 'GET', undefined, 400),
  admin('complaint queue with SQL in the limit', `${A}/complaints?limit=${encodeURIComponent('1;DROP TABLE complaints')}`, 'GET', undefined, 400),
  adminJson('resolve an unknown complaint', `${A}/complaints/${ID}/resolve`, JSON.stringify({ action: 'reject' }), 404),
  adminJson('resolve a complaint with a SQL id', `${A}/complaints/${encodeURIComponent("x' OR 1=1")}/resolve`, JSON.stringify({ action: 'reject' }), 404),
  adminJson('NUL in the id of a complaint to resolve', `${A}/complaints/a%00b/resolve`, JSON.stringify({ action: 'reject' }), 400),
  adminJson('resolve with an unknown action', `${A}/complaints/${ID}/resolve`, JSON.stringify({ action: 'delete' }), 400),
  adminJson('resolve without an action', `${A}/complaints/${ID}/resolve`, '{}', 400),
  adminJson('resolve with NUL in the note', `${A}/complaints/${ID}/resolve`, JSON.stringify({ action: 'reject', note: `a${NUL}` }), 400),
  adminJson('resolve with malformed JSON', `${A}/complaints/${ID}/resolve`, '{"action":', 400),
  adminJson('resolve with extra fields', `${A}/complaints/${ID}/resolve`, JSON.stringify({ action: 'reject', status: 'open' }), 400),
  adminJson('resolve body that never finishes', `${A}/complaints/${ID}/resolve`, stalled(), 408),
];

// The comment rules box, the mailed confirmation link's endpoint, and the editors' list of owed corrections.
const V = '/api/email-verification';
const verification = (name: string, body: string | Uint8Array, status?: number, headers: Record<string, string> = { 'content-type': 'application/json' }): Case => ({ name, path: V, headers, body, status });
const LINK = 'A'.repeat(43);
const RULES_AND_VERIFICATION: Case[] = [
  json('comment without the rules box', { name: 'Siti', email: 'siti@example.com', text: 'Halo' }, 422),
  json('comment with the rules box false', { ...valid, acceptRules: false }, 422),
  json('comment with the rules box "yes"', { ...valid, acceptRules: 'yes' }, 400),
  json('comment with the rules box as a number', { ...valid, acceptRules: 1 }, 400),
  json('comment with a javascript: rules address', { ...valid, rules: 'javascript:alert(1)' }, 400),
  json('comment with a rules address holding a space', { ...valid, rules: '/aturan komentar/' }, 400),
  json('comment with a rules address over 300 characters', { ...valid, rules: `/${'a'.repeat(300)}/` }, 400),
  json('comment with a rules address as an object', { ...valid, rules: { v: 1 } }, 400),
  json('comment with an email proof holding SQL', { ...valid, emailProof: "1' OR '1'='1" }, 400),
  json('comment with an email proof over 200 characters', { ...valid, emailProof: 'a'.repeat(201) }, 400),
  form('form without the rules box', 'name=a&email=a%40b.id&text=x', 422),
  form('form with the rules box "off"', 'name=a&email=a%40b.id&text=x&acceptRules=off', 400),
  verification('confirmation with an empty body', '', 400),
  verification('confirmation without a token', '{}', 400),
  verification('confirmation with a short token', JSON.stringify({ token: 'abc' }), 400),
  verification('confirmation with a token one character too long', JSON.stringify({ token: `${LINK}A` }), 400),
  verification('confirmation with a numeric token', JSON.stringify({ token: 12345 }), 400),
  verification('confirmation with NUL in the token', JSON.stringify({ token: `${'A'.repeat(42)}${NUL}` }), 400),
  verification('confirmation with SQL in the token', JSON.stringify({ token: "x' OR '1'='1" }), 400),
  verification('confirmation with an email beside the token', JSON.stringify({ token: LINK, email: 'siti@example.com' }), 400),
  verification('confirmation with malformed JSON', '{"token":', 400),
  verification('confirmation as a JSON array', '[]', 400),
  verification('confirmation with a token no link has', JSON.stringify({ token: LINK }), 404),
  verification('confirmation form with invalid UTF-8', bytes('token=', [0xc3, 0x28]), 400, { 'content-type': 'application/x-www-form-urlencoded' }),
  verification('confirmation as text/plain', JSON.stringify({ token: LINK }), 415, { 'content-type': 'text/plain' }),
  verification('confirmation from a foreign origin', JSON.stringify({ token: LINK }), 403, { 'content-type': 'application/json', origin: 'https://evil.example' }),
  { name: 'confirmation over the size limit', path: V, headers: { 'content-type': 'application/json' }, body: chunks(20), status: 413 },
  { name: 'GET on the confirmation endpoint', path: `${V}?token=${LINK}`, method: 'GET', status: 405 },
  { name: 'corrections list without a token', path: `${A}/corrections`, method: 'GET', status: 401 },
  admin('corrections list with a zero limit', `${A}/corrections?limit=0`, 'GET', undefined, 400),
  admin('NUL in the corrections limit', `${A}/corrections?limit=1%00`, 'GET', undefined, 400),
  admin('correction done for an unknown complaint', `${A}/corrections/${ID}/done`, 'POST', undefined, 404),
  admin('correction done with a SQL id', `${A}/corrections/${encodeURIComponent("x' OR 1=1")}/done`, 'POST', undefined, 404),
  admin('NUL in the id of a correction done', `${A}/corrections/a%00b/done`, 'POST', undefined, 400),
];

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
  { name: 'PUT on comments', path: C, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}', status: 405 },
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
  // The editor's GitHub sign-in (configured below with a GitHub no case reaches)
  { name: 'sign-in with another provider', path: '/api/auth?provider=gitlab', method: 'GET', status: 400 },
  { name: 'sign-in with a scope that is not scope names', path: `/api/auth?scope=${encodeURIComponent('repo user')}`, method: 'GET', status: 400 },
  { name: 'sign-in with a NUL in the scope', path: '/api/auth?scope=repo%00', method: 'GET', status: 400 },
  { name: 'sign-in callback without state or cookie', path: '/api/auth/callback?code=abc', method: 'GET', status: 400 },
  { name: 'sign-in callback with a forged state', path: '/api/auth/callback?code=abc&state=forged', method: 'GET', headers: { cookie: 'warta_oauth_state=0123456789abcdef0123456789abcdef0123456789abcdef' }, status: 400 },
  { name: 'sign-in callback with a broken escape in the code', path: '/api/auth/callback?code=%E0%A4%A&state=x', method: 'GET', status: 400 },
  ...EVERY_ROUTE,
  ...COMPLAINTS,
  ...RULES_AND_VERIFICATION,
];

const routePattern = (path: string) => new RegExp(`^${path.replace(/:\w+/g, '[^/?]+')}(\\?|$)`);
const ENGINE_RUNS = [
  { engine: 'sqlite' as const, skip: undefined },
  { engine: 'postgres' as const, skip: process.env.TEST_DATABASE_URL ? undefined : 'set TEST_DATABASE_URL to a PostgreSQL the tests may create databases on' },
];

for (const { engine, skip } of ENGINE_RUNS) {
  describe.skipIf(skip !== undefined)(`bad input on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let t: TestApp;
    const statuses: number[] = [];
    beforeAll(async () => {
      t = await createTestApp(engine, { WARTA_BODY_TIMEOUT: '1', WARTA_GITHUB_CLIENT_ID: 'Iv1.0123456789abcdef', WARTA_GITHUB_CLIENT_SECRET: '0123456789abcdef0123456789abcdef01234567', WARTA_GITHUB_URL: 'http://127.0.0.1:9' });
      const approved = await t.comment('banjir-palembang');
      await t.admin(`/api/admin/comments/${approved}/approve`, { method: 'POST' });
    });
    afterAll(() => t?.cleanup());

    test('the table has at least 200 cases', () => {
      expect(CASES.length).toBeGreaterThanOrEqual(200);
    });

    test('every route of the app has at least one case (a new route needs its own)', () => {
      const uncovered = t.app.routes.filter((r) => !CASES.some((c) => (c.method ?? 'POST') === r.method && routePattern(r.path).test(c.path)));
      expect(uncovered.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });

    test.each(CASES.map((c) => [c.name, c] as const))('%s gets a 4xx JSON error, not a 5xx', async (_, c) => {
      const headers = new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0', origin: ORIGIN, ...c.headers });
      if (headers.get('origin') === '') headers.delete('origin');
      const method = c.method ?? 'POST';
      const body = typeof c.body === 'function' ? c.body() : c.body;
      const init = { method, headers, body: body as BodyInit | undefined, ...(typeof c.body === 'function' ? { duplex: 'half' } : {}) } as RequestInit;
      const response = await t.app.fetch(new Request(`${ORIGIN}${c.path}`, init), { clientIp: '203.0.113.99' });
      statuses.push(response.status);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      if (c.status) expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const answer = (await response.json()) as { error: unknown; message: unknown };
      expect(answer.error).toEqual(expect.any(String));
      expect(answer.message).toEqual(expect.any(String));
      expect(JSON.stringify(answer)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d/);
      expect(JSON.stringify(answer)).not.toContain('\\u0000');
      expect(JSON.stringify(answer)).not.toMatch(/siti@example\.com|a@b\.id/i);
    });

    test('no case got a 5xx, none was logged as an internal error or an outage, and nothing was stored', async () => {
      const fiveXX = statuses.filter((s) => s >= 500).length;
      console.info(`bad input on ${engine}: ${statuses.length} requests, ${fiveXX} answered 5xx`);
      expect(statuses).toHaveLength(CASES.length);
      expect(fiveXX).toBe(0);
      expect(t.log.lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(t.log.lines.filter((l) => l.msg === 'client aborted the request')).toHaveLength(1);
      expect(await t.storage.countComments({})).toBe(1);
      expect(await t.storage.countComplaints('open')).toBe(0);
    });
  });
}
