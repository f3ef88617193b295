/**
 * The one narrow storage interface the service talks to (remark42's engine.Interface
 * in spirit). It knows rows, not rules: moderation, limits and dedupe policy live in
 * src/server/service/. Both engines implement it through the same Kysely code
 * (kysely-storage.ts); only the connection differs.
 */

/**
 * `unverified`: held until the commenter opens the mailed confirmation link
 * (WARTA_COMMENT_VERIFY_EMAIL); neither published nor in the moderators' queue.
 */
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam' | 'unverified';
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
  /**
   * The reader's acceptance of the comment rules: which rules (the page's address and
   * version, as the form showed them; null when the site has no rules page) and when.
   * Null for newsroom replies, imported comments and comments from before the rules box.
   */
  rulesAccepted: { rules: string | null; at: string } | null;
}

/**
 * A comment brought in from another system (the WordPress import). `sourceId` is its
 * id there: importing the same comment twice stores it once. The parent is named by
 * its source id too, so threads survive being loaded in several runs.
 */
export interface ImportedComment extends Omit<CommentRecord, 'parentId' | 'moderatedAt' | 'moderatedBy' | 'rulesAccepted'> {
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

export type ComplaintStatus = 'open' | 'resolved' | 'rejected';

/** A reader's complaint about a story (`commentId` null) or one of its comments. */
export interface ComplaintRecord {
  id: string;
  articleId: string;
  commentId: string | null;
  reason: string;
  text: string;
  /** How to reach the reader; never published. */
  contact: string | null;
  status: ComplaintStatus;
  createdAt: string;
  /** What the editor did (`hide`, `correct`, `reject`), who, when, and why. */
  resolution: string | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** For a complaint resolved with `correct`: when and by whom the correction was reported done (null while it is owed). */
  correctionDoneAt: string | null;
  correctionDoneBy: string | null;
}

/**
 * A one-time confirmation link mailed for a held comment. Only a hash of the
 * link's token is stored: a copy of the database cannot open the links.
 */
export interface EmailVerificationRecord {
  tokenHash: string;
  email: string;
  /** The held comment the link releases. */
  commentId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
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
  /** Moves a comment held for email confirmation to `status`; false when it is not held (any more). */
  releaseComment(id: string, status: Exclude<CommentStatus, 'unverified'>): Promise<boolean>;
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

  insertComplaint(complaint: ComplaintRecord): Promise<void>;
  getComplaint(id: string): Promise<ComplaintRecord | undefined>;
  /** Complaints with one status, oldest first (the order their deadlines fall due). */
  listComplaints(query: { status: ComplaintStatus; limit: number }): Promise<ComplaintRecord[]>;
  countComplaints(status: ComplaintStatus): Promise<number>;
  /**
   * Settles an open complaint. False when it is not open (any more): two editors
   * resolving at once settle it once.
   */
  resolveComplaint(id: string, resolution: { status: Exclude<ComplaintStatus, 'open'>; resolution: string; note: string | null; by: string; at: string }): Promise<boolean>;

  /** Complaints settled with `correct` whose correction is not reported done yet, oldest first. */
  listOwedCorrections(limit: number): Promise<ComplaintRecord[]>;
  /** Records that a complaint's correction is done; false when it is not owed (any more). */
  markCorrectionDone(id: string, by: string, at: string): Promise<boolean>;
  /** Forgets the contact of every complaint whose contact is this email (any case); returns how many. */
  clearComplaintContacts(email: string): Promise<number>;

  insertEmailVerification(record: EmailVerificationRecord): Promise<void>;
  /**
   * Uses a link: marks it used at `at` when it is unused and `expiresAt` is after `at`, in
   * one statement, so two clicks at once use it once. Returns the record as it was before,
   * and whether this call used it; undefined for an unknown hash.
   */
  useEmailVerification(tokenHash: string, at: string): Promise<{ used: boolean; record: EmailVerificationRecord } | undefined>;
  emailVerificationsByEmail(email: string): Promise<EmailVerificationRecord[]>;
  deleteEmailVerificationsByEmail(email: string): Promise<number>;
  /** Drops one comment's links (its mail could not be sent). */
  deleteEmailVerificationsOfComment(commentId: string): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
}
