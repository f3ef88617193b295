import { SMTPServer } from 'smtp-server';

/** A plain local SMTP server (no TLS, no auth) on 127.0.0.1, as a relay would be; keeps each message with its recipients. */
export async function localSmtpServer() {
  const messages: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    /** Messages to one address, their bodies decoded (quoted-printable, RFC 2045 §6.7). */
    to: (address: string) => messages.filter((m) => m.to.includes(address)).map((m) => quotedPrintable(m.raw)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function quotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

/** The confirmation link in a mail's text. */
export function confirmationLink(mail: string): URL {
  const match = /https?:\/\/\S+\/verifikasi-komentar\/\?token=[A-Za-z0-9_-]{43}/.exec(mail);
  if (!match) throw new Error(`no confirmation link in the mail:\n${mail}`);
  return new URL(match[0]);
}
