/**
 * The one thing the import needs from the comment/view store, and nothing more
 * (remark42's migrator.Store in spirit). The CLI hands in the real storage
 * (src/server/storage) through this interface; the import never imports it.
 */

export type ImportedCommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

/** A WordPress comment ready for the store; the store gives it its own id. */
export interface StoredComment {
  /** `wordpress:<host>:<comment id>`: the same comment imported twice is stored once. */
  sourceId: string;
  parentSourceId: string | null;
  /** An article id, `page:<page id>` for a page, or `wordpress:<post type>:<post id>` for anything else. */
  articleId: string;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  authorKind: 'reader' | 'newsroom';
  text: string;
  status: ImportedCommentStatus;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export interface WordpressStore {
  /** Stores comments in order (parents first), skipping source ids already stored; returns how many were new. */
  importComments(comments: readonly StoredComment[]): Promise<number>;
  /** Raises each article's view total to at least `views` (never lowers it). */
  raiseViewTotals(totals: ReadonlyArray<{ articleId: string; views: number }>): Promise<void>;
}
