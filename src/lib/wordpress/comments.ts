/**
 * WordPress comments → rows for the comment store. Threading is kept through the
 * WordPress ids (as source ids, resolved by the store), emails are kept for
 * moderation and privacy requests (never published), and moderation state carries
 * over: approved stays approved, pending stays pending, spam stays spam.
 */
import type { CommentStatus, ImportedComment } from '../../server/storage/storage.ts';
import { wordpressDate } from './dates.ts';
import type { WxrComment } from './wxr-reader.ts';

const STATUS: Record<string, CommentStatus> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'rejected' };

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface CommentMapping {
  articleId: string;
  /** Prefix that makes WordPress comment ids unique in the store, e.g. `wordpress:liputanabn.com:`. */
  sourcePrefix: string;
  timeZone: string;
  /** WordPress user ids whose comments are the newsroom's replies. */
  newsroomUserIds: ReadonlySet<string>;
}

/** A comment ready for the store, less the store id (given when it is loaded). */
export type WordpressComment = Omit<ImportedComment, 'id'>;

export interface MappedComments {
  comments: WordpressComment[];
  /** Pingbacks and trackbacks: not conversation, not imported. */
  skipped: number;
}

/** The comments of one post, parents before replies. */
export function mapComments(list: readonly WxrComment[], m: CommentMapping): MappedComments {
  const kept = list.filter((c) => c.type === '' || c.type === 'comment');
  const byId = new Map(kept.map((c) => [c.id, c]));
  const comments: WordpressComment[] = [];
  const done = new Set<string>();
  // Depth-first from each root, so a reply never comes before its parent.
  const add = (c: WxrComment, seen: Set<string>) => {
    if (done.has(c.id) || seen.has(c.id)) return;
    seen.add(c.id);
    const parent = c.parent !== '0' ? byId.get(c.parent) : undefined;
    if (parent) add(parent, seen);
    done.add(c.id);
    const created = wordpressDate(c.dateGmt, c.date, m.timeZone) ?? new Date(0);
    const newsroom = c.userId !== '0' && m.newsroomUserIds.has(c.userId);
    comments.push({
      sourceId: m.sourcePrefix + c.id,
      parentSourceId: parent ? m.sourcePrefix + parent.id : null,
      articleId: m.articleId,
      authorName: decodeEntities(c.author).trim() || 'Anonim',
      authorEmail: newsroom ? null : c.email.trim().toLowerCase() || null,
      authorWebsite: /^https?:\/\/\S+$/.test(c.url) ? c.url : null,
      authorKind: newsroom ? 'newsroom' : 'reader',
      text: commentText(c.content),
      status: STATUS[c.approved] ?? 'pending',
      createdAt: created.toISOString(),
    });
  };
  const ordered = [...kept].sort((a, b) => Number(a.id) - Number(b.id));
  for (const c of ordered) add(c, new Set());
  return { comments, skipped: list.length - kept.length };
}
