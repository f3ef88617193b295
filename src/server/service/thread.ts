import type { CommentRecord } from '../storage/storage.ts';

/** A comment as the public sees it: no email, no moderation data. */
export interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; newsroom: boolean };
  text: string;
  createdAt: string;
  replies: PublicComment[];
}

/** The ONE place a stored comment becomes public; only listed fields are copied. */
export function toPublicComment(c: CommentRecord): PublicComment {
  return {
    id: c.id,
    parentId: c.parentId,
    author: { name: c.authorName, website: c.authorWebsite, newsroom: c.authorKind === 'newsroom' },
    text: c.text,
    createdAt: c.createdAt,
    replies: [],
  };
}

/**
 * Nests approved comments under their parents. Order: top-level comments oldest
 * first (a conversation reads top-down, as on WordPress), replies oldest first under
 * their parent. A reply whose parent is not approved (pending, removed) is hidden
 * with it, so a conversation never shows answers to something invisible.
 */
export function buildThread(approvedOldestFirst: CommentRecord[]): PublicComment[] {
  const nodes = new Map(approvedOldestFirst.map((c) => [c.id, toPublicComment(c)]));
  const roots: PublicComment[] = [];
  for (const node of nodes.values()) {
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)?.replies.push(node);
  }
  return roots;
}
