import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Services, WartaHono } from '../http/app-env.ts';
import { scriptJson } from '../../lib/script-json.ts';

/*
 * GitHub sign-in for the browser editor (/redaksi/editor/), so a newsroom needs no third-party
 * OAuth service: the OAuth web flow (https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps)
 * in the shape Sveltia and Decap CMS open in a popup:
 *
 *   GET /api/auth?provider=github&scope=repo  -> state cookie, 302 to GitHub's authorize page
 *   GET /api/auth/callback?code&state         -> state checked (RFC 6749 §10.12), code exchanged,
 *                                                a page that hands the token to the editor window
 *
 * The hand-over is the CMS's postMessage handshake: the popup says `authorizing:github`, the
 * editor answers, and only then does the popup post `authorization:github:success:{token}`,
 * to that window's origin and only when it is one of the site's. The token appears in that
 * page alone: never in a log line, a URL or an error message.
 *
 * Registered before the app's secure-headers middleware, whose `default-src 'none'` would
 * block the hand-over script: every response here sets its own headers (CSP with the
 * script's hash, no framing, no referrer, no caching).
 */

const STATE_COOKIE = 'warta_oauth_state';
const STATE_MAX_AGE = 600;
const SCOPE = /^[a-z_:]{1,40}(,[a-z_:]{1,40}){0,5}$/;

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function jsonError(status: 400 | 502 | 503, error: string, message: string): Response {
  return new Response(JSON.stringify({ error, message }), {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" },
  });
}

/** The public address the callback is reached at: the site's URL when known (behind a proxy), else the request's. */
function callbackUrl(c: Context, siteUrl: string | undefined): string {
  return new URL('/api/auth/callback', siteUrl ?? c.req.url).href;
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The popup's page: hands the token over to an editor window of one of `origins`, then closes. */
function handOverPage(token: string, origins: string[]): Response {
  const message = `authorization:github:success:${JSON.stringify({ token, provider: 'github' })}`;
  const script = `(() => {
  const origins = ${scriptJson(origins)};
  const message = ${scriptJson(message)};
  if (!window.opener) { document.body.textContent = 'Open the editor and sign in from there.'; return; }
  window.addEventListener('message', (event) => {
    if (event.data !== 'authorizing:github' || !origins.includes(event.origin)) return;
    window.opener.postMessage(message, event.origin);
    window.close();
  });
  for (const origin of origins) window.opener.postMessage('authorizing:github', origin);
})();`;
  const hash = createHash('sha256').update(script).digest('base64');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>GitHub</title></head><body><script>${script}</script></body></html>`;
  return new Response(html, {
    status: 200,
    headers: {
      ...BASE_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'`,
    },
  });
}

export function authRoutes(app: WartaHono, s: Services) {
  const { settings, log } = s.ctx;

  app.get('/api/auth', (c) => {
    const github = settings.githubAuth;
    if (!github) return jsonError(503, 'auth_unconfigured', 'GitHub sign-in is not set up: set WARTA_GITHUB_CLIENT_ID and WARTA_GITHUB_CLIENT_SECRET (docs/editor.md)');
    const provider = c.req.query('provider') ?? 'github';
    if (provider !== 'github') return jsonError(400, 'bad_provider', 'only provider=github is supported');
    const scope = c.req.query('scope') ?? 'repo';
    if (!SCOPE.test(scope)) return jsonError(400, 'bad_scope', 'scope must be GitHub scope names separated by commas, e.g. repo');
    const state = randomBytes(24).toString('hex');
    const authorize = new URL('/login/oauth/authorize', github.url);
    authorize.search = new URLSearchParams({ client_id: github.clientId, redirect_uri: callbackUrl(c, settings.siteUrl), scope, state }).toString();
    setCookie(c, STATE_COOKIE, state, {
      path: '/api/auth',
      httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
      // Lax: the cookie must come back on GitHub's top-level redirect to the callback.
      sameSite: 'Lax',
      maxAge: STATE_MAX_AGE,
    });
    for (const [k, v] of Object.entries(BASE_HEADERS)) c.header(k, v);
    return c.redirect(authorize.href, 302);
  });

  app.get('/api/auth/callback', async (c) => {
    const github = settings.githubAuth;
    if (!github) return jsonError(503, 'auth_unconfigured', 'GitHub sign-in is not set up: set WARTA_GITHUB_CLIENT_ID and WARTA_GITHUB_CLIENT_SECRET (docs/editor.md)');
    const expected = getCookie(c, STATE_COOKIE);
    const state = c.req.query('state');
    const code = c.req.query('code');
    // One use only, whatever happens next.
    const withCookie = (response: Response) => {
      response.headers.append('set-cookie', `${STATE_COOKIE}=; Max-Age=0; Path=/api/auth; HttpOnly; SameSite=Lax`);
      return response;
    };
    if (!expected || !state) return withCookie(jsonError(400, 'bad_state', 'the sign-in has no state (cookie or parameter missing); start again from the editor'));
    if (!sameState(expected, state)) return withCookie(jsonError(400, 'bad_state', 'the sign-in state does not match; start again from the editor'));
    if (!code || code.length > 200) return withCookie(jsonError(400, 'bad_code', c.req.query('error_description') ? 'GitHub did not authorise the sign-in; start again from the editor' : 'the callback has no code; start again from the editor'));

    let token: string | undefined;
    let failure: string;
    try {
      const response = await s.ctx.fetch(new URL('/login/oauth/access_token', github.url), {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: github.clientId, client_secret: github.clientSecret, code, redirect_uri: callbackUrl(c, settings.siteUrl) }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
      if (response.ok && typeof body.access_token === 'string' && body.access_token !== '') token = body.access_token;
      // GitHub answers 200 with `error` for a bad or used code, a wrong secret or redirect URI.
      failure = typeof body.error === 'string' ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).name === 'TimeoutError' ? 'no answer within 10 s' : 'GitHub could not be reached';
    }
    if (!token) {
      log.warn('github sign-in failed', { reason: failure.slice(0, 200) });
      return withCookie(jsonError(502, 'github_failed', `GitHub refused the sign-in (${failure.slice(0, 200)}); start again from the editor, or check the OAuth app's settings (docs/editor.md)`));
    }
    const origins = [...new Set([new URL(c.req.url).origin, ...(settings.siteUrl ? [new URL(settings.siteUrl).origin] : []), ...settings.allowedOrigins])];
    return withCookie(handOverPage(token, origins));
  });
}
