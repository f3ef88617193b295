import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { migrationProvider } from './migrations/index.ts';
import type { AuditEntry, CommentQuery, CommentRecord, CommentStatus, ComplaintRecord, ComplaintStatus, EmailVerificationRecord, Storage } from './storage.ts';

/*
 * The single query code path for SQLite and PostgreSQL. Only portable SQL is used:
 * INSERT … ON CONFLICT (SQLite ≥ 3.24), RETURNING (SQLite ≥ 3.35), and aggregates
 * cast to integer because PostgreSQL returns bigint sums as strings.
 */

type CommentRow = Selectable<Database['comments']>;

const toRecord = (row: CommentRow): CommentRecord => ({
  id: row.id,
  articleId: row.article_id,
  parentId: row.parent_id,
  authorName: row.author_name,
  authorEmail: row.author_email,
  authorWebsite: row.author_website,
  authorKind: row.author_kind as CommentRecord['authorKind'],
  text: row.body,
  status: row.status as CommentStatus,
  createdAt: row.created_at,
  moderatedAt: row.moderated_at,
  moderatedBy: row.moderated_by,
  rulesAccepted: row.rules_accepted_at === null ? null : { rules: row.rules_version, at: row.rules_accepted_at },
});

const toVerification = (row: Selectable<Database['email_verifications']>): EmailVerificationRecord => ({
  tokenHash: row.token_hash,
  email: row.email,
  commentId: row.comment_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

const toComplaint = (row: Selectable<Database['complaints']>): ComplaintRecord => ({
  id: row.id,
  articleId: row.article_id,
  commentId: row.comment_id,
  reason: row.reason,
  text: row.body,
  contact: row.contact,
  status: row.status as ComplaintStatus,
  createdAt: row.created_at,
  resolution: row.resolution,
  note: row.note,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at,
  correctionDoneAt: row.correction_done_at,
  correctionDoneBy: row.correction_done_by,
});

export function createKyselyStorage(db: Kysely<Database>, engine: Storage['engine']): Storage {
  /**
   * A transaction that fails with its own error. When SQLite aborts a transaction
   * itself (disk full at COMMIT, I/O error), a ROLLBACK then fails with "cannot
   * rollback - no transaction is active"; Kysely's `transaction()` would throw that
   * and hide the real cause, so the rollback's own failure is ignored here.
   */
  async function transaction<T>(body: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const trx = await db.startTransaction().execute();
    try {
      const result = await body(trx);
      await trx.commit().execute();
      return result;
    } catch (error) {
      // The connection is released even when the rollback fails.
      await trx.rollback().execute().catch(() => {});
      throw error;
    }
  }

  return {
    engine,

    async migrate() {
      const { error } = await new Migrator({ db, provider: migrationProvider, migrationTableName: 'warta_migrations', migrationLockTableName: 'warta_migrations_lock' }).migrateToLatest();
      if (error) throw error;
    },

    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },

    async checkWrite() {
      // A committed upsert on a fixed old rate-limit window: the daily prune removes it.
      await db
        .insertInto('rate_limits')
        .values({ bucket: 'warta:health', window_start: '1970-01-01T00:00:00.000Z', hits: 1 })
        .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
        .execute();
    },

    async close() {
      await db.destroy();
    },

    async recordView({ articleId, day, visitor }) {
      // The visitor insert comes first so that on SQLite the transaction takes the
      // write lock with its first statement (waiting on busy_timeout) instead of
      // upgrading a read snapshot, which fails with SQLITE_BUSY under contention.
      return transaction(async (trx) => {
        const inserted = await trx
          .insertInto('view_visitors')
          .values({ day, article_id: articleId, visitor })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
          const row = await trx.selectFrom('view_totals').select('views').where('article_id', '=', articleId).executeTakeFirst();
          return { counted: false, total: row?.views ?? 0 };
        }
        await trx
          .insertInto('view_days')
          .values({ article_id: articleId, day, views: 1 })
          .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet({ views: sql`view_days.views + 1` }))
          .execute();
        const total = await trx
          .insertInto('view_totals')
          .values({ article_id: articleId, views: 1 })
          .onConflict((oc) => oc.column('article_id').doUpdateSet({ views: sql`view_totals.views + 1` }))
          .returning('views')
          .executeTakeFirstOrThrow();
        return { counted: true, total: total.views };
      });
    },

    async viewTotals(articleIds) {
      const totals = new Map<string, number>();
      if (articleIds.length === 0) return totals;
      const rows = await db.selectFrom('view_totals').select(['article_id', 'views']).where('article_id', 'in', [...articleIds]).execute();
      for (const row of rows) totals.set(row.article_id, row.views);
      return totals;
    },

    async popular(sinceDay, limit) {
      const rows = await db
        .selectFrom('view_days')
        .select(['article_id', sql<number>`cast(sum(views) as integer)`.as('total')])
        .where('day', '>=', sinceDay)
        .groupBy('article_id')
        .orderBy('total', 'desc')
        .orderBy('article_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ articleId: r.article_id, views: Number(r.total) }));
    },

    async prune(beforeDay, beforeWindow) {
      await db.deleteFrom('view_visitors').where('day', '<', beforeDay).execute();
      await db.deleteFrom('rate_limits').where('window_start', '<', beforeWindow).execute();
    },

    async hit(bucket, windowStart) {
      const row = await db
        .insertInto('rate_limits')
        .values({ bucket, window_start: windowStart, hits: 1 })
        .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
        .returning('hits')
        .executeTakeFirstOrThrow();
      return row.hits;
    },

    async insertComment(c) {
      await db
        .insertInto('comments')
        .values({
          ...commentColumns(c),
          parent_id: c.parentId,
          moderated_at: c.moderatedAt,
          moderated_by: c.moderatedBy,
          rules_version: c.rulesAccepted?.rules ?? null,
          rules_accepted_at: c.rulesAccepted?.at ?? null,
        })
        .execute();
    },

    async getComment(id) {
      const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    async listComments(q: CommentQuery) {
      let query = db.selectFrom('comments').selectAll();
      if (q.articleId !== undefined) query = query.where('article_id', '=', q.articleId);
      if (q.status !== undefined) query = query.where('status', '=', q.status);
      const rows = await query
        .orderBy('created_at', q.order)
        .orderBy('id', q.order)
        .limit(q.limit)
        .offset(q.offset ?? 0)
        .execute();
      return rows.map(toRecord);
    },

    async countComments(q) {
      let query = db.selectFrom('comments').select(sql<number>`cast(count(*) as integer)`.as('n'));
      if (q.articleId !== undefined) query = query.where('article_id', '=', q.articleId);
      if (q.status !== undefined) query = query.where('status', '=', q.status);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listThreadPage({ articleId, after, limit }) {
      let query = db.selectFrom('comments').selectAll().where('article_id', '=', articleId).where('status', '=', 'approved').where('parent_id', 'is', null);
      if (after) {
        query = query.where((eb) => eb.or([eb('created_at', '>', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)])]));
      }
      const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute();
      const roots = rows.slice(0, limit).map(toRecord);
      // Replies level by level (a reply may answer a reply); the ids go in batches to stay under parameter limits.
      const replies: CommentRecord[] = [];
      let frontier = roots.map((r) => r.id);
      while (frontier.length > 0) {
        const next: string[] = [];
        for (let at = 0; at < frontier.length; at += 1000) {
          const children = await db
            .selectFrom('comments')
            .selectAll()
            .where('parent_id', 'in', frontier.slice(at, at + 1000))
            .where('status', '=', 'approved')
            .orderBy('created_at')
            .orderBy('id')
            .execute();
          for (const child of children) {
            replies.push(toRecord(child));
            next.push(child.id);
          }
        }
        frontier = next;
      }
      return { roots, replies, more: rows.length > limit };
    },

    async setCommentStatus(id, status, by, at) {
      const result = await db
        .updateTable('comments')
        .set({ status, moderated_by: by, moderated_at: at })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async releaseComment(id, status) {
      const result = await db.updateTable('comments').set({ status }).where('id', '=', id).where('status', '=', 'unverified').executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async deleteComment(id) {
      const result = await db.deleteFrom('comments').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async commentsByEmail(email) {
      const rows = await db.selectFrom('comments').selectAll().where('author_email', '=', email).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async deleteCommentsByEmail(email) {
      const result = await db.deleteFrom('comments').where('author_email', '=', email).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async hasApprovedComment(email) {
      const row = await db
        .selectFrom('comments')
        .select('id')
        .where('author_email', '=', email)
        .where('status', '=', 'approved')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async importComments(comments) {
      if (comments.length === 0) return 0;
      return transaction(async (trx) => {
        let inserted = 0;
        for (const c of comments) {
          // The parent is looked up by its source id inside the same statement, so a
          // reply finds a parent stored earlier in this batch or in an earlier run.
          const parent = c.parentSourceId === null ? null : trx.selectFrom('comments').select('id').where('source_id', '=', c.parentSourceId).limit(1);
          const result = await trx
            .insertInto('comments')
            .values({ ...commentColumns(c), parent_id: parent, moderated_at: null, moderated_by: null, source_id: c.sourceId })
            .onConflict((oc) => oc.column('source_id').doNothing())
            .executeTakeFirst();
          inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
        }
        return inserted;
      });
    },

    async raiseViewTotals(totals) {
      if (totals.length === 0) return;
      await transaction(async (trx) => {
        for (const { articleId, views } of totals) {
          await trx
            .insertInto('view_totals')
            .values({ article_id: articleId, views })
            .onConflict((oc) =>
              oc.column('article_id').doUpdateSet({ views: sql`case when view_totals.views < excluded.views then excluded.views else view_totals.views end` }),
            )
            .execute();
        }
      });
    },

    async insertComplaint(c) {
      await db
        .insertInto('complaints')
        .values({
          id: c.id,
          article_id: c.articleId,
          comment_id: c.commentId,
          reason: c.reason,
          body: c.text,
          contact: c.contact,
          status: c.status,
          created_at: c.createdAt,
          resolution: c.resolution,
          note: c.note,
          resolved_by: c.resolvedBy,
          resolved_at: c.resolvedAt,
          correction_done_at: c.correctionDoneAt,
          correction_done_by: c.correctionDoneBy,
        })
        .execute();
    },

    async getComplaint(id) {
      const row = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toComplaint(row);
    },

    async listComplaints({ status, limit }) {
      const rows = await db.selectFrom('complaints').selectAll().where('status', '=', status).orderBy('created_at').orderBy('id').limit(limit).execute();
      return rows.map(toComplaint);
    },

    async countComplaints(status) {
      const row = await db.selectFrom('complaints').select(sql<number>`cast(count(*) as integer)`.as('n')).where('status', '=', status).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async resolveComplaint(id, r) {
      const result = await db
        .updateTable('complaints')
        .set({ status: r.status, resolution: r.resolution, note: r.note, resolved_by: r.by, resolved_at: r.at })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listOwedCorrections(limit) {
      const rows = await db
        .selectFrom('complaints')
        .selectAll()
        .where('status', '=', 'resolved')
        .where('resolution', '=', 'correct')
        .where('correction_done_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toComplaint);
    },

    async markCorrectionDone(id, by, at) {
      const result = await db
        .updateTable('complaints')
        .set({ correction_done_at: at, correction_done_by: by })
        .where('id', '=', id)
        .where('status', '=', 'resolved')
        .where('resolution', '=', 'correct')
        .where('correction_done_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async clearComplaintContacts(email) {
      const result = await db
        .updateTable('complaints')
        .set({ contact: null })
        .where(sql<string>`lower(trim(contact))`, '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async insertEmailVerification(v) {
      await db
        .insertInto('email_verifications')
        .values({ token_hash: v.tokenHash, email: v.email, comment_id: v.commentId, created_at: v.createdAt, expires_at: v.expiresAt, used_at: v.usedAt })
        .execute();
    },

    async useEmailVerification(tokenHash, at) {
      // The conditions sit in the UPDATE itself: of two clicks at once, one changes the row.
      const updated = await db
        .updateTable('email_verifications')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
      if (updated) return { used: true, record: { ...toVerification(updated), usedAt: null } };
      const row = await db.selectFrom('email_verifications').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && { used: false, record: toVerification(row) };
    },

    async emailVerificationsByEmail(email) {
      const rows = await db.selectFrom('email_verifications').selectAll().where('email', '=', email).orderBy('created_at').execute();
      return rows.map(toVerification);
    },

    async deleteEmailVerificationsByEmail(email) {
      const result = await db.deleteFrom('email_verifications').where('email', '=', email).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteEmailVerificationsOfComment(commentId) {
      await db.deleteFrom('email_verifications').where('comment_id', '=', commentId).execute();
    },

    async appendAudit(e: AuditEntry) {
      await db
        .insertInto('audit_log')
        .values({ id: e.id, at: e.at, editor: e.editor, action: e.action, comment_id: e.commentId, detail: JSON.stringify(e.detail) })
        .execute();
    },

    async listAudit(limit) {
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        editor: r.editor,
        action: r.action,
        commentId: r.comment_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },
  };
}

/** The columns every stored comment has, from the fields new and imported comments share. */
function commentColumns(c: Omit<CommentRecord, 'parentId' | 'moderatedAt' | 'moderatedBy' | 'rulesAccepted'>) {
  return {
    id: c.id,
    article_id: c.articleId,
    author_name: c.authorName,
    author_email: c.authorEmail,
    author_website: c.authorWebsite,
    author_kind: c.authorKind,
    body: c.text,
    status: c.status,
    created_at: c.createdAt,
  };
}
