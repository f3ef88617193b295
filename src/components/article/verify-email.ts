/**
 * The page a comment's confirmation mail links to (/verifikasi-komentar/?token=…).
 * The link itself changes nothing: mail scanners open links, so only this script's
 * POST uses the one-time token. It then says what happened in the reader's words,
 * keeps the browser's proof (email-proof.ts) and links back to the story.
 * API: docs/comments-api.md#confirmed-email-before-a-first-comment.
 */
import { translatorFromElement } from '../../i18n/format.ts';
import { saveEmailProof } from './email-proof.ts';

const OUTCOMES: Record<string, string> = { link_used: 'verify.used', link_expired: 'verify.expired', link_unknown: 'verify.unknown', invalid_input: 'verify.unknown' };

export async function confirmEmail(root: HTMLElement): Promise<void> {
  const t = translatorFromElement(root);
  const message = root.querySelector<HTMLElement>('[data-verify-message]')!;
  const remembered = root.querySelector<HTMLElement>('[data-verify-remembered]')!;
  const back = root.querySelector<HTMLAnchorElement>('[data-verify-back]')!;
  const say = (key: string, kind: 'ok' | 'error' | 'working') => {
    message.dataset.kind = kind;
    message.textContent = t(key);
  };

  const token = new URLSearchParams(location.search).get('token');
  // The token leaves the address bar (and the history) as soon as it is read.
  history.replaceState(null, '', location.pathname);
  if (!token) return say('verify.unknown', 'error');
  say('verify.working', 'working');
  try {
    const response = await fetch(root.dataset.api!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token }),
      cache: 'no-store',
    });
    const body = (await response.json().catch(() => ({}))) as { error?: string; status?: string; emailProof?: string; articleUrl?: string | null };
    if (!response.ok) return say(OUTCOMES[body.error ?? ''] ?? 'verify.error', 'error');
    if (body.emailProof) {
      saveEmailProof(body.emailProof);
      remembered.hidden = false;
    }
    say(body.status === 'approved' ? 'verify.approved' : body.status === 'gone' ? 'verify.gone' : 'verify.pending', 'ok');
    if (body.articleUrl && /^(\/|https?:\/\/)/.test(body.articleUrl)) {
      back.href = `${body.articleUrl}#komentar`;
      back.hidden = false;
    }
  } catch {
    say('verify.error', 'error');
  }
}
