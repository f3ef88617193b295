import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSettings } from '../../../src/server/settings.ts';
import { ENGINES } from './helpers/engines.ts';
import { confirmationLink, localSmtpServer } from './helpers/smtp-server.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/*
 * The comment rules a reader accepts with each comment (Pedoman Pemberitaan Media
 * Siber §3a–c), the optional confirmed email before a first comment, with a real
 * local SMTP server and the app's clock, and the stories owed a correction.
 */

const RULES = '/aturan-komentar/?v=3f9a1c2b0d';
const READER = 'warga.baru@example.com';

describe.each(ENGINES)('comment rules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.cleanup());

  test('refuses a comment whose rules box is not ticked, with 422 saying how to fix it', async () => {
    const r = await t.request('/api/comments/banjir-palembang', { json: { name: 'Siti', email: 'siti@example.com', text: 'Halo', token: await t.token('banjir-palembang') } });
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual({
      error: 'rules_not_accepted',
      message: 'acceptRules: accept the comment rules first; tick "Saya menyetujui aturan komentar" (JSON: "acceptRules": true, with the rules page in "rules")',
      fields: [{ field: 'acceptRules', message: 'must be ticked to accept the comment rules' }],
    });
    expect(await t.storage.countComments({})).toBe(0);
  });

  test('sends a no-JavaScript form without the box back to the article with the reason', async () => {
    const r = await t.request('/api/comments/banjir-palembang', { form: { name: 'Tanpa JS', email: 'nojs@example.com', text: 'Halo' }, headers: { accept: 'text/html' } });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/2024/05/banjir-palembang/?comment=error&reason=rules_not_accepted#komentar-error');
  });

  test('stores which rules were accepted and when, from JSON and from a ticked checkbox, and shows it to moderators', async () => {
    const id = await t.comment('banjir-palembang', { rules: RULES }, '192.0.2.10');
    expect((await t.storage.getComment(id))?.rulesAccepted).toEqual({ rules: RULES, at: t.clock.now.toISOString() });
    const form = await t.request('/api/comments/banjir-palembang', {
      form: { name: 'Tanpa JS', email: 'nojs@example.com', text: 'Dari formulir', acceptRules: 'on', rules: `https://liputanabn.com${RULES}` },
      ip: '192.0.2.11',
    });
    expect(form.status).toBe(201);
    const formId = ((await form.json()) as { id: string }).id;
    expect((await t.storage.getComment(formId))?.rulesAccepted).toEqual({ rules: `https://liputanabn.com${RULES}`, at: t.clock.now.toISOString() });
    const queue = (await (await t.admin('/api/admin/comments')).json()) as { items: Array<{ id: string; rulesAccepted: unknown }> };
    expect(queue.items.find((c) => c.id === id)?.rulesAccepted).toEqual({ rules: RULES, at: expect.any(String) });
    const exported = (await (await t.admin('/api/admin/privacy/export', { json: { email: 'nojs@example.com' } })).json()) as { comments: Array<{ rulesAccepted: unknown }> };
    expect(exported.comments.map((c) => c.rulesAccepted)).toEqual([{ rules: `https://liputanabn.com${RULES}`, at: expect.any(String) }]);
  });

  test('keeps a story marked for correction on the editors’ list until the correction is reported done', async () => {
    const { token } = (await (await t.request('/api/comments/pilkada-sumsel/token')).json()) as { token: string };
    t.clock.advance(5);
    const filed = await t.request('/api/complaints', { json: { articleId: 'pilkada-sumsel', reason: 'lainnya', text: 'Jumlah TPS keliru.', token }, ip: '192.0.2.12' });
    const { id } = (await filed.json()) as { id: string };
    expect((await (await t.admin('/api/admin/corrections')).json()) as unknown).toEqual({ items: [] });
    await t.admin(`/api/admin/complaints/${id}/resolve`, { json: { action: 'correct', note: 'Ralat angka TPS' } });
    expect(await (await t.admin('/api/admin/corrections')).json()).toEqual({
      items: [{ id, articleId: 'pilkada-sumsel', articleTitle: 'Pilkada Sumsel', reason: 'lainnya', text: 'Jumlah TPS keliru.', note: 'Ralat angka TPS', resolvedBy: 'ana', resolvedAt: expect.any(String) }],
    });
    expect(await (await t.admin(`/api/admin/corrections/${id}/done`, { method: 'POST', editor: 'budi' })).json()).toEqual({ id, correctionDone: true });
    expect(await (await t.admin('/api/admin/corrections')).json()).toEqual({ items: [] });
    const again = await t.admin(`/api/admin/corrections/${id}/done`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'no_correction_owed', message: 'this correction was already reported done by budi' });
    const { entries } = (await (await t.admin('/api/admin/audit?limit=1')).json()) as { entries: Array<Record<string, unknown>> };
    expect(entries[0]).toMatchObject({ editor: 'budi', action: 'correction-done', detail: { complaintId: id, articleId: 'pilkada-sumsel' } });
  });
});

