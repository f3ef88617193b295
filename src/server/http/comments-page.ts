import { COMPLAINT_REASONS } from '../../schemas/complaint.ts';
import type { ArticleRef } from '../catalog/catalog.ts';
import { MESSAGES } from '../messages.ts';
import type { PublicComment } from '../service/thread.ts';
import { commentTextHtml } from './comment-text-html.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The approved comments of one article as a plain HTML page, for readers without
 * JavaScript (the article's `noscript` link). No script, no external resource;
 * `noindex` so search engines keep to the article itself. Each comment has its own
 * "Laporkan" form (a plain POST to /api/complaints, which answers with a 303 back to
 * the article's report outcome), so a comment can be reported without JavaScript too.
 */
export function commentsPage(article: ArticleRef, comments: PublicComment[], count: number, locale: 'id' | 'en', nextHref: string | null = null): string {
  const t = MESSAGES[locale];
  const dates = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const reasons = COMPLAINT_REASONS.map((r) => `<option value="${r}">${escapeHtml(t.reasons[r])}</option>`).join('');
  const report = (c: PublicComment): string =>
    `<details><summary>${t.reportOpen}</summary><form method="post" action="/api/complaints">` +
    `<input type="hidden" name="articleId" value="${escapeHtml(article.id)}"><input type="hidden" name="commentId" value="${escapeHtml(c.id)}">` +
    `<p><label>${t.reportReason}<br><select name="reason" required><option value="">${t.reportChoose}</option>${reasons}</select></label></p>` +
    `<p><label>${t.reportText}<br><textarea name="text" rows="3" required></textarea></label></p>` +
    `<p><label>${t.reportContact}<br><input name="contact" autocomplete="email"></label></p>` +
    `<p><button type="submit">${t.reportSubmit}</button></p></form></details>`;
  const item = (c: PublicComment): string => {
    const name = escapeHtml(c.author.name);
    const author = c.author.website ? `<a href="${escapeHtml(c.author.website)}" rel="nofollow ugc noopener">${name}</a>` : name;
    const badge = c.author.newsroom ? ` <small>(${t.newsroom})</small>` : '';
    const replies = c.replies.length ? `<ol>${c.replies.map(item).join('')}</ol>` : '';
    return `<li id="c-${c.id}"><article><header><b>${author}</b>${badge} · <time datetime="${c.createdAt}">${dates.format(new Date(c.createdAt))} UTC</time></header>${commentTextHtml(c.text)}${report(c)}</article>${replies}</li>`;
  };
  const title = `${t.comments}: ${escapeHtml(article.title)}`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:42rem;margin:1rem auto;padding:0 1rem}ol{list-style:none;padding-left:1rem}li{margin:1rem 0}header{color:#444}summary{cursor:pointer;color:#444}textarea,select,input{max-width:100%;font:inherit}</style>
</head>
<body>
<p><a href="${escapeHtml(article.url)}">← ${t.back}</a></p>
<h1>${title} (${count})</h1>
${comments.length ? `<ol>${comments.map(item).join('')}</ol>` : `<p>${t.noComments}</p>`}
${nextHref ? `<p><a href="${escapeHtml(nextHref)}" rel="next">${t.loadMore}</a></p>\n` : ''}</body>
</html>
`;
}
