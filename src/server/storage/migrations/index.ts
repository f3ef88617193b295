import type { Migration, MigrationProvider } from 'kysely/migration';
import { initial } from './2025-06-01-initial.ts';
import { commentSourceId } from './2026-11-27-comment-source-id.ts';
import { commentParentIndex } from './2026-12-06-comment-parent-index.ts';
import { complaints } from './2026-12-07-complaints.ts';
import { commentRulesAndVerification } from './2026-12-08-comment-rules-and-verification.ts';

/*
 * Migrations named by date (GoatCounter's habit) and listed here rather than read
 * from a folder, so bundlers (Netlify, Vercel, Astro's server build) include them.
 * Add new ones at the end; never edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
  '2025-06-01-initial': initial,
  '2026-11-27-comment-source-id': commentSourceId,
  '2026-12-06-comment-parent-index': commentParentIndex,
  '2026-12-07-complaints': complaints,
  '2026-12-08-comment-rules-and-verification': commentRulesAndVerification,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
