/**
 * The browser's memory of a confirmed comment email: the signed proof the API gives
 * when a mailed confirmation link is opened (/verifikasi-komentar/), sent with later
 * comments so this reader is not asked again. It holds no address; the API checks it
 * against the email each comment gives. Storage may be off (private modes): then the
 * reader simply confirms again.
 */
const KEY = 'warta:comment-email-proof';

export function readEmailProof(): string | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value && /^[\w.-]{1,200}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveEmailProof(proof: string): void {
  try {
    localStorage.setItem(KEY, proof);
  } catch {
    // Not kept: the next comment from this browser asks for a link again.
  }
}
