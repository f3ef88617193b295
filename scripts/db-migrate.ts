/**
 * `npm run db:migrate` — applies pending migrations to the database the settings
 * point at (PostgreSQL if DATABASE_URL is set, else WARTA_DB_PATH). The server does
 * the same at start; this is for deploy pipelines that migrate before switching.
 */
import { loadSettings, SettingsError } from '../src/server/settings.ts';
import { openStorage } from '../src/server/storage/open-storage.ts';

try {
  // Migrations need no secret; a placeholder keeps the one settings schema usable here.
  const settings = loadSettings({ WARTA_SECRET: 'migrations-do-not-use-the-secret-000', ...process.env });
  const storage = await openStorage(settings);
  await storage.close();
  console.log(`warta: database is up to date (${settings.databaseUrl ? 'PostgreSQL' : settings.dbPath})`);
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : `warta: migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
