/**
 * The one narrow storage interface the service talks to (remark42's engine.Interface
 * in spirit). It knows rows, not rules: moderation, limits and dedupe policy live in
 * src/server/service/. Both engines implement it through the same Kysely code
 * (kysely-storage.ts); only the connection differs.
 */

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';
export type AuthorKind = 'reader' | 'newsroom';

export interface CommentRecord {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  /** Null for newsroom replies. Never leaves the admin API. */
  authorEmail: string | null;
  authorWebsite: string | null;
  authorKind: AuthorKind;
  text: string;
  status: CommentStatus;
  /** ISO 8601 UTC with milliseconds, so text order is time order on both engines. */
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: string | null;
}

/**
 * A comment brought in from another system (the WordPress import). `sourceId` is its
 * id there: importing the same comment twice stores it once. The parent is named by
 * its source id too, so threads survive being loaded in several runs.
 */
export interface ImportedComment extends Omit<CommentRecord, 'parentId' | 'moderatedAt' | 'moderatedBy'> {
  sourceId: string;
  parentSourceId: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  editor: string;
  action: string;
  commentId: string | null;
  /** Small JSON object with what changed. */
  detail: Record<string, unknown>;
}

export interface ViewResult {
  /** False when this visitor was already counted for this article today. */
  counted: boolean;
  total: number;
}

export interface CommentQuery {
  articleId?: string;
  status?: CommentStatus;
  limit: number;
  offset?: number;
  /** `asc` (oldest first) for threads, `desc` for the moderation queue. */
  order: 'asc' | 'desc';
}

export interface ThreadPageQuery {
  articleId: string;
  /** The last top-level comment of the previous page. */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface Storage {
  readonly engine: 'sqlite' | 'postgres';
  /** Runs pending migrations; safe to call on every start and from several processes. */
  migrate(): Promise<void>;
  /** True when a trivial query succeeds. */
  ping(): Promise<boolean>;
  /** Commits one tiny write (a health-check row); throws the engine's error when writes fail (full or read-only disk). */
  checkWrite(): Promise<void>;
  close(): Promise<void>;

  /** Counts one view if (article, day, visitor) is new; atomic in SQL. */
  recordView(view: { articleId: string; day: string; visitor: string }): Promise<ViewResult>;
  viewTotals(articleIds: readonly string[]): Promise<Map<string, number>>;
  /** Most viewed articles over days `>= sinceDay`, most first, ties by id. */
  popular(sinceDay: string, limit: number): Promise<Array<{ articleId: string; views: number }>>;
  /** Forgets visitor hashes of days before `day` and rate-limit windows before `windowStart`. */
  prune(beforeDay: string, beforeWindow: string): Promise<void>;

  /** Adds one hit to a rate-limit bucket and returns the hits in that window. */
  hit(bucket: string, windowStart: string): Promise<number>;

  insertComment(comment: CommentRecord): Promise<void>;
  getComment(id: string): Promise<CommentRecord | undefined>;
  listComments(query: CommentQuery): Promise<CommentRecord[]>;
  countComments(query: Pick<CommentQuery, 'articleId' | 'status'>): Promise<number>;
  /**
   * One page of an article's approved thread: up to `limit` top-level comments after
   * `after` (oldest first), with all their approved replies at any depth.
   */
  listThreadPage(query: ThreadPageQuery): Promise<{ roots: CommentRecord[]; replies: CommentRecord[]; more: boolean }>;
  setCommentStatus(id: string, status: CommentStatus, by: string, at: string): Promise<boolean>;
  deleteComment(id: string): Promise<boolean>;
  commentsByEmail(email: string): Promise<CommentRecord[]>;
  deleteCommentsByEmail(email: string): Promise<number>;
  hasApprovedComment(email: string): Promise<boolean>;

  /**
   * Stores imported comments in order (parents before replies), in one transaction.
   * A comment whose `sourceId` is already stored is skipped, never updated (it may have
   * been moderated since). Returns how many were new.
   */
  importComments(comments: readonly ImportedComment[]): Promise<number>;
  /**
   * Starting view totals from the old site: each article's total becomes at least
   * `views` (never lowered, so counts gathered since are kept on a re-import).
   */
  raiseViewTotals(totals: ReadonlyArray<{ articleId: string; views: number }>): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
}
