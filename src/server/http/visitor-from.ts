import type { Context } from 'hono';
import type { ServerSettings } from '../../schemas/server-settings.ts';
import type { Visitor } from '../service/context.ts';
import type { AppEnv } from './app-env.ts';
import { clientIp } from './client-ip.ts';
import { isTrustedProxy } from './proxies.ts';

export function visitorFrom(c: Context<AppEnv>, settings: ServerSettings): Visitor {
  const peer = c.env?.clientIp;
  return {
    ip: clientIp(c.req.raw.headers, peer, settings.trustedProxyHeader, isTrustedProxy(settings.trustedProxies, peer)),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 512),
    referrer: (c.req.header('referer') ?? '').slice(0, 1024),
  };
}
