import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSettings } from '../../../src/server/settings.ts';
import { httpStub } from './helpers/stub-servers.ts';
import { createTestApp, ORIGIN, SECRET, type TestApp } from './helpers/test-app.ts';

/*
 * The editor's GitHub sign-in against a real local HTTP server standing in for github.com's
 * token endpoint: every answer GitHub can give, and every way a callback can be forged.
 */

const TOKEN = 'gho_test0123456789abcdefTOKEN';
const CLIENT = { WARTA_GITHUB_CLIENT_ID: 'Iv1.testclient', WARTA_GITHUB_CLIENT_SECRET: 'secret-of-the-oauth-app-0123456789' };

let github: Awaited<ReturnType<typeof httpStub>>;
/** What the stub answers next: GitHub's 200-with-error for a used code, or a token. */
let reply: { status?: number; body: string } = { body: JSON.stringify({ access_token: TOKEN, token_type: 'bearer', scope: 'repo' }) };
let t: TestApp;

beforeAll(async () => {
  github = await httpStub(() => reply);
  t = await createTestApp('sqlite', { ...CLIENT, WARTA_GITHUB_URL: github.url, WARTA_SITE_URL: 'https://liputanabn.com' });
});
afterAll(async () => {
  await t.cleanup();
  await github.close();
});

/** Starts a sign-in and returns the state GitHub would send back, with the cookie the browser keeps. */
async function start(): Promise<{ state: string; cookie: string; location: URL }> {
  const r = await t.request('/api/auth?provider=github&site_id=liputanabn.com&scope=repo');
  expect(r.status).toBe(302);
  const location = new URL(r.headers.get('location')!);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  return { state: location.searchParams.get('state')!, cookie, location };
}

const callback = (query: string, cookie?: string) => t.request(`/api/auth/callback?${query}`, { headers: cookie ? { cookie } : {} });

function expectNoTokenLogged() {
  expect(JSON.stringify(t.log.lines)).not.toContain(TOKEN);
  expect(JSON.stringify(t.log.lines)).not.toContain(CLIENT.WARTA_GITHUB_CLIENT_SECRET);
}

