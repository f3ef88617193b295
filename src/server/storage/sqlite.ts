import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.ts';
import { createKyselyStorage } from './kysely-storage.ts';
import type { Storage } from './storage.ts';

/**
 * SQLite through better-sqlite3 (docs/comments-api.md, "Storage", says why not node:sqlite).
 * WAL lets readers run beside the one writer, and busy_timeout makes a second
 * process wait for the write lock instead of failing with SQLITE_BUSY.
 */
export function openSqlite(path: string, options: { busyTimeoutMs?: number } = {}): Storage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Sqlite(path);
  database.pragma('journal_mode = WAL');
  // better-sqlite3 waits synchronously, so the wait is also the longest the process stalls.
  database.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 10_000)}`);
  // NORMAL in WAL mode never corrupts and loses nothing on a process crash;
  // only a power cut can drop the last commits (https://sqlite.org/pragma.html#pragma_synchronous).
  database.pragma('synchronous = NORMAL');
  return createKyselyStorage(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}
