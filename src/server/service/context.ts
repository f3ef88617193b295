import type { ServerSettings } from '../../schemas/server-settings.ts';
import type { ArticleCatalog } from '../catalog/catalog.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/storage.ts';

/** What every service needs; built once in app.ts. */
export interface ServiceContext {
  storage: Storage;
  settings: ServerSettings;
  catalog: ArticleCatalog;
  clock: () => Date;
  log: Logger;
  /** Outgoing HTTP (Akismet, webhook, article list); injectable for tests. */
  fetch: typeof fetch;
}

/** Who is asking, as the HTTP layer determined it. */
export interface Visitor {
  ip: string;
  userAgent: string;
  referrer: string;
}
