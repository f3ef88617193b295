import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES } from './helpers/engines.ts';
import { createTestApp, EDITORS, type TestApp } from './helpers/test-app.ts';

describe.each(ENGINES)('moderation API on %s', (engine) => {
  let t: TestApp;
  let pending: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    pending = await t.comment('banjir-palembang', { name: 'Rina', email: 'rina@example.com', text: 'Jalan tergenang' });
  });
  afterAll(() => t.cleanup());

  describe('authentication', () => {
    test.each([
      ['no header', undefined],
      ['a wrong token', 'Bearer wrong-token-0123456789abcdefgh'],
      ['another scheme', `Basic ${EDITORS.ana}`],
      ['a token prefix', `Bearer ${EDITORS.ana.slice(0, -1)}`],
    ])('refuses %s with 401', async (_, authorization) => {
      const r = await t.request('/api/admin/comments', { headers: authorization ? { authorization } : {} });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer realm="warta"');
      expect(await r.json()).toEqual({ error: 'unauthorized', message: 'send Authorization: Bearer <your editor token>' });
    });

    test('knows which editor a token belongs to', async () => {
      expect(await (await t.admin('/api/admin/me', { editor: 'budi' })).json()).toEqual({ editor: 'budi' });
    });

    test('is closed to everyone when no editors are configured', async () => {
      const closed = await createTestApp(engine, { WARTA_EDITORS: '' });
      try {
        expect((await closed.admin('/api/admin/me')).status).toBe(401);
      } finally {
        await closed.cleanup();
      }
    });
  });

  describe('queue', () => {
    test('lists pending comments newest first, with email and article title, never cached', async () => {
      const r = await t.admin('/api/admin/comments?status=pending');
      expect(r.headers.get('cache-control')).toBe('no-store, private');
      const body = (await r.json()) as { total: number; items: Array<Record<string, unknown>> };
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({ id: pending, authorEmail: 'rina@example.com', articleTitle: 'Banjir di Palembang', status: 'pending' });
    });

    test('approves, rejects and marks spam, each recorded in the audit trail', async () => {
      for (const action of ['spam', 'reject', 'approve'] as const) {
        const r = await t.admin(`/api/admin/comments/${pending}/${action}`, { method: 'POST', editor: 'budi' });
        expect(r.status).toBe(200);
      }
      expect(await t.storage.getComment(pending)).toMatchObject({ status: 'approved', moderatedBy: 'budi' });
      const { entries } = (await (await t.admin('/api/admin/audit')).json()) as { entries: Array<Record<string, unknown>> };
      expect(entries.slice(0, 3).map((e) => [e.editor, e.action, e.commentId, (e.detail as { to: string }).to])).toEqual([
        ['budi', 'approve', pending, 'approved'],
        ['budi', 'reject', pending, 'rejected'],
        ['budi', 'spam', pending, 'spam'],
      ]);
      expect(entries[0]!.at).toBe(t.clock.now.toISOString());
    });

    test('answers 404 for an unknown comment id', async () => {
      const r = await t.admin('/api/admin/comments/zzzz/approve', { method: 'POST' });
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ error: 'unknown_comment', message: 'no comment has the id "zzzz"' });
    });

    test('refuses an unknown status filter', async () => {
      expect(await (await t.admin('/api/admin/comments?status=all')).json()).toMatchObject({ error: 'invalid_input' });
    });
  });

  describe('newsroom replies', () => {
    test('publishes a reply as the newsroom under an approved comment', async () => {
      const r = await t.admin(`/api/admin/comments/${pending}/reply`, { json: { text: 'Terima kasih, Rina.' } });
      expect(r.status).toBe(201);
      const thread = (await (await t.request('/api/comments/banjir-palembang')).json()) as { comments: Array<{ replies: Array<Record<string, unknown>> }> };
      expect(thread.comments[0]!.replies[0]).toMatchObject({ author: { name: 'Redaksi', website: null, newsroom: true }, text: 'Terima kasih, Rina.' });
      const { entries } = (await (await t.admin('/api/admin/audit?limit=1')).json()) as { entries: Array<Record<string, unknown>> };
      expect(entries[0]).toMatchObject({ editor: 'ana', action: 'reply' });
    });

    test('refuses to reply to a comment that is not approved', async () => {
      const other = await t.comment('banjir-palembang', {}, '192.0.2.80');
      expect((await t.admin(`/api/admin/comments/${other}/reply`, { json: { text: 'x' } })).status).toBe(409);
    });
  });

  describe('privacy requests', () => {
    test('exports everything stored under an email, each comment with the rules its author accepted', async () => {
      const r = await t.admin('/api/admin/privacy/export', { json: { email: 'RINA@example.com' } });
      const body = (await r.json()) as { email: string; comments: Array<{ id: string; rulesAccepted: unknown }>; verifications: unknown[] };
      expect(body.email).toBe('rina@example.com');
      expect(body.comments.map((c) => c.id)).toEqual([pending]);
      expect(body.comments[0]!.rulesAccepted).toEqual({ rules: null, at: expect.stringMatching(/^2025-06-10T/) });
      expect(body.verifications).toEqual([]);
    });

    test('deletes everything stored under an email, clears it from complaints, and audits the counts without the address', async () => {
      const { token } = (await (await t.request('/api/comments/banjir-palembang/token')).json()) as { token: string };
      t.clock.advance(5);
      const complaint = { articleId: 'banjir-palembang', reason: 'fitnah', text: 'Tidak benar.', token };
      const filed = await t.request('/api/complaints', { json: { ...complaint, contact: ' Rina@Example.com ' }, ip: '192.0.2.90' });
      const other = await t.request('/api/complaints', { json: { ...complaint, contact: '0812-555-000' }, ip: '192.0.2.91' });
      const [filedId, otherId] = [((await filed.json()) as { id: string }).id, ((await other.json()) as { id: string }).id];

      const r = await t.admin('/api/admin/privacy/delete', { json: { email: 'rina@example.com' } });
      expect(await r.json()).toEqual({ deleted: 1, verifications: 0, complaintContacts: 1 });
      expect(await t.storage.commentsByEmail('rina@example.com')).toEqual([]);
      expect((await t.storage.getComplaint(filedId))?.contact).toBeNull();
      expect((await t.storage.getComplaint(otherId))?.contact).toBe('0812-555-000');
      const { entries } = (await (await t.admin('/api/admin/audit?limit=1')).json()) as { entries: Array<Record<string, unknown>> };
      expect(entries[0]).toMatchObject({ action: 'privacy-delete', detail: { count: 1, verifications: 0, complaintContacts: 1 } });
      const audit = await (await t.admin('/api/admin/audit')).text();
      expect(audit).not.toContain('rina@example.com');
    });
  });

  describe('deleting', () => {
    test('deletes one comment and records who did it', async () => {
      const id = await t.comment('harga-cabai', {}, '192.0.2.81');
      expect(await (await t.admin(`/api/admin/comments/${id}`, { method: 'DELETE', editor: 'budi' })).json()).toEqual({ id, deleted: true });
      expect(await t.storage.getComment(id)).toBeUndefined();
      const { entries } = (await (await t.admin('/api/admin/audit?limit=1')).json()) as { entries: Array<Record<string, unknown>> };
      expect(entries[0]).toMatchObject({ editor: 'budi', action: 'delete', commentId: id });
    });
  });
});
