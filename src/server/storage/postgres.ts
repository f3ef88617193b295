import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { createKyselyStorage } from './kysely-storage.ts';
import type { Storage } from './storage.ts';

/** PostgreSQL through a `pg` pool; small by default because serverless instances multiply it. */
export function openPostgres(url: string, options: { max?: number } = {}): Storage {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection emits 'error' on the pool; without a
  // listener Node would crash the process. The next query simply reconnects.
  pool.on('error', () => {});
  return createKyselyStorage(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}
