/**
 * The moderation page (ModerationPage.astro): an editor signs in with their own
 * token (kept in sessionStorage, so it dies with the tab), works the queue per
 * status, replies as the newsroom, and answers privacy requests. Reader text is
 * only ever set with textContent (comment-text.ts).
 */
import { commentTextNodes, externalLink, isHttpUrl, timeElement } from '../article/comment-text.ts';
import { AdminError, createAdminApi, type AdminApi, type AdminComment, type CommentStatus, type ModerationAction } from './admin-api.ts';

const TOKEN_KEY = 'warta:editor-token';
const STATUSES: CommentStatus[] = ['pending', 'approved', 'spam', 'rejected'];
const PAGE = 50;

/** Which buttons a comment gets in each tab; a comment never offers the status it already has. */
const ACTIONS: Record<CommentStatus, (ModerationAction | 'reply' | 'delete')[]> = {
  pending: ['approve', 'reject', 'spam', 'delete'],
  approved: ['reply', 'reject', 'spam', 'delete'],
  spam: ['approve', 'reject', 'delete'],
  rejected: ['approve', 'spam', 'delete'],
};
const TARGET: Record<ModerationAction, CommentStatus> = { approve: 'approved', reject: 'rejected', spam: 'spam' };

export function startModeration(root: HTMLElement): void {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const t = (key: string, params: Record<string, string> = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  const locale = root.dataset.locale ?? document.documentElement.lang;
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: root.dataset.timeZone });

  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const notice = $('[data-notice]');
  const signin = $<HTMLFormElement>('[data-signin]');
  const workspace = $('[data-workspace]');
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const panel = $('[data-panel]');
  const list = $<HTMLOListElement>('[data-list]');
  const empty = $('[data-empty]');
  const more = $<HTMLButtonElement>('[data-more]');
  const privacy = $<HTMLFormElement>('[data-privacy]');
  const privacyResult = $('[data-privacy-result]');
  const download = $<HTMLAnchorElement>('[data-download]');

  let api: AdminApi | undefined;
  let current: CommentStatus = 'pending';
  const totals = new Map<CommentStatus, number>();
  let articleUrls: Promise<Map<string, string>> | undefined;

  const say = (message: string) => (notice.textContent = message);

  // ---- Signing in and out ---------------------------------------------------

  function showSignin(message = ''): void {
    api = undefined;
    sessionStorage.removeItem(TOKEN_KEY);
    workspace.hidden = true;
    signin.hidden = false;
    say(message);
  }

  async function signIn(token: string): Promise<void> {
    const candidate = createAdminApi(token);
    try {
      const { editor } = await candidate.me();
      api = candidate;
      sessionStorage.setItem(TOKEN_KEY, token);
      signin.reset();
      signin.hidden = true;
      workspace.hidden = false;
      $('[data-editor-name]').textContent = t('moderation.signedInAs', { editor });
      say('');
      await Promise.all([refreshTotals(), showTab(current)]);
    } catch (error) {
      showSignin(error instanceof AdminError && error.status === 401 ? t('moderation.badToken') : t('moderation.unreachable'));
      $<HTMLInputElement>('#editor-token').focus();
    }
  }

  signin.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = new FormData(signin).get('token');
    if (typeof token === 'string' && token.trim()) void signIn(token.trim());
  });
  $('[data-signout]').addEventListener('click', () => showSignin());

  /** Every admin call goes through here: a revoked token ends the session, other failures are reported. */
  async function guarded<T>(work: (api: AdminApi) => Promise<T>): Promise<T | undefined> {
    if (!api) return undefined;
    try {
      return await work(api);
    } catch (error) {
      if (error instanceof AdminError && error.status === 401) showSignin(t('moderation.sessionEnded'));
      else say(t('moderation.failed', { reason: error instanceof AdminError ? error.code : String(error) }));
      return undefined;
    }
  }

  // ---- Tabs and the list ------------------------------------------------------

  function labelTabs(): void {
    for (const tab of tabs) {
      const total = totals.get(tab.dataset.status as CommentStatus);
      const label = tab.dataset.label ?? '';
      tab.textContent = total === undefined ? label : t('moderation.tabCount', { label, count: numbers.format(total) });
    }
  }

  async function refreshTotals(): Promise<void> {
    await guarded(async (a) => {
      const answers = await Promise.all(STATUSES.map((s) => a.list(s, 0, 1)));
      STATUSES.forEach((s, i) => totals.set(s, answers[i]!.total));
      labelTabs();
    });
  }

  function adjustTotal(status: CommentStatus, by: number): void {
    totals.set(status, Math.max(0, (totals.get(status) ?? 0) + by));
    labelTabs();
  }

  async function showTab(status: CommentStatus, focusTab = false): Promise<void> {
    current = status;
    for (const tab of tabs) {
      const selected = tab.dataset.status === status;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focusTab) tab.focus();
    }
    panel.setAttribute('aria-labelledby', `tab-${status}`);
    list.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
    await loadPage(0);
  }

  async function loadPage(offset: number): Promise<void> {
    const status = current;
    const page = await guarded((a) => a.list(status, offset, PAGE));
    if (!page || status !== current) return;
    const urls = await articleUrlMap();
    list.append(...page.items.map((c) => renderItem(c, urls)));
    totals.set(status, page.total);
    labelTabs();
    empty.hidden = list.children.length > 0;
    more.hidden = offset + page.items.length >= page.total;
    more.dataset.offset = String(offset + page.items.length);
  }
  more.addEventListener('click', () => void loadPage(Number(more.dataset.offset ?? 0)));

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => void showTab(tab.dataset.status as CommentStatus));
    // WAI-ARIA tabs pattern: arrows move between tabs, Home/End to the ends.
    tab.addEventListener('keydown', (event) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      void showTab(tabs[(to + tabs.length) % tabs.length]!.dataset.status as CommentStatus, true);
    });
  });

  /** Article id -> page URL from the list the build publishes; titles stay plain text without it. */
  function articleUrlMap(): Promise<Map<string, string>> {
    articleUrls ??= fetch('/warta-articles.json')
      .then((r) => (r.ok ? (r.json() as Promise<{ id: string; url: string }[]>) : []))
      .then((items) => new Map(items.map((a) => [a.id, a.url])))
      .catch(() => new Map());
    return articleUrls;
  }

  // ---- One comment --------------------------------------------------------------

  function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const el = document.createElement(tag);
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function renderItem(comment: AdminComment, urls: Map<string, string>): HTMLLIElement {
    const li = element('li', 'moderation-item');
    li.dataset.commentId = comment.id;
    const metaId = `moderation-${comment.id}`;

    const meta = element('p', 'moderation-item__meta');
    meta.id = metaId;
    meta.append(element('span', 'moderation-item__author', comment.authorName));
    if (comment.authorEmail) meta.append(' · ', element('span', 'moderation-item__email', comment.authorEmail));
    if (isHttpUrl(comment.authorWebsite)) meta.append(' · ', externalLink(comment.authorWebsite, comment.authorWebsite));
    const time = timeElement(comment.createdAt, dates);
    if (time) meta.append(' · ', time);

    const article = element('p', 'moderation-item__article', `${t('moderation.on')} `);
    const title = comment.articleTitle ?? comment.articleId;
    const url = urls.get(comment.articleId);
    if (url) {
      const link = document.createElement('a');
      link.href = url;
      link.textContent = title;
      article.append(link);
    } else article.append(title);

    li.append(meta, article);
    if (comment.authorKind === 'newsroom') li.append(element('p', 'moderation-item__flag', t('moderation.newsroom')));
    else if (comment.parentId) li.append(element('p', 'moderation-item__flag', t('moderation.isReply')));

    const text = element('div', 'moderation-item__text');
    text.append(...commentTextNodes(comment.text));
    const actions = element('div', 'moderation-item__actions');
    for (const action of ACTIONS[comment.status]) {
      const button = element('button', 'moderation__action', t(`moderation.${action}`));
      button.type = 'button';
      button.setAttribute('aria-describedby', metaId);
      button.addEventListener('click', () => void act(comment, action, li, button));
      actions.append(button);
    }
    li.append(text, actions);
    return li;
  }

  /** Takes an item out of this tab and puts focus somewhere sensible for keyboard users. */
  function removeItem(li: HTMLLIElement): void {
    const next = (li.nextElementSibling ?? li.previousElementSibling) as HTMLElement | null;
    li.remove();
    empty.hidden = list.children.length > 0;
    (next?.querySelector<HTMLElement>('button') ?? panel).focus();
  }

  async function act(comment: AdminComment, action: ModerationAction | 'reply' | 'delete', li: HTMLLIElement, button: HTMLButtonElement): Promise<void> {
    if (action === 'reply') return toggleReply(comment, li, button);
    if (action === 'delete' && !window.confirm(t('moderation.confirmDelete'))) return;
    const done = await guarded<unknown>((a) => (action === 'delete' ? a.remove(comment.id) : a.moderate(comment.id, action)));
    if (!done) return;
    adjustTotal(comment.status, -1);
    if (action !== 'delete') adjustTotal(TARGET[action], +1);
    removeItem(li);
    say(t(`moderation.done.${action}`));
  }

  function toggleReply(comment: AdminComment, li: HTMLLIElement, button: HTMLButtonElement): void {
    const open = li.querySelector<HTMLFormElement>('.moderation-item__reply');
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    const form = element('form', 'moderation-item__reply');
    const fieldId = `reply-${comment.id}`;
    const label = element('label', '', t('moderation.replyLabel', { name: comment.authorName }));
    label.htmlFor = fieldId;
    const field = element('textarea', '');
    field.id = fieldId;
    field.name = 'text';
    field.rows = 4;
    field.required = true;
    const send = element('button', 'moderation__primary', t('moderation.sendReply'));
    send.type = 'submit';
    form.append(label, field, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        send.disabled = true;
        const done = await guarded((a) => a.reply(comment.id, field.value));
        send.disabled = false;
        if (!done) return;
        form.remove();
        button.setAttribute('aria-expanded', 'false');
        button.focus();
        adjustTotal('approved', +1);
        say(t('moderation.done.reply'));
      })();
    });
    li.append(form);
    button.setAttribute('aria-expanded', 'true');
    field.focus();
  }

  // ---- Privacy requests -------------------------------------------------------

  privacy.addEventListener('submit', (event) => {
    event.preventDefault();
    const action = (event.submitter as HTMLElement | null)?.dataset.action;
    const email = String(new FormData(privacy).get('email') ?? '').trim();
    if (!email) return;
    void (async () => {
      download.hidden = true;
      if (action === 'erase') {
        if (!window.confirm(t('moderation.confirmErase', { email }))) return;
        const result = await guarded((a) => a.deleteByEmail(email));
        if (!result) return;
        privacyResult.textContent = t('moderation.erased', { count: numbers.format(result.deleted) });
        await Promise.all([refreshTotals(), showTab(current)]);
        return;
      }
      const result = await guarded((a) => a.exportByEmail(email));
      if (!result) return;
      privacyResult.textContent = t('moderation.exported', { count: numbers.format(result.comments.length) });
      if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }));
      download.hidden = false;
    })();
  });

  // ---- Start --------------------------------------------------------------------

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) void signIn(saved);
  else showSignin();
}
