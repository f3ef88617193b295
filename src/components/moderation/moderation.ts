/**
 * The moderation page (ModerationPage.astro), put together from its parts: an editor signs
 * in with their own token (session.ts), works the queue per status (queue.ts, one comment
 * per comment-item.ts, replies as the newsroom with reply-form.ts, sees which comment a reply
 * answers with reply-context.ts), settles readers' complaints (complaints.ts) and answers
 * privacy requests (privacy.ts). Reader text is
 * only ever set as text (comment-text.ts).
 */
import { translatorFromElement } from '../../i18n/format.ts';
import { createComplaints } from './complaints.ts';
import { createDesk } from './desk.ts';
import { startPrivacy } from './privacy.ts';
import { createQueue } from './queue.ts';
import { createReplyContext } from './reply-context.ts';
import { createSession } from './session.ts';

export function startModeration(root: HTMLElement): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const notice = $('[data-notice]');
  const say = (message: string) => {
    notice.textContent = message;
  };
  // One translator for the page: its strings come with the markup (data-strings).
  const t = translatorFromElement(root);
  let queue: ReturnType<typeof createQueue> | undefined;
  let complaints: ReturnType<typeof createComplaints> | undefined;
  const session = createSession({ signin: $<HTMLFormElement>('[data-signin]'), workspace: $('[data-workspace]'), editorName: $('[data-editor-name]'), say }, t, () =>
    Promise.all([queue!.reload(), complaints!.reload()]).then(() => undefined),
  );
  const desk = createDesk(root, t, say, session);
  $('[data-signout]').addEventListener('click', () => session.end());

  /** Article id -> page URL from the list the build publishes; titles stay plain text without it. */
  let articleUrls: Promise<Map<string, string>> | undefined;
  const urls = () =>
    (articleUrls ??= fetch('/warta-articles.json')
      .then((r) => (r.ok ? (r.json() as Promise<{ id: string; url: string }[]>) : []))
      .then((items) => new Map(items.map((a) => [a.id, a.url])))
      .catch(() => new Map()));

  queue = createQueue(
    desk,
    { tabs: [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')], panel: $('[data-panel]'), list: $<HTMLOListElement>('[data-list]'), empty: $('[data-empty]'), more: $<HTMLButtonElement>('[data-more]') },
    createReplyContext(desk),
    urls,
  );
  complaints = createComplaints(
    desk,
    { list: $<HTMLOListElement>('[data-complaints-list]'), empty: $('[data-complaints-empty]'), corrections: $<HTMLOListElement>('[data-corrections-list]'), correctionsEmpty: $('[data-corrections-empty]') },
    urls,
    () => queue!.reload(),
  );
  startPrivacy(desk, { form: $<HTMLFormElement>('[data-privacy]'), result: $('[data-privacy-result]'), download: $<HTMLAnchorElement>('[data-download]') }, () => queue!.reload());
  session.resume();
}
