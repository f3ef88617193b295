/**
 * `npm run complaints:digest` — mails the editors (WARTA_SMTP_TO, through
 * WARTA_SMTP_URL, the same path as new-comment mail) every open reader complaint,
 * overdue ones first. Meant for the platform's scheduler; see docs/comments-api.md.
 */
import { sendComplaintDigest } from '../src/server/service/complaint-digest.ts';
import { loadSettings, SettingsError } from '../src/server/settings.ts';
import { openStorage } from '../src/server/storage/open-storage.ts';

try {
  // The digest signs nothing; a placeholder keeps the one settings schema usable here.
  const settings = loadSettings({ WARTA_SECRET: 'digest-does-not-use-the-secret-0000', ...process.env });
  if (!settings.smtp) throw new SettingsError(['WARTA_SMTP_URL: required for the digest (with WARTA_SMTP_FROM and WARTA_SMTP_TO)']);
  const storage = await openStorage(settings);
  try {
    const { open, overdue, sent } = await sendComplaintDigest(storage, settings, new Date());
    console.log(`warta: ${open} open complaints, ${overdue} overdue; ${sent ? `digest mailed to ${settings.smtp.to.length} editors` : 'nothing to mail'}`);
  } finally {
    await storage.close();
  }
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : `warta: digest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
