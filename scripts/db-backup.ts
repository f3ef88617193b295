/**
 * `npm run db:backup [destination]` — a consistent copy of the SQLite database,
 * taken with SQLite's online backup API while the server keeps running
 * (https://sqlite.org/backup.html), then checked with `PRAGMA integrity_check`.
 * For PostgreSQL it prints the pg_dump command to run instead.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { loadSettings, SettingsError } from '../src/server/settings.ts';

try {
  const settings = loadSettings({ WARTA_SECRET: 'backups-do-not-use-the-secret-00000', ...process.env });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  if (settings.databaseUrl) {
    console.log('warta: PostgreSQL is backed up with pg_dump, e.g.:');
    console.log(`  pg_dump --format=custom --no-owner --file=warta-${stamp}.dump "$DATABASE_URL"`);
    console.log('restore with: pg_restore --clean --no-owner --dbname="$DATABASE_URL" warta-<stamp>.dump');
  } else {
    const destination = process.argv[2] ?? join(dirname(settings.dbPath), 'backups', `warta-${stamp}.sqlite`);
    mkdirSync(dirname(destination), { recursive: true });
    const source = new Database(settings.dbPath, { readonly: true, fileMustExist: true });
    await source.backup(destination);
    source.close();
    const copy = new Database(destination, { readonly: true });
    const check = copy.pragma('integrity_check', { simple: true });
    const comments = copy.prepare('select count(*) from comments').pluck().get();
    copy.close();
    if (check !== 'ok') throw new Error(`the copy failed integrity_check: ${String(check)}`);
    console.log(`warta: backed up ${settings.dbPath} to ${destination} (${String(comments)} comments, integrity ok)`);
  }
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : `warta: backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
