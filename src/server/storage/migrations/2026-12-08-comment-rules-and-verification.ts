import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/*
 * Pedoman Pemberitaan Media Siber §3a–c: a comment records which comment rules its
 * author accepted, and when. Confirmation links for held comments keep only a hash
 * of their token. A complaint settled with "correct" stays on the editors' list until
 * the correction is reported done. Plain ADD COLUMN and CREATE TABLE read the same
 * on SQLite and PostgreSQL, so one file serves both.
 */
export const commentRulesAndVerification: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('comments').addColumn('rules_version', 'text').execute();
    await db.schema.alterTable('comments').addColumn('rules_accepted_at', 'text').execute();
    await db.schema.alterTable('complaints').addColumn('correction_done_at', 'text').execute();
    await db.schema.alterTable('complaints').addColumn('correction_done_by', 'text').execute();
    await db.schema
      .createTable('email_verifications')
      .ifNotExists()
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('email_verifications_email').ifNotExists().on('email_verifications').column('email').execute();
    await db.schema.createIndex('email_verifications_comment').ifNotExists().on('email_verifications').column('comment_id').execute();
  },
};
