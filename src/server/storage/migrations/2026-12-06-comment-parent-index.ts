import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/* A thread is read a page of top-level comments at a time, then their replies by parent id. */
export const commentParentIndex: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('comments_parent').ifNotExists().on('comments').columns(['parent_id', 'status', 'created_at']).execute();
  },
};