describe.each(ENGINES)('a confirmed email before a first comment on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof localSmtpServer>>;
  const env = () => ({
    WARTA_COMMENT_VERIFY_EMAIL: '1',
    WARTA_SMTP_URL: smtp.url,
    WARTA_SMTP_FROM: 'warta@liputanabn.com',
    WARTA_SMTP_TO: 'redaksi@liputanabn.com',
    WARTA_SITE_URL: 'https://liputanabn.com',
    WARTA_COMMENT_RATE_MAX: '3',
  });
  beforeAll(async () => {
    smtp = await localSmtpServer();
    t = await createTestApp(engine, env());
  });
  afterAll(async () => {
    await t.cleanup();
    await smtp.close();
  });

  const post = async (fields: Record<string, unknown>, ip: string) =>
    t.request('/api/comments/banjir-palembang', { json: { name: 'Warga Baru', email: READER, text: 'Air sudah setinggi lutut.', acceptRules: true, rules: RULES, token: await t.token('banjir-palembang'), ...fields }, ip });
  const confirm = (token: string | null) => t.request('/api/email-verification', { json: { token } });
  let proof: string;

  test('is refused at start without a mail server to send the links', () => {
    expect(() => loadSettings({ WARTA_SECRET: 's3cret-for-tests-only-0123456789abcdef', WARTA_COMMENT_VERIFY_EMAIL: '1' })).toThrow(
      'WARTA_COMMENT_VERIFY_EMAIL: needs WARTA_SMTP_URL (with WARTA_SMTP_FROM and WARTA_SMTP_TO) to mail the confirmation links',
    );
  });

  test('holds a first comment out of the queue, mails a one-time link to the commenter only, and never echoes the address', async () => {
    const r = await post({}, '192.0.2.20');
    expect(r.status).toBe(202);
    const text = await r.text();
    expect(text).not.toContain(READER);
    const body = JSON.parse(text) as { id: string; status: string; message: string };
    expect(body).toEqual({ id: expect.any(String), status: 'unverified', message: 'Kami mengirim tautan konfirmasi ke alamat email Anda. Buka tautan itu agar komentar Anda diteruskan ke moderasi.' });
    expect((await t.storage.getComment(body.id))?.status).toBe('unverified');
    const queue = (await (await t.admin('/api/admin/comments')).json()) as { total: number };
    expect(queue.total).toBe(0);
    expect(smtp.to('redaksi@liputanabn.com')).toEqual([]);
    const [mail, ...more] = smtp.to(READER);
    expect(more).toEqual([]);
    expect(mail).toContain('Halo Warga Baru,');
    expect(mail).toContain('dalam 24 jam');
    const link = confirmationLink(mail!);
    expect(link.origin + link.pathname).toBe('https://liputanabn.com/verifikasi-komentar/');
    // Only a hash is kept: the token in the mail is nowhere in the database.
    const [stored] = await t.storage.emailVerificationsByEmail(READER);
    expect(stored!.tokenHash).not.toBe(link.searchParams.get('token'));
    expect(JSON.stringify(stored)).not.toContain(link.searchParams.get('token'));
  });

  test('the link from the mail releases the comment to moderation once; a second use says it was used', async () => {
    const [mail] = smtp.to(READER);
    const token = confirmationLink(mail!).searchParams.get('token');
    const r = await confirm(token);
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toContain(READER);
    const body = JSON.parse(text) as { status: string; message: string; articleUrl: string; emailProof: string };
    expect(body).toEqual({ status: 'pending', message: 'Email Anda terkonfirmasi. Komentar Anda kini menunggu moderasi.', articleUrl: '/2024/05/banjir-palembang/', emailProof: expect.stringMatching(/^\d+\.[\w-]{24}$/) });
    proof = body.emailProof;
    const queue = (await (await t.admin('/api/admin/comments')).json()) as { items: Array<{ text: string; status: string }> };
    expect(queue.items.map((c) => [c.text, c.status])).toEqual([['Air sudah setinggi lutut.', 'pending']]);
    // The editors hear of it now, as of any new comment.
    expect(smtp.to('redaksi@liputanabn.com')).toHaveLength(1);

    const second = await confirm(token);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: 'link_used' });
    expect(await t.storage.countComments({ status: 'pending' })).toBe(1);
  });

  test('a browser that brings its proof comments without a new link; another address, or a forged proof, still needs one', async () => {
    const mailsBefore = smtp.to(READER).length;
    const again = await post({ text: 'Sekarang sudah surut.', emailProof: proof }, '192.0.2.21');
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ status: 'pending' });
    expect(smtp.to(READER)).toHaveLength(mailsBefore);

    const other = await post({ email: 'tetangga@example.com', emailProof: proof }, '192.0.2.22');
    expect(other.status).toBe(202);
    const forged = await post({ text: 'Palsu', emailProof: `${proof.split('.')[0]}.${'A'.repeat(24)}` }, '192.0.2.23');
    expect(forged.status).toBe(202);
    expect(smtp.to(READER)).toHaveLength(mailsBefore + 1);
  });

  test('an expired link fails with 410 and leaves its comment held', async () => {
    const held = (await (await post({ email: 'lambat@example.com' }, '192.0.2.24')).json()) as { id: string };
    const token = confirmationLink(smtp.to('lambat@example.com')[0]!).searchParams.get('token');
    t.clock.advance(24 * 3600 + 1);
    const r = await confirm(token);
    expect(r.status).toBe(410);
    expect(await r.json()).toEqual({ error: 'link_expired', message: 'this confirmation link has expired; send the comment again to get a new link' });
    expect((await t.storage.getComment(held.id))?.status).toBe('unverified');
  });

  test('limits confirmation mails to one address like comments, without naming it', async () => {
    const target = 'korban.spam@example.com';
    for (const ip of ['192.0.2.30', '192.0.2.31', '192.0.2.32']) expect((await post({ email: target }, ip)).status).toBe(202);
    const r = await post({ email: target }, '192.0.2.33');
    expect(r.status).toBe(429);
    const text = await r.text();
    expect(text).not.toContain(target);
    expect(JSON.parse(text)).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/^too many confirmation mails to this address; try again in \d+ seconds$/) });
    expect(smtp.to(target)).toHaveLength(3);
  });

  test('erasing an address removes its confirmation links and counts them', async () => {
    const before = (await t.storage.emailVerificationsByEmail('lambat@example.com')).length;
    expect(before).toBe(1);
    const exported = (await (await t.admin('/api/admin/privacy/export', { json: { email: 'lambat@example.com' } })).json()) as { verifications: unknown[] };
    expect(exported.verifications).toEqual([{ commentId: expect.any(String), createdAt: expect.any(String), expiresAt: expect.any(String), usedAt: null }]);
    expect(await (await t.admin('/api/admin/privacy/delete', { json: { email: 'lambat@example.com' } })).json()).toEqual({ deleted: 1, verifications: 1, complaintContacts: 0 });
    expect(await t.storage.emailVerificationsByEmail('lambat@example.com')).toEqual([]);
  });

  test('when the mail cannot be sent, the comment is not kept and the reader is told to try again', async () => {
    const broken = await createTestApp(engine, { ...env(), WARTA_SMTP_URL: 'smtp://127.0.0.1:9' });
    try {
      const r = await broken.request('/api/comments/banjir-palembang', {
        json: { name: 'Siti', email: 'siti@example.com', text: 'Halo', acceptRules: true, token: await broken.token('banjir-palembang') },
      });
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ error: 'mail_failed', message: 'the confirmation mail could not be sent; your comment was not kept, try again in a few minutes' });
      expect(await broken.storage.countComments({})).toBe(0);
      expect(await broken.storage.emailVerificationsByEmail('siti@example.com')).toEqual([]);
    } finally {
      await broken.cleanup();
    }
  });
});
