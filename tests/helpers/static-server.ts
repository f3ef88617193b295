import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * Serves a built site on 127.0.0.1 with gzip'd assets, as a CDN would. Returns its origin and a close function.
 * `changing`: the folder is rebuilt while served, so every request reads the file as it is now
 * (sirv otherwise lists the files and their sizes once, at start).
 */
export async function serveStatic(dir: string, { changing = false } = {}): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: changing, etag: true, gzip: true, extensions: ['html'] });
  const server = http.createServer((req, res) => handler(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
