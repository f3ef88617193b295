/**
 * Says which comment a reply answers ("Balasan untuk Sari: “Semoga banjir…”"). The parent is
 * looked up among the comments the page has listed, else among its article's comments
 * in every status (one request per status, once per article).
 */
import type { AdminComment, CommentStatus } from './admin-api.ts';
import { element, type Desk } from './desk.ts';

const STATUSES: CommentStatus[] = ['approved', 'pending', 'spam', 'rejected'];
const EXCERPT = 80;

export function excerpt(text: string, length = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).replace(/\s+\S*$/, '')}…`;
}

export function createReplyContext(desk: Desk) {
  const known = new Map<string, AdminComment>();
  const byArticle = new Map<string, Promise<boolean>>();

  /** Resolves true when every status answered, so a parent still missing is really gone. */
  function loadArticle(articleId: string): Promise<boolean> {
    let loading = byArticle.get(articleId);
    if (!loading) {
      loading = Promise.all(STATUSES.map((status) => desk.call((api) => api.list(status, 0, 200, articleId)))).then((pages) => {
        for (const page of pages) for (const c of page?.items ?? []) known.set(c.id, c);
        return pages.every((page) => page !== undefined);
      });
      byArticle.set(articleId, loading);
    }
    return loading;
  }

  return {
    /** Comments listed anywhere on the page, so most parents need no request. */
    remember(comments: AdminComment[]): void {
      for (const c of comments) known.set(c.id, c);
    },
    /** The line under a reply's header; filled in when the parent is found. */
    describe(comment: AdminComment & { parentId: string }): HTMLElement {
      const line = element('p', 'moderation-item__flag moderation-item__parent', desk.t('moderation.isReply'));
      const fill = (parent: AdminComment) =>
        line.replaceChildren(`${desk.t('moderation.replyTo', { name: parent.authorName })} `, element('q', '', excerpt(parent.text)));
      const parent = known.get(comment.parentId);
      if (parent) fill(parent);
      else {
        void loadArticle(comment.articleId).then((complete) => {
          const found = known.get(comment.parentId);
          if (found) fill(found);
          // Deleted for good (or erased on a privacy request); after a failed look-up the plain label stays.
          else if (complete) line.textContent = desk.t('moderation.replyToUnknown');
        });
      }
      return line;
    },
  };
}
