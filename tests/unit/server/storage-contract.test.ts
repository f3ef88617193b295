import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CommentRecord, ComplaintRecord, EmailVerificationRecord, ImportedComment, Storage } from '../../../src/server/storage/storage.ts';
import { ENGINES, openTestStorage } from './helpers/engines.ts';

const comment = (over: Partial<CommentRecord>): CommentRecord => ({
  id: 'c1',
  articleId: 'a',
  parentId: null,
  authorName: 'Siti',
  authorEmail: 'siti@example.com',
  authorWebsite: null,
  authorKind: 'reader',
  text: 'Halo',
  status: 'pending',
  createdAt: '2025-06-10T03:00:00.000Z',
  moderatedAt: null,
  moderatedBy: null,
  rulesAccepted: { rules: '/aturan-komentar/?v=3f9a1c2b0d', at: '2025-06-10T03:00:00.000Z' },
  ...over,
});

const complaint = (over: Partial<ComplaintRecord>): ComplaintRecord => ({
  id: 'p1',
  articleId: 'a',
  commentId: null,
  reason: 'fitnah',
  text: 'Berita ini fitnah.',
  contact: 'siti@example.com',
  status: 'open',
  createdAt: '2025-06-10T03:00:00.000Z',
  resolution: null,
  note: null,
  resolvedBy: null,
  resolvedAt: null,
  correctionDoneAt: null,
  correctionDoneBy: null,
  ...over,
});

