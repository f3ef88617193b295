/**
 * The moderation page's client for the admin API (docs/comments-api.md, "Admin API").
 * Every call carries the editor's bearer token; every failure becomes an
 * AdminError with the API's error code (`network` when nothing answered).
 */

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'rejected';
export type ModerationAction = 'approve' | 'reject' | 'spam';

/** A comment as the admin API lists it (with email and article title). */
export interface AdminComment {
  id: string;
  articleId: string;
  articleTitle: string | null;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  authorKind: 'reader' | 'newsroom';
  text: string;
  status: CommentStatus;
  createdAt: string;
  /** Which comment rules the reader accepted, and when; null for newsroom replies and older comments. */
  rulesAccepted: { rules: string | null; at: string } | null;
}

export type ComplaintAction = 'hide' | 'correct' | 'reject';

/** An open complaint as the admin API lists it, with its deadline (docs/comments-api.md, "Complaints"). */
export interface AdminComplaint {
  id: string;
  articleId: string;
  articleTitle: string | null;
  commentId: string | null;
  commentAuthor: string | null;
  commentText: string | null;
  reason: string;
  text: string;
  contact: string | null;
  createdAt: string;
  deadline: string;
  msLeft: number;
  overdue: boolean;
}

/** A story an editor marked for correction from a complaint, until the correction is reported done. */
export interface OwedCorrection {
  id: string;
  articleId: string;
  articleTitle: string | null;
  reason: string;
  text: string;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export function createAdminApi(token: string) {
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        cache: 'no-store',
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new AdminError(0, 'network');
    }
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) throw new AdminError(response.status, json.error ?? `http_${response.status}`);
    return json as T;
  }

  const comment = (id: string) => `/api/admin/comments/${encodeURIComponent(id)}`;
  return {
    me: () => call<{ editor: string }>('GET', '/api/admin/me'),
    list: (status: CommentStatus, offset = 0, limit = 50, articleId?: string) =>
      call<{ total: number; items: AdminComment[] }>(
        'GET',
        `/api/admin/comments?status=${status}&limit=${limit}&offset=${offset}${articleId ? `&article=${encodeURIComponent(articleId)}` : ''}`,
      ),
    moderate: (id: string, action: ModerationAction) => call<{ status: CommentStatus }>('POST', `${comment(id)}/${action}`),
    remove: (id: string) => call<{ deleted: boolean }>('DELETE', comment(id)),
    reply: (id: string, text: string) => call<{ id: string }>('POST', `${comment(id)}/reply`, { text }),
    complaints: () => call<{ total: number; items: AdminComplaint[] }>('GET', '/api/admin/complaints?status=open&limit=200'),
    resolveComplaint: (id: string, action: ComplaintAction) =>
      call<{ status: string }>('POST', `/api/admin/complaints/${encodeURIComponent(id)}/resolve`, { action }),
    corrections: () => call<{ items: OwedCorrection[] }>('GET', '/api/admin/corrections?limit=200'),
    correctionDone: (id: string) => call<{ correctionDone: boolean }>('POST', `/api/admin/corrections/${encodeURIComponent(id)}/done`),
    exportByEmail: (email: string) => call<{ email: string; comments: AdminComment[] }>('POST', '/api/admin/privacy/export', { email }),
    deleteByEmail: (email: string) => call<{ deleted: number }>('POST', '/api/admin/privacy/delete', { email }),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
