/**
 * Readers' complaints ("Laporkan"), oldest first, each with the time left of the 2×24
 * hours the guideline allows, overdue ones marked. An editor hides the reported comment,
 * marks the story for correction, or rejects the complaint; the API audits each.
 * Reader text is only ever set as text (comment-text.ts).
 */
import { commentTextNodes, timeElement } from '../article/comment-text.ts';
import type { AdminComplaint, ComplaintAction, OwedCorrection } from './admin-api.ts';
import { element, type Desk } from './desk.ts';

export interface ComplaintsView {
  list: HTMLOListElement;
  empty: HTMLElement;
  /** Stories marked for correction whose correction is not reported done yet. */
  corrections: HTMLOListElement;
  correctionsEmpty: HTMLElement;
}

export function createComplaints(desk: Desk, view: ComplaintsView, articleUrls: () => Promise<Map<string, string>>, onHidden: () => Promise<void>) {
  const { t } = desk;
  const locale = desk.numbers.resolvedOptions().locale;
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });

  /** "47 jam 5 menit": whole hours and minutes, as an editor reads a deadline. */
  function duration(ms: number): string {
    const total = Math.floor(Math.abs(ms) / 60_000);
    const h = Math.floor(total / 60);
    const m = total % 60;
    return h > 0 ? `${hours.format(h)} ${minutes.format(m)}` : minutes.format(m);
  }

  function render(c: AdminComplaint, urls: Map<string, string>): HTMLLIElement {
    const li = element('li', `complaint${c.overdue ? ' complaint--overdue' : ''}`);
    li.dataset.complaintId = c.id;
    const metaId = `complaint-${c.id}`;

    const head = element('p', 'moderation-item__meta');
    head.id = metaId;
    head.append(element('span', 'moderation-item__author', t(`complaints.reason.${c.reason}`)));
    const time = timeElement(c.createdAt, desk.dates);
    if (time) head.append(' · ', time);

    const deadline = element('p', 'complaint__deadline');
    if (c.overdue) deadline.append(element('strong', 'complaint__late', t('moderation.complaints.late')), ' ');
    deadline.append(c.overdue ? t('moderation.complaints.overdue', { time: duration(c.msLeft) }) : t('moderation.complaints.left', { time: duration(c.msLeft) }));

    const target = element('p', 'moderation-item__article', `${c.commentId ? t('moderation.complaints.comment', { name: c.commentAuthor ?? '?' }) : t('moderation.complaints.story')} · `);
    const title = c.articleTitle ?? c.articleId;
    const url = urls.get(c.articleId);
    if (url) {
      const link = element('a', '', title);
      link.href = c.commentId ? `${url}#comment-${c.commentId}` : url;
      target.append(link);
    } else target.append(title);

    li.append(head, deadline, target);
    if (c.commentText !== null) {
      const quoted = element('blockquote', 'complaint__comment');
      quoted.append(...commentTextNodes(c.commentText));
      li.append(quoted);
    }
    const text = element('div', 'moderation-item__text');
    text.append(...commentTextNodes(c.text));
    li.append(text);
    if (c.contact) li.append(element('p', 'moderation-item__flag', `${t('moderation.complaints.contact')}: ${c.contact}`));

    const actions = element('div', 'moderation-item__actions');
    const choices: ComplaintAction[] = c.commentId ? ['hide', 'reject'] : ['correct', 'reject'];
    for (const action of choices) {
      const button = element('button', 'moderation__action', t(`moderation.complaints.${action}`));
      button.type = 'button';
      button.setAttribute('aria-describedby', metaId);
      button.addEventListener('click', () => void resolve(c, action, li));
      actions.append(button);
    }
    li.append(actions);
    return li;
  }

  async function resolve(c: AdminComplaint, action: ComplaintAction, li: HTMLLIElement): Promise<void> {
    const done = await desk.call((api) => api.resolveComplaint(c.id, action));
    if (!done) return;
    li.remove();
    view.empty.hidden = view.list.children.length > 0;
    desk.say(t(`moderation.complaints.done.${action}`));
    // A hidden comment moves to "Ditolak" in the comment queue: its counts follow.
    if (action === 'hide') await onHidden();
    // Marking for correction changes no page by itself: the story waits on the list below until someone publishes it.
    if (action === 'correct') await reloadCorrections();
  }

  function renderCorrection(c: OwedCorrection, urls: Map<string, string>): HTMLLIElement {
    const li = element('li', 'correction');
    li.dataset.correctionId = c.id;
    const headId = `correction-${c.id}`;
    const head = element('p', 'moderation-item__article');
    head.id = headId;
    const title = c.articleTitle ?? c.articleId;
    const url = urls.get(c.articleId);
    if (url) {
      const link = element('a', '', title);
      link.href = url;
      head.append(link);
    } else head.append(title);
    head.append(` · ${t(`complaints.reason.${c.reason}`)}`);
    const text = element('div', 'moderation-item__text');
    text.append(...commentTextNodes(c.note ?? c.text));
    const done = element('button', 'moderation__action', t('moderation.corrections.done'));
    done.type = 'button';
    done.setAttribute('aria-describedby', headId);
    done.addEventListener('click', () => {
      void (async () => {
        if (!(await desk.call((api) => api.correctionDone(c.id)))) return;
        li.remove();
        view.correctionsEmpty.hidden = view.corrections.children.length > 0;
        desk.say(t('moderation.corrections.marked'));
      })();
    });
    const actions = element('div', 'moderation-item__actions');
    actions.append(done);
    li.append(head, text, actions);
    return li;
  }

  async function reloadCorrections(): Promise<void> {
    const owed = await desk.call((api) => api.corrections());
    if (!owed) return;
    const urls = await articleUrls();
    view.corrections.replaceChildren(...owed.items.map((c) => renderCorrection(c, urls)));
    view.correctionsEmpty.hidden = owed.items.length > 0;
  }

  return {
    async reload(): Promise<void> {
      const page = await desk.call((api) => api.complaints());
      if (!page) return;
      const urls = await articleUrls();
      view.list.replaceChildren(...page.items.map((c) => render(c, urls)));
      view.empty.hidden = page.items.length > 0;
      await reloadCorrections();
    },
  };
}
