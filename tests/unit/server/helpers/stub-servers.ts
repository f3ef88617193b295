import { createServer as createHttpServer, type IncomingMessage } from 'node:http';

/** A local HTTP server that records requests and answers with `reply`. Bound to 127.0.0.1 only. */
export async function httpStub(reply: (body: string, req: IncomingMessage) => { status?: number; body: string }) {
  const received: Array<{ url: string; headers: IncomingMessage['headers']; body: string }> = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      const r = reply(body, req);
      res.writeHead(r.status ?? 200, { 'content-type': 'text/plain' }).end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
