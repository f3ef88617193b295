import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../../../../src/server/storage/postgres.ts';
import { openSqlite } from '../../../../src/server/storage/sqlite.ts';
import type { Storage } from '../../../../src/server/storage/storage.ts';

/**
 * The engines every storage-backed test runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (GoatCounter's gctest pattern). Each opened database is
 * private to its test file and dropped afterwards, so runs never see each other.
 */
export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  /** DATABASE_URL for PostgreSQL, or the SQLite file path. */
  env: Record<string, string>;
  open(): Storage;
  drop(): Promise<void>;
}

const unique = () => `warta_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'warta-'));
    const path = join(dir, 'warta.sqlite');
    return { env: { WARTA_DB_PATH: path }, open: () => openSqlite(path), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = unique();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.href },
    open: () => openPostgres(url.href),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** An opened, migrated storage plus its cleanup. */
export async function openTestStorage(engine: Engine): Promise<{ storage: Storage; database: TestDatabase; cleanup(): Promise<void> }> {
  const database = await createTestDatabase(engine);
  const storage = database.open();
  await storage.migrate();
  return {
    storage,
    database,
    async cleanup() {
      await storage.close();
      await database.drop();
    },
  };
}
