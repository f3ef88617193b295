import type { ServerSettings } from '../../schemas/server-settings.ts';
import { createApp, type WartaApp } from '../app.ts';
import type { ArticleCatalog } from '../catalog/catalog.ts';
import { fileCatalog } from '../catalog/file-catalog.ts';
import { urlCatalog } from '../catalog/url-catalog.ts';
import { jsonLogger, type Logger } from '../log.ts';
import { loadSettings, type Env } from '../settings.ts';
import { openStorage } from '../storage/open-storage.ts';
import type { Storage } from '../storage/storage.ts';

export interface Booted {
  settings: ServerSettings;
  storage: Storage;
  app: WartaApp;
}

/**
 * What every adapter does at start: validate settings (throws SettingsError with
 * every problem listed), load the article list, open and migrate the database.
 * Settings are checked synchronously, before any await, so a bad environment fails
 * at import/start time even on platforms that boot lazily.
 */
export function boot(env: Env, options: { catalog?: ArticleCatalog; log?: Logger; siteUrl?: string } = {}): { settings: ServerSettings; ready: Promise<Booted> } {
  const loaded = loadSettings(env);
  // WARTA_SITE_URL wins; else the URL the site was built for (site.yaml `url`).
  const settings = { ...loaded, siteUrl: loaded.siteUrl ?? options.siteUrl?.replace(/\/+$/, '') };
  const catalog = options.catalog ?? (settings.articlesUrl ? urlCatalog(settings.articlesUrl) : fileCatalog(settings.articlesFile));
  const log = options.log ?? jsonLogger();
  const ready = openStorage(settings).then((storage) => ({ settings, storage, app: createApp({ storage, settings, catalog, log }) }));
  return { settings, ready };
}
