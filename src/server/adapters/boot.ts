import type { ServerSettings } from '../../schemas/server-settings.ts';
import { createApp, type WartaApp } from '../app.ts';
import type { ArticleCatalog } from '../catalog/catalog.ts';
import { fileCatalog } from '../catalog/file-catalog.ts';
import { urlCatalog } from '../catalog/url-catalog.ts';
import { jsonLogger, type Logger } from '../log.ts';
import { loadSettings, type Env } from '../settings.ts';
import { openPostgres } from '../storage/postgres.ts';
import { resilientStorage } from '../storage/resilient.ts';
import { openSqlite } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';

export interface Booted {
  settings: ServerSettings;
  storage: Storage;
  app: WartaApp;
}

/**
 * What every adapter does at start: validate settings (throws SettingsError with
 * every problem listed), load the article list, and set up the database, which is
 * opened and migrated on first use (see storage/resilient.ts).
 * Settings are checked synchronously, before any await, so a bad environment fails
 * at import/start time even on platforms that boot lazily.
 */
export function boot(env: Env, options: { catalog?: ArticleCatalog; log?: Logger; siteUrl?: string } = {}): { settings: ServerSettings; ready: Promise<Booted> } {
  const loaded = loadSettings(env);
  // WARTA_SITE_URL wins; else the URL the site was built for (site.yaml `url`).
  const settings = { ...loaded, siteUrl: loaded.siteUrl ?? options.siteUrl?.replace(/\/+$/, '') };
  const log = options.log ?? jsonLogger();
  const catalog =
    options.catalog ?? (settings.articlesUrl ? urlCatalog(settings.articlesUrl) : fileCatalog(settings.articlesFile, 5000, (message) => log.error('article list unavailable', { cause: message })));
  const storage = resilientStorage(
    () => (settings.databaseUrl ? openPostgres(settings.databaseUrl, { timeoutMs: settings.dbTimeoutMs }) : openSqlite(settings.dbPath, { busyTimeoutMs: settings.dbTimeoutMs })),
    { engine: settings.databaseUrl ? 'postgres' : 'sqlite', timeoutMs: settings.dbTimeoutMs, log },
  );
  // Opened now so a problem shows in the log at start, but not awaited: the server
  // answers 503 until the database is there instead of refusing to start.
  void storage.ping();
  const ready = Promise.resolve({ settings, storage, app: createApp({ storage, settings, catalog, log }) });
  return { settings, ready };
}
