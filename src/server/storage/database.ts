/** Kysely's view of the tables, shared by both engines. Column types are the lowest common denominator. */
export interface Database {
  comments: {
    id: string;
    article_id: string;
    parent_id: string | null;
    author_name: string;
    author_email: string | null;
    author_website: string | null;
    author_kind: string;
    body: string;
    status: string;
    created_at: string;
    moderated_at: string | null;
    moderated_by: string | null;
    /** Id in the system a comment was imported from (null for comments made here). */
    source_id: string | null;
    /** Which comment rules the reader accepted, and when (null: none asked). */
    rules_version: string | null;
    rules_accepted_at: string | null;
  };
  view_totals: { article_id: string; views: number };
  view_days: { article_id: string; day: string; views: number };
  view_visitors: { day: string; article_id: string; visitor: string };
  rate_limits: { bucket: string; window_start: string; hits: number };
  complaints: {
    id: string;
    article_id: string;
    comment_id: string | null;
    reason: string;
    body: string;
    contact: string | null;
    status: string;
    created_at: string;
    resolution: string | null;
    note: string | null;
    resolved_by: string | null;
    resolved_at: string | null;
    correction_done_at: string | null;
    correction_done_by: string | null;
  };
  email_verifications: {
    token_hash: string;
    email: string;
    comment_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  audit_log: {
    id: string;
    at: string;
    editor: string;
    action: string;
    comment_id: string | null;
    detail: string;
  };
}
