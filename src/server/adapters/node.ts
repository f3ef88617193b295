import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { jsonLogger } from '../log.ts';
import { SettingsError, type Env } from '../settings.ts';
import { boot, type Booted } from './boot.ts';
import { guardMethods } from './node-guard.ts';

/**
 * Standalone Node server for the API alone (when the site is on a CDN and the
 * function runs on a small VPS). `npm start` of the Astro build uses adapters/astro.ts
 * instead. The socket's address is the client IP unless a trusted header is set.
 */
export async function startNodeServer(env: Env = process.env): Promise<Booted & { server: Server; url: string; close(): Promise<void> }> {
  const log = jsonLogger();
  const { ready } = boot(env, { log });
  const booted = await ready;
  const listener = getRequestListener((request, bindings) =>
    booted.app.fetch(request, { clientIp: 'incoming' in bindings ? bindings.incoming.socket.remoteAddress : undefined }),
  );
  const server = createServer(guardMethods(listener));
  // Slow-loris requests must not hold a connection forever. The app answers a slow
  // body itself (408 JSON after WARTA_BODY_TIMEOUT); Node's own cut-off comes later, as a backstop.
  server.headersTimeout = 10_000;
  server.requestTimeout = booted.settings.bodyTimeoutMs + 10_000;
  await new Promise<void>((resolve) => server.listen(booted.settings.port, booted.settings.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : booted.settings.port;
  const url = `http://${booted.settings.host.includes(':') ? `[${booted.settings.host}]` : booted.settings.host}:${port}`;
  log.info('listening', { url, engine: booted.storage.engine, pid: process.pid });
  return {
    ...booted,
    server,
    url,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await booted.storage.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startNodeServer().then(
    (running) => {
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: unknown) => {
      // A settings problem is the operator's to fix: say what, without a stack.
      process.stderr.write(`${error instanceof SettingsError ? error.message : `warta-server: cannot start: ${error instanceof Error ? error.message : String(error)}`}\n`);
      process.exit(1);
    },
  );
}
