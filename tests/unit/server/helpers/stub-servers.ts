import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer as createNetServer } from 'node:net';

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

/** A tiny SMTP server that accepts everything and keeps each message's envelope and data. */
export async function smtpStub() {
  const messages: Array<{ from: string; to: string[]; data: string; auth?: string }> = [];
  const server = createNetServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '', auth: undefined as string | undefined };
    socket.write('220 stub ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(current);
            current = { from: '', to: [], data: '', auth: undefined };
            socket.write('250 queued\r\n');
          } else current.data += `${line}\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250-stub\r\n250 AUTH PLAIN\r\n');
        else if (/^AUTH PLAIN /i.test(line)) {
          current.auth = Buffer.from(line.slice(11), 'base64').toString();
          socket.write('235 ok\r\n');
        } else if (/^MAIL FROM:/i.test(line)) {
          current.from = line.slice(10);
          socket.write('250 ok\r\n');
        } else if (/^RCPT TO:/i.test(line)) {
          current.to.push(line.slice(8));
          socket.write('250 ok\r\n');
        } else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('502 unknown\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `smtp://editor:rahasia@127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}
