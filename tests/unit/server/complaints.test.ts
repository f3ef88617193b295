import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, type Engine } from './helpers/engines.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const HOURS = 3600;

async function withApp(engine: Engine, env: Record<string, string>, run: (t: TestApp) => Promise<void>) {
  const t = await createTestApp(engine, env);
  try {
    await run(t);
  } finally {
    await t.cleanup();
  }
}

type Listed = { total: number; items: Array<Record<string, unknown> & { id: string; msLeft: number; overdue: boolean; deadline: string; createdAt: string }> };

describe.each(ENGINES)('complaints on %s', (engine) => {
  let t: TestApp;
  let published: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    published = await t.comment('banjir-palembang', { text: 'Komentar yang dilaporkan.' });
    await t.admin(`/api/admin/comments/${published}/approve`, { method: 'POST' });
  });
  afterAll(() => t.cleanup());

  const report = async (fields: Record<string, unknown> = {}, ip?: string) =>
    t.request('/api/complaints', {
      json: { articleId: 'banjir-palembang', reason: 'fitnah', text: 'Isi berita ini tidak benar.', token: await t.token('banjir-palembang'), ...fields },
      ip,
    });
  const open = async () => (await (await t.admin('/api/admin/complaints')).json()) as Listed;

  describe('reporting', () => {
    test('takes a complaint about a story, answers 201 with the 2×24-hour promise and never echoes the contact', async () => {
      const r = await report({ contact: 'pembaca@example.com' });
      expect(r.status).toBe(201);
      const text = await r.text();
      expect(JSON.parse(text)).toEqual({ id: expect.stringMatching(/^[a-z0-9]{20}$/), status: 'open', message: expect.stringContaining('2×24 jam') });
      expect(text).not.toMatch(EMAIL);
      expect(r.headers.get('cache-control')).toBe('no-store');
    });

    test('takes a complaint about a published comment on that story', async () => {
      const r = await report({ commentId: published, reason: 'sara', contact: '' });
      expect(r.status).toBe(201);
    });

    test('refuses a comment that is not published on that story, without saying whether it exists', async () => {
      const held = await t.comment('banjir-palembang', { text: 'Masih ditahan.' });
      for (const commentId of [held, 'zzzzzzzz']) {
        const r = await report({ commentId });
        expect(r.status).toBe(422);
        expect(await r.json()).toMatchObject({ error: 'unknown_comment', message: 'commentId: no published comment with this id on this article' });
      }
      const other = await report({ articleId: 'pilkada-sumsel', commentId: published, token: await t.token('pilkada-sumsel') });
      expect(other.status).toBe(422);
    });

    test('names the wrong field and the reasons it accepts', async () => {
      const r = await report({ reason: 'bosan' });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'invalid_input', message: 'reason: must be one of fitnah, sara, pornografi, kekerasan, data-pribadi, lainnya' });
    });

    test('refuses a filled honeypot and a JSON post without a form token', async () => {
      expect(await (await report({ company: 'ACME' })).json()).toMatchObject({ error: 'honeypot' });
      const r = await t.request('/api/complaints', { json: { articleId: 'banjir-palembang', reason: 'fitnah', text: 'x' } });
      expect(await r.json()).toMatchObject({ error: 'token_required' });
    });

    test('a plain form post lands back on the story with the outcome in the fragment', async () => {
      const form = { articleId: 'banjir-palembang', commentId: '', reason: 'lainnya', text: 'Tolong periksa.', contact: '', company: '' };
      const ok = await t.request('/api/complaints', { form, headers: { accept: 'text/html' } });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/2024/05/banjir-palembang/?laporan=terkirim#laporan-terkirim');
      const bad = await t.request('/api/complaints', { form: { ...form, reason: 'x' }, headers: { accept: 'text/html' } });
      expect(bad.status).toBe(303);
      expect(bad.headers.get('location')).toBe('/2024/05/banjir-palembang/?laporan=gagal&reason=invalid_input#laporan-gagal');
    });

    test('refuses a post from another site', async () => {
      const r = await t.request('/api/complaints', { json: { articleId: 'banjir-palembang', reason: 'fitnah', text: 'x' }, headers: { origin: 'https://evil.example' } });
      expect(r.status).toBe(403);
    });

    test('limits complaints per network per window, apart from comments', async () => {
      await withApp(engine, { WARTA_COMMENT_RATE_MAX: '2', WARTA_COMMENT_RATE_WINDOW: '600' }, async (app) => {
        const send = async (ip: string) =>
          app.request('/api/complaints', { json: { articleId: 'harga-cabai', reason: 'fitnah', text: 'Salah.', token: await app.token('harga-cabai') }, ip });
        expect((await send('192.0.2.60')).status).toBe(201);
        expect((await send('192.0.2.60')).status).toBe(201);
        const r = await send('192.0.2.60');
        expect(r.status).toBe(429);
        expect(await r.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/^too many complaints from your network; try again in \d+ seconds$/) });
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await send('192.0.2.61')).status).toBe(201);
        await app.comment('harga-cabai', {}, '192.0.2.60');
      });
    });
  });

  describe('the editors’ queue', () => {
    test('needs an editor token', async () => {
      expect((await t.request('/api/admin/complaints')).status).toBe(401);
      expect((await t.request('/api/admin/complaints/x/resolve', { json: { action: 'reject' } })).status).toBe(401);
    });

    test('lists open complaints oldest first with the 48-hour deadline, the contact for editors, and the reported comment', async () => {
      const list = await open();
      expect(list.total).toBe(list.items.length);
      expect(list.items.map((c) => c.createdAt)).toEqual([...list.items.map((c) => c.createdAt)].sort());
      const first = list.items[0]!;
      expect(first).toMatchObject({ articleId: 'banjir-palembang', articleTitle: 'Banjir di Palembang', contact: 'pembaca@example.com', overdue: false });
      expect(Date.parse(first.deadline) - Date.parse(first.createdAt)).toBe(48 * HOURS * 1000);
      expect(list.items.find((c) => c.commentId === published)).toMatchObject({ reason: 'sara', commentText: 'Komentar yang dilaporkan.', commentStatus: 'approved' });
    });

    test('marks a complaint overdue once 48 hours have passed, by the app clock', async () => {
      const before = (await open()).items[0]!;
      t.clock.advance(48 * HOURS + 60);
      const after = (await open()).items.find((c) => c.id === before.id)!;
      expect(after.overdue).toBe(true);
      expect(after.msLeft).toBeLessThan(0);
      expect(after.msLeft).toBe(before.msLeft - (48 * HOURS + 60) * 1000);
    });

    test('hiding a reported comment takes it off the story, settles the complaint and audits both', async () => {
      const c = (await open()).items.find((i) => i.commentId === published)!;
      const r = await t.admin(`/api/admin/complaints/${c.id}/resolve`, { json: { action: 'hide', note: 'Mengandung SARA.' }, editor: 'budi' });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ id: c.id, status: 'resolved', resolution: 'hide' });
      const thread = (await (await t.request('/api/comments/banjir-palembang')).json()) as { comments: Array<{ id: string }> };
      expect(thread.comments.map((x) => x.id)).not.toContain(published);
      const { entries } = (await (await t.admin('/api/admin/audit?limit=5')).json()) as { entries: Array<{ action: string; editor: string; commentId: string | null; detail: Record<string, unknown> }> };
      expect(entries.slice(0, 2)).toEqual([
        expect.objectContaining({ action: 'complaint-hide', editor: 'budi', commentId: published, detail: expect.objectContaining({ complaintId: c.id, note: 'Mengandung SARA.' }) }),
        expect.objectContaining({ action: 'reject', editor: 'budi', commentId: published }),
      ]);
      const resolved = (await (await t.admin('/api/admin/complaints?status=resolved')).json()) as Listed;
      expect(resolved.items).toEqual([expect.objectContaining({ id: c.id, resolvedBy: 'budi', resolution: 'hide', overdue: false })]);
    });

    test('a settled complaint cannot be settled again', async () => {
      const [c] = ((await (await t.admin('/api/admin/complaints?status=resolved')).json()) as Listed).items;
      const r = await t.admin(`/api/admin/complaints/${c!.id}/resolve`, { json: { action: 'reject' } });
      expect(r.status).toBe(409);
      expect(await r.json()).toMatchObject({ error: 'already_resolved' });
    });

    test('marks a story for correction or rejects a complaint, and refuses to hide a story', async () => {
      const [story, other] = (await open()).items.filter((i) => i.commentId === null);
      const hide = await t.admin(`/api/admin/complaints/${story!.id}/resolve`, { json: { action: 'hide' } });
      expect(hide.status).toBe(422);
      expect(await hide.json()).toMatchObject({ error: 'not_a_comment' });
      expect(await (await t.admin(`/api/admin/complaints/${story!.id}/resolve`, { json: { action: 'correct', note: '' } })).json()).toMatchObject({ status: 'resolved', resolution: 'correct' });
      expect(await (await t.admin(`/api/admin/complaints/${other!.id}/resolve`, { json: { action: 'reject' } })).json()).toMatchObject({ status: 'rejected' });
      const { entries } = (await (await t.admin('/api/admin/audit?limit=2')).json()) as { entries: Array<{ action: string; editor: string }> };
      expect(entries.map((e) => e.action)).toEqual(['complaint-reject', 'complaint-correct']);
    });
  });
});
