/**
 * WordPress comments → rows for the comment store. Threading is kept through the
 * WordPress ids (as source ids, resolved by the store), emails are kept for
 * moderation and privacy requests (never published), and moderation state carries
 * over: approved stays approved, pending stays pending, spam stays spam.
 */
import type { ImportedCommentStatus, StoredComment } from '../store.ts';
import { wordpressDate, type ExportClock } from '../plan/dates.ts';
import type { WxrComment } from '../read/wxr-reader.ts';
import { decodeEntities } from './text.ts';

const STATUS: Record<string, ImportedCommentStatus> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'rejected', 'post-trashed': 'rejected' };

/** Comment types that are not conversation: links from other blogs, and WordPress.com likes. */
export const NOT_CONVERSATION = new Set(['pingback', 'trackback', 'like']);

/** Comment HTML (WordPress allows a few tags) → the plain text the store keeps. Links keep their URL. */
export function commentText(html: string): string {
  return decodeEntities(
    html
      .replace(/\r\n?/g, '\n')
      .replace(/<a\b[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
        const t = text.replace(/<[^>]*>/g, '').trim();
        return t && t !== href ? `${t} (${href})` : href;
      })
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}

export interface CommentMapping {
  articleId: string;
  /** Prefix that makes WordPress comment ids unique in the store, e.g. `wordpress:liputanabn.com:`. */
  sourcePrefix: string;
  clock: ExportClock;
  /**
   * WordPress user ids and emails of the blog's authors: their comments are the
   * newsroom's replies. WordPress.com exports give authors no ids, so the email decides there.
   */
  newsroom: { userIds: ReadonlySet<string>; emails: ReadonlySet<string> };
}

export interface MappedComments {
  comments: StoredComment[];
  /** Not conversation (pingbacks, trackbacks, likes), by type: not imported. */
  skipped: Map<string, number>;
}

/** The comments of one post, parents before replies. */
export function mapComments(list: readonly WxrComment[], m: CommentMapping): MappedComments {
  const skipped = new Map<string, number>();
  const kept: WxrComment[] = [];
  for (const c of list) {
    if (NOT_CONVERSATION.has(c.type)) skipped.set(c.type, (skipped.get(c.type) ?? 0) + 1);
    else kept.push(c);
  }
  const byId = new Map(kept.map((c) => [c.id, c]));
  const comments: StoredComment[] = [];
  const done = new Set<string>();
  // Depth-first from each root, so a reply never comes before its parent.
  const add = (c: WxrComment, seen: Set<string>) => {
    if (done.has(c.id) || seen.has(c.id)) return;
    seen.add(c.id);
    const parent = c.parent !== '0' ? byId.get(c.parent) : undefined;
    if (parent) add(parent, seen);
    done.add(c.id);
    const created = wordpressDate(c.dateGmt, c.date, m.clock) ?? new Date(0);
    const email = c.email.trim().toLowerCase();
    const newsroom = (c.userId !== '0' && m.newsroom.userIds.has(c.userId)) || (email !== '' && m.newsroom.emails.has(email));
    const text = commentText(c.content);
    comments.push({
      sourceId: m.sourcePrefix + c.id,
      parentSourceId: parent ? m.sourcePrefix + parent.id : null,
      articleId: m.articleId,
      authorName: decodeEntities(c.author).trim() || 'Anonim',
      authorEmail: newsroom ? null : email || null,
      authorWebsite: /^https?:\/\/\S+$/.test(c.url) ? c.url : null,
      authorKind: newsroom ? 'newsroom' : 'reader',
      // An empty comment is still a comment the blog had; the store needs some text.
      text: text || '…',
      status: STATUS[c.approved] ?? 'pending',
      createdAt: created.toISOString(),
    });
  };
  const ordered = [...kept].sort((a, b) => Number(a.id) - Number(b.id));
  for (const c of ordered) add(c, new Set());
  return { comments, skipped };
}
