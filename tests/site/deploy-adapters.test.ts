/**
 * Netlify and Vercel deployments: the site is built with each platform's Astro
 * adapter (WARTA_DEPLOY_TARGET) and the built function is called with a Request,
 * on PostgreSQL when TEST_DATABASE_URL is set (as in CI), as on those platforms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../unit/server/helpers/engines.ts';
import { runBuild } from '../helpers/build-site.ts';
import { outputRoot, root, sites } from '../helpers/sites.ts';

const site = sites.english;
const engine = ENGINES.at(-1)!;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

const targets = {
  netlify: {
    entry: '.netlify/v1/functions/ssr/ssr.mjs',
    // Netlify hands the function the client IP in its context.
    call: (mod: { default: (r: Request, c: unknown) => Promise<Response> }, request: Request) =>
      mod.default(request, { ip: '203.0.113.7', geo: {}, params: {}, requestId: 't', waitUntil() {}, next: async () => new Response('static', { status: 404 }) }),
  },
  vercel: {
    entry: '.vercel/output/functions/_render.func/.vercel/output/server/entry.mjs',
    // Vercel puts the client IP in x-forwarded-for, which its edge sets.
    call: (mod: { default: { fetch: (r: Request) => Promise<Response> } }, request: Request) => {
      request.headers.set('x-forwarded-for', '203.0.113.8');
      return mod.default.fetch(request);
    },
  },
} as const;

for (const [target, platform] of Object.entries(targets)) {
  describe(`the ${target} build`, () => {
    let database: TestDatabase;
    let call: (request: Request) => Promise<Response>;
    const outDir = path.join(outputRoot, `deploy-${target}`);

    beforeAll(async () => {
      const build = runBuild(site, outDir, { WARTA_DEPLOY_TARGET: target });
      if (build.status !== 0) throw new Error(`${target} build failed:\n${build.output}`);
      database = await createTestDatabase(engine);
      const articles = fs.globSync('**/warta-articles.json', { cwd: outDir })[0] ?? fs.globSync(`.${target}/**/warta-articles.json`, { cwd: root })[0];
      Object.assign(process.env, database.env, {
        WARTA_SECRET: 'deploy-test-secret-0123456789abcdef0123456789',
        WARTA_ARTICLES_FILE: path.resolve(fs.existsSync(path.join(outDir, articles ?? '')) ? outDir : root, articles!),
      });
      const mod = await import(pathToFileURL(path.join(root, platform.entry)).href);
      call = (request) => (platform.call as (m: unknown, r: Request) => Promise<Response>)(mod, request);
    }, 180_000);

    afterAll(async () => {
      await database?.drop();
      for (const key of ['DATABASE_URL', 'WARTA_DB_PATH', 'WARTA_SECRET', 'WARTA_ARTICLES_FILE']) delete process.env[key];
    });

    const request = (method: string, url: string) =>
      new Request(`https://courier.example${url}`, { method, headers: { 'user-agent': USER_AGENT, origin: 'https://courier.example' } });

    it(`reports the ${engine} database as reachable`, async () => {
      const res = await call(request('GET', '/api/health'));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, db: 'reachable', engine });
    });

    it('counts a view and returns it in the batch endpoint', async () => {
      const posted = await call(request('POST', '/api/views/bridge-reopens'));
      expect(posted.status).toBe(200);
      expect(await posted.json()).toMatchObject({ id: 'bridge-reopens', views: 1, counted: true });
      const batch = await call(request('GET', '/api/views?ids=bridge-reopens'));
      expect(await batch.json()).toEqual({ views: { 'bridge-reopens': 1 } });
    });

    it('refuses an article the build did not publish', async () => {
      const res = await call(request('POST', '/api/views/council-draft'));
      expect(res.status).toBe(404);
    });
  });
}
