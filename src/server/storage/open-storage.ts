import type { ServerSettings } from '../../schemas/server-settings.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** PostgreSQL when DATABASE_URL is set, else the SQLite file; migrated before use. */
export async function openStorage(settings: Pick<ServerSettings, 'databaseUrl' | 'dbPath'>): Promise<Storage> {
  const storage = settings.databaseUrl ? openPostgres(settings.databaseUrl) : openSqlite(settings.dbPath);
  await storage.migrate();
  return storage;
}
