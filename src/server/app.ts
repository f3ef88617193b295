import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { ServerSettings } from '../schemas/server-settings.ts';
import type { ArticleCatalog } from './catalog/catalog.ts';
import type { AppEnv, RequestEnv, Services } from './http/app-env.ts';
import { errorResponse } from './http/error-response.ts';
import { methodNotAllowed, type RouteInfo } from './http/methods.ts';
import { checkOrigin } from './http/origin-check.ts';
import { isTrustedProxy } from './http/proxies.ts';
import { publicOrigins } from './http/public-origin.ts';
import { checkUrlText } from './http/text-rule.ts';
import { jsonLogger, type Logger } from './log.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { commentRoutes } from './routes/comments.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { healthRoutes } from './routes/health.ts';
import { viewRoutes } from './routes/views.ts';
import { createCommentService } from './service/comments.ts';
import type { ServiceContext } from './service/context.ts';
import { ApiError } from './service/errors.ts';
import { createEmailVerification } from './service/email-verification.ts';
import { createModerationService } from './service/moderation.ts';
import { createViewService } from './service/views.ts';
import type { Storage } from './storage/storage.ts';

export interface AppOptions {
  storage: Storage;
  settings: ServerSettings;
  catalog: ArticleCatalog;
  clock?: () => Date;
  log?: Logger;
  fetch?: typeof fetch;
}

export interface WartaApp {
  fetch(request: Request, env?: RequestEnv): Promise<Response>;
  /** Every route (method and Hono path), for tests that must cover each one. */
  routes: RouteInfo[];
}

/**
 * The whole function as `Request -> Response`. It knows nothing of Node, Netlify,
 * Vercel or Astro; adapters pass the socket address in `env.clientIp`.
 */
export function createApp(options: AppOptions): WartaApp {
  const ctx: ServiceContext = {
    storage: options.storage,
    settings: options.settings,
    catalog: options.catalog,
    clock: options.clock ?? (() => new Date()),
    log: options.log ?? jsonLogger(),
    fetch: options.fetch ?? fetch,
  };
  const services: Services = {
    ctx,
    views: createViewService(ctx),
    comments: createCommentService(ctx),
    moderation: createModerationService(ctx),
    verification: createEmailVerification(ctx),
  };

  const app = new Hono<AppEnv>();
  // Filled once every route is registered, below.
  const routes: RouteInfo[] = [];
  // Before secure-headers: the sign-in popup's page sets its own CSP (see routes/auth.ts).
  authRoutes(app, services);
  app.use(
    secureHeaders({
      // API answers are data; the one HTML page has no script, only inline CSS, and report forms posting to this function.
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"] },
      // Cross-origin reads are governed by the CORS allow-list below.
      crossOriginResourcePolicy: 'cross-origin',
      // Not Hono's no-referrer: under it Chromium posts the page's report forms with `Origin: null`,
      // which the origin check refuses. same-origin still sends nothing to other sites.
      referrerPolicy: 'same-origin',
    }),
  );
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (ctx.settings.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['Content-Type', 'Authorization'],
      maxAge: 600,
    }),
  );
  // Methods the path does not take (TRACE, PUT…) and control characters in the path or query: 4xx before any route.
  app.use(async (c, next) => {
    const url = new URL(c.req.url);
    const refused = methodNotAllowed(routes, c.req.method, url.pathname);
    if (refused && c.req.method !== 'OPTIONS') throw refused;
    checkUrlText(url);
    await next();
  });
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'DELETE') {
      const own = publicOrigins(c.req.raw, { siteUrl: ctx.settings.siteUrl, fromTrustedProxy: isTrustedProxy(ctx.settings.trustedProxies, c.env?.clientIp) });
      checkOrigin(c.req.raw, own, ctx.settings.allowedOrigins);
    }
    await next();
  });

  healthRoutes(app, services);
  viewRoutes(app, services);
  commentRoutes(app, services);
  adminRoutes(app, services);
  complaintRoutes(app, services);

  routes.push(...app.routes.filter((r) => r.method !== 'ALL').map(({ method, path }) => ({ method, path })));
  app.notFound((c) => errorResponse(new ApiError(404, 'not_found', `no endpoint ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`), ctx.log, c.req.raw));
  app.onError((error, c) => errorResponse(error, ctx.log, c.req.raw));

  return {
    routes,
    async fetch(request, env = {}) {
      try {
        return await app.fetch(request, env);
      } catch (error) {
        // Hono handles route errors itself; this catches failures before routing (e.g. a URL it cannot parse).
        return errorResponse(error, ctx.log, request);
      }
    },
  };
}
