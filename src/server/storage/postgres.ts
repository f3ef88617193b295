import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { createKyselyStorage } from './kysely-storage.ts';
import type { Storage } from './storage.ts';

/**
 * PostgreSQL through a `pg` pool; small by default because serverless instances multiply it.
 * `timeoutMs` (the function's WARTA_DB_TIMEOUT) bounds connecting, each query on the
 * client side (a server that stops answering) and each statement on the server side.
 */
export function openPostgres(url: string, options: { max?: number; timeoutMs?: number } = {}): Storage {
  // CLIs (migrate, import) pass no deadline: a long import statement is not an outage.
  const deadline = options.timeoutMs === undefined ? {} : { query_timeout: options.timeoutMs, statement_timeout: options.timeoutMs };
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: options.timeoutMs ?? 5000, ...deadline });
  // An idle client losing its connection emits 'error' on the pool; without a
  // listener Node would crash the process. The next query simply reconnects.
  pool.on('error', () => {});
  return createKyselyStorage(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}
