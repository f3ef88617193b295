import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { createKyselyStorage } from './kysely-storage.ts';
import type { Storage } from './storage.ts';

/**
 * PostgreSQL through a `pg` pool; small by default because serverless instances multiply it.
 * `timeoutMs` bounds connecting, each query on the client side (a server that stops
 * answering) and each statement on the server side (a query that runs too long).
 */
export function openPostgres(url: string, options: { max?: number; timeoutMs?: number } = {}): Storage {
  const timeout = options.timeoutMs ?? 5000;
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: timeout, query_timeout: timeout, statement_timeout: timeout });
  // An idle client losing its connection emits 'error' on the pool; without a
  // listener Node would crash the process. The next query simply reconnects.
  pool.on('error', () => {});
  return createKyselyStorage(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}
