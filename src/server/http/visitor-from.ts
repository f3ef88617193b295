import type { Context } from 'hono';
import type { ServerSettings } from '../../schemas/server-settings.ts';
import type { Visitor } from '../service/context.ts';
import type { AppEnv } from './app-env.ts';
import { clientIp } from './client-ip.ts';

export function visitorFrom(c: Context<AppEnv>, settings: ServerSettings): Visitor {
  return {
    ip: clientIp(c.req.raw.headers, c.env?.clientIp, settings.trustedProxyHeader),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 512),
    referrer: (c.req.header('referer') ?? '').slice(0, 1024),
  };
}