describe.each(ENGINES)('storage contract on %s', (engine) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, cleanup } = await openTestStorage(engine));
  });
  afterAll(() => cleanup());

  describe('migrations', () => {
    test('running migrations again changes nothing and does not fail', async () => {
      await storage.migrate();
      await storage.migrate();
      expect(await storage.ping()).toBe(true);
    });
  });

  describe('views', () => {
    test('counts a new visitor once per article per day and returns the new total', async () => {
      expect(await storage.recordView({ articleId: 'v1', day: '2025-06-10', visitor: 'x' })).toEqual({ counted: true, total: 1 });
      expect(await storage.recordView({ articleId: 'v1', day: '2025-06-10', visitor: 'x' })).toEqual({ counted: false, total: 1 });
      expect(await storage.recordView({ articleId: 'v1', day: '2025-06-10', visitor: 'y' })).toEqual({ counted: true, total: 2 });
      expect(await storage.recordView({ articleId: 'v1', day: '2025-06-11', visitor: 'x' })).toEqual({ counted: true, total: 3 });
      expect(await storage.recordView({ articleId: 'v2', day: '2025-06-11', visitor: 'x' })).toEqual({ counted: true, total: 1 });
    });

    test('concurrent views of one article are all counted', async () => {
      await Promise.all(Array.from({ length: 50 }, (_, i) => storage.recordView({ articleId: 'v3', day: '2025-06-10', visitor: `p${i}` })));
      expect((await storage.viewTotals(['v3'])).get('v3')).toBe(50);
    });

    test('returns totals only for ids that have views', async () => {
      const totals = await storage.viewTotals(['v1', 'v2', 'nothing']);
      expect(Object.fromEntries(totals)).toEqual({ v1: 3, v2: 1 });
      expect((await storage.viewTotals([])).size).toBe(0);
    });

    test('ranks popular articles by views since a day, ties by id', async () => {
      expect(await storage.popular('2025-06-11', 10)).toEqual([
        { articleId: 'v1', views: 1 },
        { articleId: 'v2', views: 1 },
      ]);
      expect(await storage.popular('2025-06-01', 2)).toEqual([
        { articleId: 'v3', views: 50 },
        { articleId: 'v1', views: 3 },
      ]);
    });

    test('pruning forgets old visitor hashes but keeps the counts', async () => {
      await storage.prune('2025-06-11', '2000-01-01');
      expect(await storage.recordView({ articleId: 'v1', day: '2025-06-10', visitor: 'x' })).toEqual({ counted: true, total: 4 });
      expect(await storage.recordView({ articleId: 'v1', day: '2025-06-11', visitor: 'x' })).toEqual({ counted: false, total: 4 });
    });
  });

  describe('rate limits', () => {
    test('counts hits per bucket and window', async () => {
      expect(await storage.hit('b', '2025-06-10T03:00:00.000Z')).toBe(1);
      expect(await storage.hit('b', '2025-06-10T03:00:00.000Z')).toBe(2);
      expect(await storage.hit('b', '2025-06-10T03:10:00.000Z')).toBe(1);
      expect(await storage.hit('c', '2025-06-10T03:00:00.000Z')).toBe(1);
    });

    test('concurrent hits are never lost', async () => {
      const results = await Promise.all(Array.from({ length: 30 }, () => storage.hit('d', 'w')));
      expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });
  });

  describe('comments', () => {
    test('stores a comment and reads it back exactly', async () => {
      const c = comment({ id: 'k1', text: 'Baris satu\nbaris dua <b>', authorWebsite: 'https://siti.id' });
      await storage.insertComment(c);
      expect(await storage.getComment('k1')).toEqual(c);
      expect(await storage.getComment('missing')).toBeUndefined();
    });

    test('lists by article and status in the asked order, with limit and offset', async () => {
      await storage.insertComment(comment({ id: 'k2', articleId: 'b', status: 'approved', createdAt: '2025-06-10T03:00:01.000Z' }));
      await storage.insertComment(comment({ id: 'k3', articleId: 'b', status: 'approved', createdAt: '2025-06-10T03:00:02.000Z' }));
      await storage.insertComment(comment({ id: 'k4', articleId: 'b', status: 'pending', createdAt: '2025-06-10T03:00:03.000Z' }));
      const asc = await storage.listComments({ articleId: 'b', status: 'approved', order: 'asc', limit: 10 });
      expect(asc.map((c) => c.id)).toEqual(['k2', 'k3']);
      const desc = await storage.listComments({ articleId: 'b', order: 'desc', limit: 2, offset: 1 });
      expect(desc.map((c) => c.id)).toEqual(['k3', 'k2']);
      expect(await storage.countComments({ articleId: 'b' })).toBe(3);
      expect(await storage.countComments({ status: 'pending' })).toBe(2);
    });

    test('changes status with who and when, and reports unknown ids', async () => {
      expect(await storage.setCommentStatus('k4', 'spam', 'ana', '2025-06-10T04:00:00.000Z')).toBe(true);
      expect(await storage.getComment('k4')).toMatchObject({ status: 'spam', moderatedBy: 'ana', moderatedAt: '2025-06-10T04:00:00.000Z' });
      expect(await storage.setCommentStatus('nope', 'spam', 'ana', '2025-06-10T04:00:00.000Z')).toBe(false);
    });

    test('knows whether an email has an approved comment', async () => {
      expect(await storage.hasApprovedComment('siti@example.com')).toBe(true);
      expect(await storage.hasApprovedComment('other@example.com')).toBe(false);
    });

    test('exports and deletes everything under one email', async () => {
      await storage.insertComment(comment({ id: 'k5', authorEmail: 'budi@example.com' }));
      expect((await storage.commentsByEmail('siti@example.com')).map((c) => c.id)).toEqual(['k1', 'k2', 'k3', 'k4']);
      expect(await storage.deleteCommentsByEmail('siti@example.com')).toBe(4);
      expect(await storage.commentsByEmail('siti@example.com')).toEqual([]);
      expect(await storage.getComment('k5')).toBeDefined();
    });

    test('deletes one comment', async () => {
      expect(await storage.deleteComment('k5')).toBe(true);
      expect(await storage.deleteComment('k5')).toBe(false);
    });

    test('keeps SQL and HTML payloads as inert text', async () => {
      const text = "'); DROP TABLE comments; -- <script>alert(1)</script> ☕ 🇮🇩";
      await storage.insertComment(comment({ id: 'k6', text, authorName: "O'Brien" }));
      expect(await storage.getComment('k6')).toMatchObject({ text, authorName: "O'Brien" });
    });
  });

  describe('imported comments', () => {
    const imported = (over: Partial<ImportedComment>): ImportedComment => ({
      id: 'i1',
      sourceId: 'wp:1',
      parentSourceId: null,
      articleId: 'imp',
      authorName: 'Rahmat',
      authorEmail: 'rahmat@example.com',
      authorWebsite: null,
      authorKind: 'reader',
      text: 'Mantap',
      status: 'approved',
      createdAt: '2023-07-05T06:00:00.000Z',
      ...over,
    });

    test('stores imported comments with their status and resolves parents by source id', async () => {
      const n = await storage.importComments([
        imported({}),
        imported({ id: 'i2', sourceId: 'wp:2', parentSourceId: 'wp:1', status: 'pending', createdAt: '2023-07-05T07:00:00.000Z' }),
      ]);
      expect(n).toBe(2);
      expect(await storage.getComment('i2')).toMatchObject({ parentId: 'i1', status: 'pending', authorEmail: 'rahmat@example.com', moderatedAt: null });
    });

    test('finds a parent stored by an earlier import', async () => {
      await storage.importComments([imported({ id: 'i3', sourceId: 'wp:3', parentSourceId: 'wp:2', status: 'spam' })]);
      expect(await storage.getComment('i3')).toMatchObject({ parentId: 'i2', status: 'spam' });
    });

    test('skips comments whose source id is already stored and keeps their moderation', async () => {
      await storage.setCommentStatus('i1', 'rejected', 'ana', '2025-06-10T04:00:00.000Z');
      const n = await storage.importComments([imported({ id: 'other-id', text: 'changed' }), imported({ id: 'i4', sourceId: 'wp:4' })]);
      expect(n).toBe(1);
      expect(await storage.getComment('other-id')).toBeUndefined();
      expect(await storage.getComment('i1')).toMatchObject({ status: 'rejected', text: 'Mantap' });
      expect(await storage.countComments({ articleId: 'imp' })).toBe(4);
    });

    test('comments made on the site need no source id', async () => {
      await storage.insertComment(comment({ id: 'own1', articleId: 'imp' }));
      await storage.insertComment(comment({ id: 'own2', articleId: 'imp' }));
      expect(await storage.countComments({ articleId: 'imp' })).toBe(6);
    });
  });

  describe('starting view totals', () => {
    test('raises totals to the imported count and never lowers them', async () => {
      await storage.raiseViewTotals([
        { articleId: 's1', views: 1200 },
        { articleId: 's2', views: 5 },
      ]);
      await storage.recordView({ articleId: 's1', day: '2025-06-10', visitor: 'x' });
      await storage.raiseViewTotals([
        { articleId: 's1', views: 1200 },
        { articleId: 's2', views: 7 },
      ]);
      expect(Object.fromEntries(await storage.viewTotals(['s1', 's2']))).toEqual({ s1: 1201, s2: 7 });
      await storage.raiseViewTotals([]);
    });
  });

  describe('complaints', () => {
    test('stores a complaint and reads it back unchanged', async () => {
      await storage.insertComplaint(complaint({ id: 'p1' }));
      expect(await storage.getComplaint('p1')).toEqual(complaint({ id: 'p1' }));
      expect(await storage.getComplaint('nothing')).toBeUndefined();
    });

    test('lists one status oldest first, ties by id, and counts it', async () => {
      await storage.insertComplaint(complaint({ id: 'p3', commentId: 'k9', contact: null, createdAt: '2025-06-09T01:00:00.000Z' }));
      await storage.insertComplaint(complaint({ id: 'p2', createdAt: '2025-06-09T01:00:00.000Z' }));
      await storage.insertComplaint(complaint({ id: 'p4', status: 'rejected', createdAt: '2025-06-01T00:00:00.000Z' }));
      expect((await storage.listComplaints({ status: 'open', limit: 10 })).map((c) => c.id)).toEqual(['p2', 'p3', 'p1']);
      expect((await storage.listComplaints({ status: 'open', limit: 1 })).map((c) => c.id)).toEqual(['p2']);
      expect(await storage.countComplaints('open')).toBe(3);
      expect(await storage.countComplaints('resolved')).toBe(0);
    });

    test('resolves an open complaint once, recording who, when, how and why', async () => {
      const resolution = { status: 'resolved' as const, resolution: 'hide', note: 'SARA', by: 'ana', at: '2025-06-10T05:00:00.000Z' };
      expect(await storage.resolveComplaint('p3', resolution)).toBe(true);
      expect(await storage.resolveComplaint('p3', { ...resolution, status: 'rejected', by: 'budi' })).toBe(false);
      expect(await storage.resolveComplaint('nothing', resolution)).toBe(false);
      expect(await storage.getComplaint('p3')).toMatchObject({ status: 'resolved', resolution: 'hide', note: 'SARA', resolvedBy: 'ana', resolvedAt: '2025-06-10T05:00:00.000Z' });
      expect(await storage.countComplaints('open')).toBe(2);
    });

    test('two editors resolving one complaint at once settle it once', async () => {
      await storage.insertComplaint(complaint({ id: 'p5' }));
      const results = await Promise.all(
        ['ana', 'budi'].map((by) => storage.resolveComplaint('p5', { status: 'rejected', resolution: 'reject', note: null, by, at: '2025-06-10T06:00:00.000Z' })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('comment rules acceptance', () => {
    test('keeps which rules were accepted and when, or null where none were asked', async () => {
      const accepted = comment({ id: 'r1', authorEmail: 'rules@example.com', rulesAccepted: { rules: 'https://liputanabn.com/aturan-komentar/?v=abc', at: '2025-06-10T03:00:00.123Z' } });
      await storage.insertComment(accepted);
      await storage.insertComment(comment({ id: 'r2', authorEmail: 'rules@example.com', rulesAccepted: { rules: null, at: '2025-06-10T03:00:01.000Z' } }));
      await storage.insertComment(comment({ id: 'r3', authorEmail: null, authorKind: 'newsroom', rulesAccepted: null }));
      expect(await storage.getComment('r1')).toEqual(accepted);
      expect((await storage.getComment('r2'))?.rulesAccepted).toEqual({ rules: null, at: '2025-06-10T03:00:01.000Z' });
      expect((await storage.getComment('r3'))?.rulesAccepted).toBeNull();
      expect((await storage.commentsByEmail('rules@example.com')).map((c) => c.rulesAccepted?.at)).toEqual(['2025-06-10T03:00:00.123Z', '2025-06-10T03:00:01.000Z']);
    });

    test('releases a comment held for its confirmation link once, and no other comment', async () => {
      await storage.insertComment(comment({ id: 'r4', status: 'unverified' }));
      expect(await storage.releaseComment('r4', 'pending')).toBe(true);
      expect(await storage.releaseComment('r4', 'approved')).toBe(false);
      expect((await storage.getComment('r4'))?.status).toBe('pending');
      expect(await storage.releaseComment('r1', 'approved')).toBe(false);
      expect(await storage.countComments({ status: 'unverified' })).toBe(0);
    });
  });

  describe('email confirmation links', () => {
    const link = (over: Partial<EmailVerificationRecord>): EmailVerificationRecord => ({
      tokenHash: 'h1',
      email: 'link@example.com',
      commentId: 'c-link',
      createdAt: '2025-06-10T03:00:00.000Z',
      expiresAt: '2025-06-11T03:00:00.000Z',
      usedAt: null,
      ...over,
    });

    test('a link is used once, and says afterwards that it was used', async () => {
      await storage.insertEmailVerification(link({}));
      expect(await storage.useEmailVerification('h1', '2025-06-10T04:00:00.000Z')).toEqual({ used: true, record: link({}) });
      expect(await storage.useEmailVerification('h1', '2025-06-10T04:00:01.000Z')).toEqual({ used: false, record: link({ usedAt: '2025-06-10T04:00:00.000Z' }) });
      expect(await storage.useEmailVerification('unknown', '2025-06-10T04:00:00.000Z')).toBeUndefined();
    });

    test('an expired link is not used', async () => {
      await storage.insertEmailVerification(link({ tokenHash: 'h2' }));
      expect(await storage.useEmailVerification('h2', '2025-06-11T03:00:00.000Z')).toEqual({ used: false, record: link({ tokenHash: 'h2' }) });
    });

    test('two clicks at once use a link once', async () => {
      await storage.insertEmailVerification(link({ tokenHash: 'h3' }));
      const results = await Promise.all([1, 2, 3].map(() => storage.useEmailVerification('h3', '2025-06-10T05:00:00.000Z')));
      expect(results.filter((r) => r?.used)).toHaveLength(1);
    });

    test('lists and erases the links of one address, and drops the links of one comment', async () => {
      await storage.insertEmailVerification(link({ tokenHash: 'h4', email: 'other@example.com', commentId: 'c-other' }));
      expect((await storage.emailVerificationsByEmail('link@example.com')).map((v) => v.tokenHash)).toEqual(['h1', 'h2', 'h3']);
      await storage.deleteEmailVerificationsOfComment('c-other');
      expect(await storage.emailVerificationsByEmail('other@example.com')).toEqual([]);
      expect(await storage.deleteEmailVerificationsByEmail('link@example.com')).toBe(3);
      expect(await storage.emailVerificationsByEmail('link@example.com')).toEqual([]);
    });
  });

  describe('owed corrections and complaint contacts', () => {
    test('a complaint resolved with "correct" is owed until its correction is reported done, once', async () => {
      await storage.insertComplaint(complaint({ id: 'q1', createdAt: '2025-06-08T00:00:00.000Z' }));
      await storage.insertComplaint(complaint({ id: 'q2', createdAt: '2025-06-08T00:00:01.000Z' }));
      const at = '2025-06-10T07:00:00.000Z';
      await storage.resolveComplaint('q1', { status: 'resolved', resolution: 'correct', note: 'Angka korban salah', by: 'ana', at });
      await storage.resolveComplaint('q2', { status: 'rejected', resolution: 'reject', note: null, by: 'ana', at });
      expect((await storage.listOwedCorrections(10)).map((c) => c.id)).toEqual(['q1']);
      expect(await storage.markCorrectionDone('q2', 'budi', at)).toBe(false);
      expect(await storage.markCorrectionDone('q1', 'budi', '2025-06-10T08:00:00.000Z')).toBe(true);
      expect(await storage.markCorrectionDone('q1', 'ana', '2025-06-10T09:00:00.000Z')).toBe(false);
      expect(await storage.getComplaint('q1')).toMatchObject({ correctionDoneBy: 'budi', correctionDoneAt: '2025-06-10T08:00:00.000Z' });
      expect(await storage.listOwedCorrections(10)).toEqual([]);
    });

    test('clears the contact of complaints filed with one email, in any case, and no other', async () => {
      await storage.insertComplaint(complaint({ id: 'q3', contact: 'Pelapor@Example.com' }));
      await storage.insertComplaint(complaint({ id: 'q4', contact: 'pelapor@example.com.au' }));
      await storage.insertComplaint(complaint({ id: 'q5', contact: null }));
      expect(await storage.clearComplaintContacts('pelapor@example.com')).toBe(1);
      expect((await storage.getComplaint('q3'))?.contact).toBeNull();
      expect((await storage.getComplaint('q4'))?.contact).toBe('pelapor@example.com.au');
    });
  });

  describe('audit', () => {
    test('appends entries and lists the newest first', async () => {
      await storage.appendAudit({ id: 'a1', at: '2025-06-10T03:00:00.000Z', editor: 'ana', action: 'approve', commentId: 'k1', detail: { from: 'pending' } });
      await storage.appendAudit({ id: 'a2', at: '2025-06-10T03:01:00.000Z', editor: 'budi', action: 'delete', commentId: null, detail: {} });
      expect(await storage.listAudit(10)).toEqual([
        { id: 'a2', at: '2025-06-10T03:01:00.000Z', editor: 'budi', action: 'delete', commentId: null, detail: {} },
        { id: 'a1', at: '2025-06-10T03:00:00.000Z', editor: 'ana', action: 'approve', commentId: 'k1', detail: { from: 'pending' } },
      ]);
    });
  });
});
