import type { ServerSettings } from '../../schemas/server-settings.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { sendMail } from './smtp.ts';

/**
 * Tells the newsroom about a new comment, by webhook and/or mail. Awaited (with a
 * timeout) before the POST answers, because serverless platforms may freeze the
 * instance right after the response; a failure is logged and never fails the POST.
 * The commenter's email is not sent: webhooks often end in shared chat rooms.
 */
export interface NewCommentNotice {
  id: string;
  articleId: string;
  articleTitle: string;
  articleUrl: string;
  authorName: string;
  text: string;
  status: string;
}

export function createNotifier(settings: Pick<ServerSettings, 'webhookUrl' | 'smtp'>, log: Logger, fetchImpl: typeof fetch = fetch) {
  return async function notify(notice: NewCommentNotice): Promise<void> {
    const jobs: Array<Promise<unknown>> = [];
    if (settings.webhookUrl) {
      const url = settings.webhookUrl;
      jobs.push(
        fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ event: 'comment.created', comment: notice }),
          signal: AbortSignal.timeout(3000),
        }).then((r) => {
          if (!r.ok) throw new Error(`webhook answered ${r.status}`);
        }),
      );
    }
    if (settings.smtp) {
      const { url, from, to } = settings.smtp;
      jobs.push(
        sendMail(url, {
          from,
          to,
          subject: `Komentar baru (${notice.status}): ${notice.articleTitle}`,
          text: `${notice.authorName} menulis di "${notice.articleTitle}" (${notice.articleUrl}):\n\n${notice.text}\n\nStatus: ${notice.status}\nId: ${notice.id}\n`,
        }),
      );
    }
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === 'rejected') log.warn('notification failed', { commentId: notice.id, ...errorFields(r.reason) });
  };
}
