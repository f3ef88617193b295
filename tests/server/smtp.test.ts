import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../unit/server/helpers/engines.ts';
import { BROWSER_UA, startServer, type RunningServer } from './helpers/spawn-server.ts';

/*
 * New-comment mail from the real server to a local SMTP server (the npm smtp-server
 * package) that offers STARTTLS with a certificate made for this test. The SMTP
 * server would even accept a password in clear (allowInsecureAuth), so only the
 * client can be what keeps credentials inside TLS.
 */

interface Received {
  auths: Array<{ user: string; pass: string; secure: boolean }>;
  messages: string[];
}

async function smtpServer(options: { key: Buffer; cert: Buffer; offerStartTls: boolean }): Promise<Received & { port: number; close(): Promise<void> }> {
  const received: Received = { auths: [], messages: [] };
  const server = new SMTPServer({
    key: options.key,
    cert: options.cert,
    // A server without STARTTLS at all (hiding it from EHLO is not enough: the command would still work).
    disabledCommands: options.offerStartTls ? [] : ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, session, callback) {
      received.auths.push({ user: auth.username ?? '', pass: auth.password ?? '', secure: session.secure });
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        received.messages.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { ...received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('notification mail over STARTTLS', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-smtp-'));
  // A long title with non-ASCII characters: the subject must be encoded and folded.
  const TITLE = 'Banjir bandang melanda tujuh kecamatan di Palembang — warga mengungsi ke masjid dan sekolah terdekat';
  const articlesFile = path.join(dir, 'warta-articles.json');
  writeFileSync(articlesFile, JSON.stringify([{ id: 'banjir-palembang', title: TITLE, url: '/2024/05/banjir-palembang/' }]));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  let database: TestDatabase;

  beforeAll(async () => {
    // A throwaway certificate for 127.0.0.1; the function trusts it through NODE_EXTRA_CA_CERTS.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'pipe' });
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function withServer(offerStartTls: boolean, run: (server: RunningServer, smtp: Awaited<ReturnType<typeof smtpServer>>) => Promise<void>) {
    const smtp = await smtpServer({ key: readFileSync(keyFile), cert: readFileSync(certFile), offerStartTls });
    const server = await startServer({
      ...database.env,
      NODE_EXTRA_CA_CERTS: certFile,
      WARTA_SECRET: 'smtp-test-secret-0123456789abcdefghij',
      WARTA_ARTICLES_FILE: articlesFile,
      WARTA_COMMENT_MIN_SECONDS: '0',
      WARTA_SMTP_URL: `smtp://redaksi%40liputanabn.com:rahasia%20sekali@127.0.0.1:${smtp.port}`,
      WARTA_SMTP_FROM: 'warta@liputanabn.com',
      WARTA_SMTP_TO: 'redaksi@liputanabn.com,ana@liputanabn.com',
    });
    try {
      await run(server, smtp);
    } finally {
      await server.stop();
      await smtp.close();
    }
  }

  async function comment(server: RunningServer, text: string) {
    const { token } = (await (await fetch(`${server.url}/api/comments/banjir-palembang/token`)).json()) as { token: string };
    const r = await fetch(`${server.url}/api/comments/banjir-palembang`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA },
      body: JSON.stringify({ name: 'Siti Rahmawati', email: 'siti@example.com', text, acceptRules: true, token }),
    });
    expect(r.status).toBe(201);
  }

  test('logs in only after STARTTLS and sends a message with Message-ID and folded headers', async () => {
    await withServer(true, async (server, smtp) => {
      await comment(server, 'baris satu\n.\nbaris tiga');
      expect(smtp.auths).toEqual([{ user: 'redaksi@liputanabn.com', pass: 'rahasia sekali', secure: true }]);
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0]!;
      const split = message.indexOf('\r\n\r\n');
      const [headers, body] = [message.slice(0, split), message.slice(split + 4)];
      expect(headers).toMatch(/^Message-ID: <[^>\s]+@liputanabn\.com>$/m);
      expect(headers).toMatch(/^From: warta@liputanabn\.com$/m);
      expect(headers).toMatch(/^To: redaksi@liputanabn\.com, ana@liputanabn\.com$/m);
      // RFC 2047 encoded words, folded (RFC 5322 §2.1.1: lines under 78 characters).
      const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(headers)![1]!;
      expect(subject).toContain('\r\n ');
      for (const line of headers.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
      const words = subject.split(/\r\n[ \t]|\s/).filter((w) => w.startsWith('=?'));
      const decoded = words.map((w) => /^=\?UTF-8\?(Q|B)\?(.*)\?=$/i.exec(w)!).map(([, kind, text]) => (kind!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64').toString() : Buffer.from(text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString()));
      expect(decoded.join('')).toContain('mengungsi ke masjid');
      expect(body).toContain('Siti Rahmawati menulis di');
      expect(body).toContain('baris satu\r\n.\r\nbaris tiga');
      expect(message).not.toContain('siti@example.com');
    });
  });

  test('sends no credentials to a server that offers no STARTTLS, and logs why the mail failed', async () => {
    await withServer(false, async (server, smtp) => {
      await comment(server, 'Komentar tanpa TLS.');
      expect(smtp.auths).toEqual([]);
      expect(smtp.messages).toEqual([]);
      const failed = server.output.join('').split('\n').filter((l) => l.includes('"notification failed"'));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatch(/STARTTLS/i);
      expect(failed[0]).not.toContain('rahasia');
    });
  });
});
