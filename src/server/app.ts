import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { ServerSettings } from '../schemas/server-settings.ts';
import type { ArticleCatalog } from './catalog/catalog.ts';
import type { AppEnv, RequestEnv, Services } from './http/app-env.ts';
import { errorResponse } from './http/error-response.ts';
import { checkOrigin } from './http/origin-check.ts';
import { jsonLogger, type Logger } from './log.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { commentRoutes } from './routes/comments.ts';
import { healthRoutes } from './routes/health.ts';
import { viewRoutes } from './routes/views.ts';
import { createCommentService } from './service/comments.ts';
import type { ServiceContext } from './service/context.ts';
import { ApiError } from './service/errors.ts';
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
  };

  const app = new Hono<AppEnv>();
  // Before secure-headers: the sign-in popup's page sets its own CSP (see routes/auth.ts).
  authRoutes(app, services);
  app.use(
    secureHeaders({
      // API answers are data; the one HTML page has no script and only inline CSS.
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      // Cross-origin reads are governed by the CORS allow-list below.
      crossOriginResourcePolicy: 'cross-origin',
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
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'DELETE') checkOrigin(c.req.raw, ctx.settings.allowedOrigins);
    await next();
  });

  healthRoutes(app, services);
  viewRoutes(app, services);
  commentRoutes(app, services);
  adminRoutes(app, services);

  app.notFound((c) => errorResponse(new ApiError(404, 'not_found', `no endpoint ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`), ctx.log, c.req.raw));
  app.onError((error, c) => errorResponse(error, ctx.log, c.req.raw));

  return {
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
