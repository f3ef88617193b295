/**
 * Progressive enhancement of the comment section (CommentsMount.astro): renders
 * the approved thread, fetches the signed form token when the form comes into
 * view, and posts the form as JSON in place. Every piece of reader text enters
 * the page through textContent / text nodes. When the API is unreachable the
 * section stays as the server rendered it: a working form, no error on load.
 * API: docs/comments-api.md.
 */
import { commentTextNodes, externalLink, isHttpUrl, timeElement } from './comment-text.ts';
import { translatorFromElement } from '../../i18n/format.ts';
import { readEmailProof } from './email-proof.ts';

// The API's own type: erased at build time, so no server code reaches the browser.
import type { PublicComment } from '../../server/service/thread.ts';

interface ApiError {
  error?: string;
  fields?: { field: string; message: string }[];
}

/** Most a single submit retries after `too_fast` or an expired token before giving up. */
const MAX_ATTEMPTS = 3;

export function enhanceComments(root: HTMLElement): void {
  const api = root.dataset.api;
  const form = root.querySelector<HTMLFormElement>('[data-comment-form]');
  if (!api || !form) return;
  // The page's strings come with the markup (data-strings), read by the one shared translator.
  const t = translatorFromElement(root);
  const locale = root.dataset.locale ?? document.documentElement.lang;
  const timeZone = root.dataset.timeZone;

  const thread = root.querySelector<HTMLElement>('[data-comments-thread]')!;
  const list = root.querySelector<HTMLOListElement>('[data-comments-list]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-comments-more]')!;
  const countLine = root.querySelector<HTMLElement>('[data-comments-count]')!;
  const status = form.querySelector<HTMLElement>('[data-comments-status]')!;
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const parentInput = form.querySelector<HTMLInputElement>('[data-parent-id]')!;
  const replying = root.querySelector<HTMLElement>('[data-replying]')!;
  const textField = form.querySelector<HTMLTextAreaElement>('textarea[name=text]')!;
  const rulesBox = form.querySelector<HTMLInputElement>('[data-rules-box]');

  const numbers = new Intl.NumberFormat(locale);
  const plural = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short',
  });

  // ---- The thread ---------------------------------------------------------

  function renderComment(comment: PublicComment): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'comment';
    li.id = `comment-${comment.id}`;
    const body = document.createElement('article');
    body.className = 'comment__body';

    const meta = document.createElement('p');
    meta.className = 'comment__meta';
    const author = document.createElement('span');
    author.className = 'comment__author';
    const website = comment.author.website;
    if (isHttpUrl(website)) author.append(externalLink(website, comment.author.name));
    else author.textContent = comment.author.name;
    meta.append(author);
    if (comment.author.newsroom) li.classList.add('comment--newsroom');
    // A newsroom reply is marked, unless its author name already says so ("Redaksi").
    if (comment.author.newsroom && comment.author.name !== t('comments.newsroom')) {
      const badge = document.createElement('span');
      badge.className = 'comment__badge';
      badge.textContent = t('comments.newsroom');
      meta.append(badge);
    }
    const time = timeElement(comment.createdAt, dates);
    if (time) meta.append(' · ', time);

    const text = document.createElement('div');
    text.className = 'comment__text';
    text.append(...commentTextNodes(comment.text));

    const reply = document.createElement('button');
    reply.type = 'button';
    reply.className = 'comment__reply';
    reply.textContent = t('comments.reply');
    reply.setAttribute('aria-label', t('comments.replyTo', { name: comment.author.name }));
    reply.addEventListener('click', () => startReply(comment));

    // Opens the story's "Laporkan" form (ReportForm.astro) aimed at this comment.
    const report = document.createElement('button');
    report.type = 'button';
    report.className = 'comment__report';
    report.textContent = t('report.open');
    report.setAttribute('aria-label', t('report.commentButton', { name: comment.author.name }));
    report.dataset.reportComment = comment.id;
    report.dataset.reportName = comment.author.name;

    body.append(meta, text, reply, report);
    li.append(body);
    if (comment.replies.length > 0) {
      const replies = document.createElement('ol');
      replies.className = 'comment-list';
      replies.append(...comment.replies.map(renderComment));
      li.append(replies);
    }
    return li;
  }

  /** The cursor of the next page of the thread; null once the last page is shown. */
  let next: string | null = null;

  async function fetchPage(after: string | null): Promise<{ count: number; comments: PublicComment[]; next: string | null } | null> {
    const response = await fetch(after ? `${api}?after=${encodeURIComponent(after)}` : api!, { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { count?: number; comments?: PublicComment[]; next?: string | null };
    if (!Array.isArray(body.comments) || typeof body.count !== 'number') return null;
    return { count: body.count, comments: body.comments, next: typeof body.next === 'string' ? body.next : null };
  }

  function showCount(count: number): void {
    const key = plural.select(count) === 'one' ? 'comments.countOne' : 'comments.countMany';
    countLine.textContent = t(key, { count: numbers.format(count) });
    thread.hidden = count === 0;
  }

  function showMore(cursor: string | null): void {
    next = cursor;
    more.hidden = cursor === null;
  }

  async function loadThread(): Promise<void> {
    try {
      const page = await fetchPage(null);
      if (!page) return;
      list.replaceChildren(...page.comments.map(renderComment));
      showCount(page.count);
      showMore(page.next);
    } catch {
      // API absent or down: the form stays as rendered; there is nothing to show.
    }
  }

  more.textContent = t('comments.loadMore');
  more.addEventListener('click', async () => {
    if (!next) return;
    more.disabled = true;
    try {
      const page = await fetchPage(next);
      if (page) {
        list.append(...page.comments.map(renderComment));
        showCount(page.count);
        showMore(page.next);
      }
    } catch {
      // Keep the button: the reader may try again.
    } finally {
      more.disabled = false;
    }
  });

  // ---- Replies ------------------------------------------------------------

  function startReply(comment: PublicComment): void {
    parentInput.value = comment.id;
    replying.querySelector('[data-replying-text]')!.textContent = t('comments.replyingTo', { name: comment.author.name });
    replying.hidden = false;
    textField.focus();
  }

  function cancelReply(): void {
    parentInput.value = '';
    replying.hidden = true;
  }
  root.querySelector('[data-cancel-reply]')?.addEventListener('click', () => {
    cancelReply();
    textField.focus();
  });

  // ---- The form token -----------------------------------------------------

  // Fetched once the form is shown (in view or focused): the API measures the
  // minimum fill-in time from the moment it issued the token.
  let token: Promise<{ token: string; minSeconds: number } | null> | undefined;
  const getToken = (fresh = false) => {
    if (!token || fresh) {
      token = fetch(`${api}/token`, { headers: { Accept: 'application/json' }, cache: 'no-store' })
        .then((r) => (r.ok ? (r.json() as Promise<{ token: string; minSeconds: number }>) : null))
        .then((body) => (body && typeof body.token === 'string' ? body : null))
        .catch(() => null);
    }
    return token;
  };
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void getToken();
    });
    observer.observe(form);
  }
  form.addEventListener('focusin', () => void getToken(), { once: true });

  // ---- Submitting ---------------------------------------------------------

  function say(message: string, kind: 'ok' | 'error'): void {
    status.dataset.kind = kind;
    status.textContent = message;
  }

  function fieldLabel(name: string): string {
    const field = form!.elements.namedItem(name);
    const label = field instanceof HTMLElement ? form!.querySelector(`label[for="${field.id}"]`) : null;
    return (label?.textContent ?? name).replace('*', '').trim();
  }

  function errorMessage(code: string | undefined, fields: string[]): string {
    switch (code) {
      case 'invalid_input':
        return fields.length > 0 ? t('comments.errorFields', { fields: fields.map(fieldLabel).join(', ') }) : t('comments.error');
      case 'too_many_links':
        return t('comments.errorTooManyLinks');
      case 'rate_limited':
        return t('comments.errorRateLimited');
      case 'bad_token':
      case 'token_required':
        return t('comments.errorExpired');
      case 'unknown_parent':
        return t('comments.errorParent');
      case 'rules_not_accepted':
        return t('comments.errorRules');
      case 'mail_failed':
        return t('comments.errorMail');
      case 'honeypot':
        return t('comments.error');
      default:
        return t('comments.errorNetwork');
    }
  }

  const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

  async function send(fields: Record<string, string>): Promise<Response> {
    let response: Response | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const issued = await getToken();
      if (!issued) throw new Error('no form token'); // API unreachable: reported as a network failure
      response = await fetch(api!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ...fields, token: issued.token }),
      });
      if (response.status === 429 && attempt < MAX_ATTEMPTS) {
        const body = (await response.clone().json().catch(() => ({}))) as ApiError;
        if (body.error !== 'too_fast') return response;
        // Filled in faster than the minimum time: wait it out instead of failing.
        await wait(Number(response.headers.get('retry-after') ?? issued.minSeconds) || 1);
        continue;
      }
      if (response.status === 400 && attempt < MAX_ATTEMPTS) {
        const body = (await response.clone().json().catch(() => ({}))) as ApiError;
        if (body.error !== 'bad_token') return response;
        // Expired (the page stayed open a day): take a fresh token, then wait its minimum time.
        const fresh = await getToken(true);
        await wait(fresh?.minSeconds ?? 1);
        continue;
      }
      return response;
    }
    return response!;
  }

  // The browser blocks the send while the rules box is unticked; the form says why in words, not only in the browser's bubble.
  rulesBox?.addEventListener('invalid', () => {
    rulesBox.setAttribute('aria-invalid', 'true');
    say(t('comments.errorRules'), 'error');
  });
  rulesBox?.addEventListener('change', () => {
    if (!rulesBox.checked) return;
    rulesBox.removeAttribute('aria-invalid');
    if (status.dataset.kind === 'error') say('', 'ok');
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const fields: Record<string, string> = {};
      for (const [name, value] of new FormData(form)) if (typeof value === 'string') fields[name] = value;
      const proof = readEmailProof();
      if (proof) fields.emailProof = proof;
      for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
      const label = submit.textContent;
      submit.disabled = true;
      submit.textContent = t('comments.sending');
      say('', 'ok');
      try {
        // The token may have failed when the form came into view; ask once more before giving up.
        if (!(await getToken())) await getToken(true);
        const response = await send(fields);
        const body = (await response.json().catch(() => ({}))) as ApiError & { status?: string };
        if (response.ok) {
          say(t(body.status === 'approved' ? 'comments.approved' : body.status === 'unverified' ? 'comments.unverified' : 'comments.pending'), 'ok');
          textField.value = '';
          cancelReply();
          if (body.status === 'approved') await loadThread();
          return;
        }
        const invalid = (body.fields ?? []).map((f) => f.field).filter((name) => form.elements.namedItem(name));
        for (const name of invalid) (form.elements.namedItem(name) as HTMLElement).setAttribute('aria-invalid', 'true');
        if (body.error === 'unknown_parent') cancelReply();
        say(errorMessage(body.error, invalid), 'error');
        if (invalid[0]) (form.elements.namedItem(invalid[0]) as HTMLElement).focus();
      } catch {
        say(t('comments.errorNetwork'), 'error');
      } finally {
        submit.disabled = false;
        submit.textContent = label;
      }
    })();
  });

  // ---- After the no-JavaScript redirect --------------------------------------

  // CSS already shows the outcome; with JavaScript the error can say what went wrong.
  const reason = new URLSearchParams(location.search).get('reason');
  const outcome = root.querySelector<HTMLElement>('[data-outcome-error]');
  if (reason && outcome) outcome.textContent = errorMessage(reason, []);

  void loadThread();
}
