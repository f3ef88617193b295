import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/*
 * Kysely's schema builder writes the right DDL for each engine, so one file serves
 * both. Dates are ISO text and ids are random text on purpose: identical on SQLite
 * and PostgreSQL, no serial/autoincrement dialect split.
 */
export const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('comments')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_email', 'text')
      .addColumn('author_website', 'text')
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('moderated_at', 'text')
      .addColumn('moderated_by', 'text')
      .execute();
    await db.schema.createIndex('comments_article').ifNotExists().on('comments').columns(['article_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('comments_status').ifNotExists().on('comments').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('comments_email').ifNotExists().on('comments').column('author_email').execute();

    await db.schema
      .createTable('view_totals')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.primaryKey())
      .addColumn('views', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('view_days')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('view_days_pk', ['article_id', 'day'])
      .execute();
    await db.schema.createIndex('view_days_day').ifNotExists().on('view_days').columns(['day', 'article_id']).execute();
    await db.schema
      .createTable('view_visitors')
      .ifNotExists()
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('view_visitors_pk', ['day', 'article_id', 'visitor'])
      .execute();

    await db.schema
      .createTable('rate_limits')
      .ifNotExists()
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'window_start'])
      .execute();

    await db.schema
      .createTable('audit_log')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('editor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_at').ifNotExists().on('audit_log').column('at').execute();
  },
};
