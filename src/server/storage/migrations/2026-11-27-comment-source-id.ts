import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/*
 * Imported comments remember their id in the old system (the WordPress import), so a
 * second import skips them instead of storing them twice. NULLs never collide in a
 * unique index on either engine, so comments made on Warta need no value.
 */
export const commentSourceId: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('comments').addColumn('source_id', 'text').execute();
    await db.schema.createIndex('comments_source_id').ifNotExists().unique().on('comments').column('source_id').execute();
  },
};
