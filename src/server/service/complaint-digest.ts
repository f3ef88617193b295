import type { ServerSettings } from '../../schemas/server-settings.ts';
import type { ComplaintRecord, Storage } from '../storage/storage.ts';
import { COMPLAINT_DEADLINE_MS } from '../../schemas/complaint.ts';
import { sendMail, type Mail } from './smtp.ts';

/*
 * `npm run complaints:digest`: one mail to the editors (WARTA_SMTP_TO) listing every
 * open complaint, overdue ones first, so none passes the guideline's 2×24 hours
 * unseen. Run by the platform's scheduler (docs/comments-api.md); it sends nothing
 * when no complaint is open. The reader's contact stays out of the mail: mailboxes
 * are forwarded and shared; editors see it on /moderasi/.
 */

const WORDS = {
  id: { subject: (open: number, late: number) => `[Warta] ${open} laporan pembaca terbuka, ${late} lewat tenggat`, late: 'LEWAT TENGGAT', left: 'tenggat', story: 'berita', comment: 'komentar', queue: 'Tindak lanjuti di' },
  en: { subject: (open: number, late: number) => `[Warta] ${open} open reader reports, ${late} overdue`, late: 'OVERDUE', left: 'due', story: 'story', comment: 'comment', queue: 'Act on them at' },
} as const;

export function complaintDigest(open: readonly ComplaintRecord[], now: Date, settings: Pick<ServerSettings, 'locale' | 'timeZone' | 'siteUrl' | 'smtp'>): Mail | undefined {
  if (open.length === 0 || !settings.smtp) return undefined;
  const w = WORDS[settings.locale];
  const dates = new Intl.DateTimeFormat(settings.locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone });
  const due = (c: ComplaintRecord) => Date.parse(c.createdAt) + COMPLAINT_DEADLINE_MS;
  const late = open.filter((c) => due(c) < now.getTime());
  const ordered = [...late, ...open.filter((c) => due(c) >= now.getTime())];
  const lines = ordered.map((c) => {
    const flag = due(c) < now.getTime() ? `${w.late} · ` : '';
    const target = c.commentId ? `${w.comment} ${c.commentId} · ${c.articleId}` : `${w.story} ${c.articleId}`;
    // One line of the reader's text: enough to judge urgency, no mail-wide quoting of user content.
    const excerpt = c.text.replace(/\s+/g, ' ').slice(0, 160);
    return `- ${flag}${c.reason} · ${target} · ${w.left} ${dates.format(due(c))}\n  ${excerpt}`;
  });
  const queue = settings.siteUrl ? `${settings.siteUrl}/moderasi/` : '/moderasi/';
  return { from: settings.smtp.from, to: settings.smtp.to, subject: w.subject(open.length, late.length), text: `${lines.join('\n')}\n\n${w.queue} ${queue}\n` };
}

/** Reads the open complaints and mails the digest; returns what it found. */
export async function sendComplaintDigest(storage: Storage, settings: ServerSettings, now: Date): Promise<{ open: number; overdue: number; sent: boolean }> {
  const open = await storage.listComplaints({ status: 'open', limit: 1000 });
  const overdue = open.filter((c) => Date.parse(c.createdAt) + COMPLAINT_DEADLINE_MS < now.getTime()).length;
  const mail = complaintDigest(open, now, settings);
  if (mail && settings.smtp) await sendMail(settings.smtp.url, mail, 15_000);
  return { open: open.length, overdue, sent: mail !== undefined };
}
