/**
 * A stored plain-text comment as DOM nodes, by the same rules as the function's
 * HTML page (src/server/http/comment-text-html.ts): paragraphs on blank lines,
 * <br> on single line breaks, http(s) URLs linked with rel="nofollow ugc noopener"
 * (Google's markup for user-generated links). Text only ever enters the page as
 * text nodes, never as HTML.
 */

// http(s) only, so no `javascript:` link can be made; a trailing sentence mark stays outside the link.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]]+$/;

export function commentTextNodes(text: string): HTMLParagraphElement[] {
  return text.split(/\n{2,}/).map((paragraph) => {
    const p = document.createElement('p');
    paragraph.split('\n').forEach((line, i) => {
      if (i > 0) p.append(document.createElement('br'));
      appendLinked(p, line);
    });
    return p;
  });
}

function appendLinked(parent: HTMLElement, text: string): void {
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    parent.append(text.slice(at, match.index));
    parent.append(externalLink(url, url));
    at = match.index + url.length;
  }
  parent.append(text.slice(at));
}

/** A link to an address a reader wrote, marked as user-generated and not endorsed. */
export function externalLink(href: string, label: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.rel = 'nofollow ugc noopener';
  a.textContent = label;
  return a;
}

/** True for an absolute http(s) URL (the API only stores those, but the page does not rely on it). */
export function isHttpUrl(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}

/** A <time> for an API timestamp, or nothing when the timestamp does not parse. */
export function timeElement(iso: string, format: Intl.DateTimeFormat): HTMLTimeElement | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = format.format(date);
  return time;
}
