import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/*
 * Readers' complaints about a story or a comment. The queue is read oldest first per
 * status, because the guideline's 48 hours run from the moment a complaint arrives.
 */
export const complaints: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('complaints')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('contact', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('note', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema.createIndex('complaints_status').ifNotExists().on('complaints').columns(['status', 'created_at']).execute();
  },
};
