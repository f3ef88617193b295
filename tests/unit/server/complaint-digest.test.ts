import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendComplaintDigest } from '../../../src/server/service/complaint-digest.ts';
import { loadSettings } from '../../../src/server/settings.ts';
import type { ComplaintRecord, Storage } from '../../../src/server/storage/storage.ts';
import { ENGINES, openTestStorage } from './helpers/engines.ts';
import { localSmtpServer, quotedPrintable } from './helpers/smtp-server.ts';

const NOW = new Date('2025-06-10T03:00:00.000Z');
const complaint = (over: Partial<ComplaintRecord>): ComplaintRecord => ({
  id: 'p1', articleId: 'banjir-palembang', commentId: null, reason: 'fitnah', text: 'Tidak benar.', contact: 'pelapor@example.com', status: 'open',
  createdAt: NOW.toISOString(), resolution: null, note: null, resolvedBy: null, resolvedAt: null, correctionDoneAt: null, correctionDoneBy: null, ...over,
});

describe.each(ENGINES)('complaints digest on %s', (engine) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof localSmtpServer>>;
  const settings = () =>
    loadSettings({ WARTA_SECRET: 'digest-test-secret-0123456789abcdef', WARTA_SMTP_URL: smtp.url, WARTA_SMTP_FROM: 'warta@liputanabn.com', WARTA_SMTP_TO: 'redaksi@liputanabn.com', WARTA_SITE_URL: 'https://liputanabn.com' });
  beforeAll(async () => {
    ({ storage, cleanup } = await openTestStorage(engine));
    smtp = await localSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await cleanup();
  });

  test('mails nothing when no complaint is open', async () => {
    expect(await sendComplaintDigest(storage, settings(), NOW)).toEqual({ open: 0, overdue: 0, sent: false });
    expect(smtp.messages).toEqual([]);
  });

  test('mails the editors every open complaint, overdue ones first, without the reader’s contact', async () => {
    await storage.insertComplaint(complaint({ id: 'fresh', createdAt: '2025-06-10T01:00:00.000Z', text: 'Baru saja.' }));
    await storage.insertComplaint(complaint({ id: 'late', commentId: 'k1', reason: 'sara', createdAt: '2025-06-07T03:00:00.000Z', text: 'Sudah tiga hari.' }));
    await storage.insertComplaint(complaint({ id: 'done', status: 'resolved', createdAt: '2025-06-01T03:00:00.000Z', text: 'Selesai.' }));
    expect(await sendComplaintDigest(storage, settings(), NOW)).toEqual({ open: 2, overdue: 1, sent: true });
    expect(smtp.messages).toHaveLength(1);
    const mail = quotedPrintable(smtp.messages[0]!.raw);
    expect(mail).toMatch(/^To: redaksi@liputanabn\.com/m);
    expect(mail).toContain('2 laporan pembaca terbuka, 1 lewat tenggat');
    expect(mail.indexOf('Sudah tiga hari.')).toBeLessThan(mail.indexOf('Baru saja.'));
    expect(mail).toContain('LEWAT TENGGAT · sara · komentar k1 · banjir-palembang');
    expect(mail).toContain('https://liputanabn.com/moderasi/');
    expect(mail).not.toContain('Selesai.');
    expect(mail).not.toContain('pelapor@example.com');
  });
});
