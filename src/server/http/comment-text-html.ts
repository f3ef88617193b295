import { escapeHtml } from './escape-html.ts';

// http(s) URLs only, so no `javascript:` link can be made; a trailing sentence
// mark is left outside the link ("lihat https://x.id." links "https://x.id").
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * A stored plain-text comment as HTML: every character escaped, paragraphs on
 * blank lines, <br> on single line breaks, URLs linked with rel="nofollow ugc
 * noopener" (Google's markup for user-generated links). No user text is ever
 * inserted as HTML.
 */
export function commentTextHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${linkify(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

function linkify(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    html += escapeHtml(text.slice(at, match.index));
    html += `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener">${escapeHtml(url)}</a>`;
    at = match.index + url.length;
  }
  return html + escapeHtml(text.slice(at));
}
