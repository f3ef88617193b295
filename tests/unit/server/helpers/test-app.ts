import { createApp, type WartaApp } from '../../../../src/server/app.ts';
import { catalogFromList, type ArticleRef } from '../../../../src/server/catalog/catalog.ts';
import { memoryLogger } from '../../../../src/server/log.ts';
import { loadSettings } from '../../../../src/server/settings.ts';
import type { Storage } from '../../../../src/server/storage/storage.ts';
import { openTestStorage, type Engine } from './engines.ts';

export const ORIGIN = 'http://warta.test';
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
export const SECRET = 's3cret-for-tests-only-0123456789abcdef';
export const EDITORS = { ana: 'ana-token-0123456789abcdefgh', budi: 'budi-token-0123456789abcdefgh' };

export const ARTICLES: ArticleRef[] = [
  { id: 'banjir-palembang', title: 'Banjir di Palembang', url: '/2024/05/banjir-palembang/' },
  { id: 'pilkada-sumsel', title: 'Pilkada Sumsel', url: '/2024/06/pilkada-sumsel/' },
  { id: 'harga-cabai', title: 'Harga Cabai Naik', url: '/2024/06/harga-cabai/' },
];

export interface TestApp {
  app: WartaApp;
  storage: Storage;
  log: ReturnType<typeof memoryLogger>;
  /** The app's clock; tests move it forward. */
  clock: { now: Date; advance(seconds: number): void };
  request(path: string, init?: RequestInit & { ip?: string; json?: unknown; form?: Record<string, string> }): Promise<Response>;
  /** A valid form token old enough to pass the minimum delay. */
  token(articleId: string): Promise<string>;
  /** POSTs a valid comment and returns its id. */
  comment(articleId: string, fields?: Record<string, unknown>, ip?: string): Promise<string>;
  admin(path: string, init?: RequestInit & { editor?: keyof typeof EDITORS; json?: unknown }): Promise<Response>;
  cleanup(): Promise<void>;
}

export async function createTestApp(engine: Engine, env: Record<string, string> = {}, extra: { fetch?: typeof fetch } = {}): Promise<TestApp> {
  const { storage, cleanup } = await openTestStorage(engine);
  const settings = loadSettings({
    WARTA_SECRET: SECRET,
    WARTA_EDITORS: Object.entries(EDITORS).map(([n, t]) => `${n}:${t}`).join(','),
    ...env,
  });
  const log = memoryLogger();
  const clock = {
    now: new Date('2025-06-10T03:00:00Z'),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const app = createApp({ storage, settings, catalog: catalogFromList(ARTICLES), clock: () => clock.now, log, fetch: extra.fetch });

  const request: TestApp['request'] = (path, init = {}) => {
    const { ip = '203.0.113.7', json, form, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has('user-agent')) headers.set('user-agent', BROWSER_UA);
    const method = rest.method ?? (json !== undefined || form !== undefined ? 'POST' : 'GET');
    if ((method === 'POST' || method === 'DELETE') && !headers.has('origin')) headers.set('origin', ORIGIN);
    let body = rest.body;
    if (json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(json);
    } else if (form !== undefined) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(form).toString();
    }
    return app.fetch(new Request(`${ORIGIN}${path}`, { ...rest, method, headers, body }), { clientIp: ip });
  };

  const token = async (articleId: string) => {
    const r = await request(`/api/comments/${articleId}/token`);
    const { token: t } = (await r.json()) as { token: string };
    clock.advance(settings.comments.minSeconds + 1);
    return t;
  };

  return {
    app,
    storage,
    log,
    clock,
    request,
    token,
    async comment(articleId, fields = {}, ip) {
      const json = { name: 'Siti', email: 'siti@example.com', text: 'Semoga cepat surut.', acceptRules: true, token: await token(articleId), ...fields };
      const r = await request(`/api/comments/${articleId}`, { json, ip });
      if (r.status !== 201) throw new Error(`comment failed: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { id: string }).id;
    },
    admin(path, init = {}) {
      const { editor = 'ana', json, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set('authorization', `Bearer ${EDITORS[editor]}`);
      return request(path, { ...rest, headers, json, method: rest.method ?? (json !== undefined ? 'POST' : 'GET') });
    },
    cleanup,
  };
}
