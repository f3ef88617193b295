/**
 * The queue: one tab per status with its count, one list, "load more". Counts come from
 * the API after every change, so a tab's number and its list always agree; switching
 * tabs clears the last notice, which spoke of the tab left behind.
 */
import type { AdminComment, CommentStatus, ModerationAction } from './admin-api.ts';
import { renderComment, type ItemAction } from './comment-item.ts';
import type { Desk } from './desk.ts';
import type { createReplyContext } from './reply-context.ts';
import { toggleReplyForm } from './reply-form.ts';

const STATUSES: CommentStatus[] = ['pending', 'approved', 'spam', 'rejected'];
const TARGET: Record<ModerationAction, CommentStatus> = { approve: 'approved', reject: 'rejected', spam: 'spam' };
const PAGE = 50;

export interface QueueView {
  tabs: HTMLButtonElement[];
  panel: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  more: HTMLButtonElement;
}

export function createQueue(desk: Desk, view: QueueView, replies: ReturnType<typeof createReplyContext>, articleUrls: () => Promise<Map<string, string>>) {
  const { t } = desk;
  const { tabs, panel, list, empty, more } = view;
  let current: CommentStatus = 'pending';
  const totals = new Map<CommentStatus, number>();

  function labelTabs(): void {
    for (const tab of tabs) {
      const total = totals.get(tab.dataset.status as CommentStatus);
      const label = tab.dataset.label ?? '';
      tab.textContent = total === undefined ? label : t('moderation.tabCount', { label, count: desk.numbers.format(total) });
    }
  }

  function adjustTotal(status: CommentStatus, by: number): void {
    totals.set(status, Math.max(0, (totals.get(status) ?? 0) + by));
    labelTabs();
  }

  async function refreshTotals(): Promise<void> {
    const answers = await desk.call((api) => Promise.all(STATUSES.map((s) => api.list(s, 0, 1))));
    if (!answers) return;
    STATUSES.forEach((s, i) => totals.set(s, answers[i]!.total));
    labelTabs();
  }

  async function loadPage(offset: number): Promise<void> {
    const status = current;
    const page = await desk.call((api) => api.list(status, offset, PAGE));
    if (!page || status !== current) return;
    const urls = await articleUrls();
    replies.remember(page.items);
    list.append(...page.items.map((c) => item(c, urls)));
    totals.set(status, page.total);
    labelTabs();
    empty.hidden = list.children.length > 0;
    more.hidden = offset + page.items.length >= page.total;
    more.dataset.offset = String(offset + page.items.length);
  }

  /** Shows a tab's first page; `focusComment` puts focus back on a comment after the list is rebuilt. */
  async function show(status: CommentStatus, options: { focusTab?: boolean; focusComment?: string } = {}): Promise<void> {
    if (status !== current) desk.say('');
    current = status;
    for (const tab of tabs) {
      const selected = tab.dataset.status === status;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && options.focusTab) tab.focus();
    }
    panel.setAttribute('aria-labelledby', `tab-${status}`);
    list.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
    await loadPage(0);
    if (options.focusComment) list.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(options.focusComment)}"] button`)?.focus();
  }

  function item(comment: AdminComment, urls: Map<string, string>): HTMLLIElement {
    return renderComment(comment, {
      desk,
      articleUrl: urls.get(comment.articleId),
      parentLine: comment.parentId && comment.authorKind !== 'newsroom' ? replies.describe({ ...comment, parentId: comment.parentId }) : undefined,
      onAction: (action, li, button) => void act(comment, action, li, button),
    });
  }

  /** Takes an item out of this tab and puts focus somewhere sensible for keyboard users. */
  function removeItem(li: HTMLLIElement): void {
    const next = (li.nextElementSibling ?? li.previousElementSibling) as HTMLElement | null;
    li.remove();
    empty.hidden = list.children.length > 0;
    (next?.querySelector<HTMLElement>('button') ?? panel).focus();
  }

  async function act(comment: AdminComment, action: ItemAction, li: HTMLLIElement, button: HTMLButtonElement): Promise<void> {
    if (action === 'reply') {
      // The newsroom's reply is published at once: list and counts are reloaded so it shows in "Disetujui".
      toggleReplyForm(desk, comment, li, button, () => Promise.all([refreshTotals(), show(current, { focusComment: comment.id })]).then(() => undefined));
      return;
    }
    if (action === 'delete' && !window.confirm(t('moderation.confirmDelete'))) return;
    const done = await desk.call<unknown>((api) => (action === 'delete' ? api.remove(comment.id) : api.moderate(comment.id, action as ModerationAction)));
    if (!done) return;
    // The counts move at once; the API's totals follow (another editor may be at work too).
    adjustTotal(comment.status, -1);
    if (action !== 'delete') adjustTotal(TARGET[action as ModerationAction], +1);
    removeItem(li);
    desk.say(t(`moderation.done.${action}`));
    await refreshTotals();
  }

  more.addEventListener('click', () => void loadPage(Number(more.dataset.offset ?? 0)));
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => void show(tab.dataset.status as CommentStatus));
    // WAI-ARIA tabs pattern: arrows move between tabs, Home/End to the ends.
    tab.addEventListener('keydown', (event) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      void show(tabs[(to + tabs.length) % tabs.length]!.dataset.status as CommentStatus, { focusTab: true });
    });
  });

  return {
    /** Counts and the current tab again from the API (after signing in, or a privacy erase). */
    reload: () => Promise.all([refreshTotals(), show(current)]).then(() => undefined),
  };
}