describe('starting a sign-in', () => {
  test("sends the editor to GitHub's authorize page with the app's id, the public callback and a fresh state", async () => {
    const { state, location } = await start();
    expect(location.origin + location.pathname).toBe(`${github.url}/login/oauth/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: CLIENT.WARTA_GITHUB_CLIENT_ID,
      redirect_uri: 'https://liputanabn.com/api/auth/callback',
      scope: 'repo',
      state: expect.stringMatching(/^[0-9a-f]{48}$/),
    });
    expect((await start()).state).not.toBe(state);
  });

  test('keeps the state in an HttpOnly cookie for the callback only', async () => {
    const r = await t.request('/api/auth?provider=github&scope=repo');
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^warta_oauth_state=[0-9a-f]{48};/);
    expect(cookie).toContain('Path=/api/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Max-Age=600');
  });

  test('refuses another provider or a scope that is not a list of GitHub scope names', async () => {
    for (const query of ['provider=gitlab', 'provider=github&scope=repo%20user%3Cscript%3E', `provider=github&scope=${'a,'.repeat(10)}a`]) {
      const r = await t.request(`/api/auth?${query}`);
      expect(r.status, query).toBe(400);
      expect(await r.json()).toMatchObject({ error: expect.stringMatching(/^bad_/), message: expect.any(String) });
    }
  });
});

describe('the callback', () => {
  test("exchanges the code for a token and hands it to the editor's window with a page whose script the CSP allows", async () => {
    const { state, cookie } = await start();
    const before = github.received.length;
    const r = await callback(`code=abc123&state=${state}`, cookie);
    expect(r.status).toBe(200);
    expect(github.received.length).toBe(before + 1);
    const sent = github.received.at(-1)!;
    expect(sent.url).toBe('/login/oauth/access_token');
    expect(sent.headers.accept).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual({
      client_id: CLIENT.WARTA_GITHUB_CLIENT_ID,
      client_secret: CLIENT.WARTA_GITHUB_CLIENT_SECRET,
      code: 'abc123',
      redirect_uri: 'https://liputanabn.com/api/auth/callback',
    });
    const html = await r.text();
    expect(html).toContain(`authorization:github:success:{\\"token\\":\\"${TOKEN}\\",\\"provider\\":\\"github\\"}`);
    // Only to one of the site's own windows: the request's origin and the site's.
    expect(html).toContain(JSON.stringify([ORIGIN, 'https://liputanabn.com']));
    const script = html.match(/<script>([\s\S]*)<\/script>/)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(r.headers.get('content-security-policy')).toBe(`default-src 'none'; script-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'`);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('set-cookie')).toMatch(/^warta_oauth_state=; Max-Age=0; Path=\/api\/auth/);
    expectNoTokenLogged();
  });

  test('answers 400 to a forged, missing or cookie-less state and never calls GitHub', async () => {
    const { state, cookie } = await start();
    const before = github.received.length;
    const cases: Array<[string, string | undefined]> = [
      [`code=abc&state=${'0'.repeat(48)}`, cookie],
      [`code=abc&state=${state.slice(0, -1)}`, cookie],
      ['code=abc', cookie],
      [`code=abc&state=`, cookie],
      [`code=abc&state=${state}`, undefined],
      [`code=abc&state=${state}`, 'warta_oauth_state='],
      [`code=abc&state=${state}&state=${state}x`, 'warta_oauth_state=x'],
    ];
    for (const [query, c] of cases) {
      const r = await callback(query, c);
      expect(r.status, query).toBe(400);
      expect(await r.json()).toEqual({ error: 'bad_state', message: expect.stringContaining('start again from the editor') });
    }
    expect(github.received.length).toBe(before);
  });

  test('answers 400 without a code (the journalist declined on GitHub)', async () => {
    const { state, cookie } = await start();
    const r = await callback(`error=access_denied&error_description=The+user+has+denied&state=${state}`, cookie);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: 'bad_code', message: 'GitHub did not authorise the sign-in; start again from the editor' });
  });

  test("answers 502 with GitHub's reason when GitHub refuses the code, and logs no secret", async () => {
    reply = { body: JSON.stringify({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' }) };
    try {
      const { state, cookie } = await start();
      const r = await callback(`code=used&state=${state}`, cookie);
      expect(r.status).toBe(502);
      expect(await r.json()).toEqual({
        error: 'github_failed',
        message: "GitHub refused the sign-in (bad_verification_code: The code passed is incorrect or expired.); start again from the editor, or check the OAuth app's settings (docs/editor.md)",
      });
    } finally {
      reply = { body: JSON.stringify({ access_token: TOKEN }) };
    }
    expectNoTokenLogged();
  });

  test('answers 502 when GitHub fails or cannot be reached', async () => {
    reply = { status: 500, body: 'oops' };
    try {
      const { state, cookie } = await start();
      const r = await callback(`code=x&state=${state}`, cookie);
      expect(r.status).toBe(502);
      expect((await r.json()).message).toContain('(HTTP 500)');
    } finally {
      reply = { body: JSON.stringify({ access_token: TOKEN }) };
    }
    const closed = await httpStub(() => reply);
    await closed.close();
    const away = await createTestApp('sqlite', { ...CLIENT, WARTA_GITHUB_URL: closed.url });
    try {
      const start = await away.request('/api/auth?provider=github');
      const state = new URL(start.headers.get('location')!).searchParams.get('state');
      const r = await away.request(`/api/auth/callback?code=x&state=${state}`, { headers: { cookie: start.headers.get('set-cookie')!.split(';')[0]! } });
      expect(r.status).toBe(502);
      expect((await r.json()).message).toContain('GitHub could not be reached');
    } finally {
      await away.cleanup();
    }
  });
});

describe('settings', () => {
  test('without an OAuth app both routes answer 503 naming the settings to set', async () => {
    const plain = await createTestApp('sqlite');
    try {
      for (const path of ['/api/auth?provider=github', '/api/auth/callback?code=x&state=y']) {
        const r = await plain.request(path);
        expect(r.status, path).toBe(503);
        expect(await r.json()).toEqual({ error: 'auth_unconfigured', message: expect.stringContaining('WARTA_GITHUB_CLIENT_ID and WARTA_GITHUB_CLIENT_SECRET') });
      }
    } finally {
      await plain.cleanup();
    }
  });

  test('a client id without its secret (or the reverse) stops the server at start', () => {
    expect(() => loadSettings({ WARTA_SECRET: SECRET, WARTA_GITHUB_CLIENT_ID: 'x' })).toThrow(/WARTA_GITHUB_CLIENT_SECRET: required with the other WARTA_GITHUB_CLIENT_\* setting/);
    expect(() => loadSettings({ WARTA_SECRET: SECRET, WARTA_GITHUB_CLIENT_SECRET: 'x' })).toThrow(/WARTA_GITHUB_CLIENT_ID: required/);
  });

  test("the editor's build variables are not mistaken for the function's typos", () => {
    expect(() => loadSettings({ WARTA_SECRET: SECRET, WARTA_EDITOR_REPO: 'abn/portal', WARTA_EDITOR_BRANCH: 'main' })).not.toThrow();
  });
});
