import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/*
 * A deliberately tiny SMTP client (RFC 5321) for one plain-text notification:
 * EHLO, optional AUTH PLAIN (RFC 4616), MAIL/RCPT/DATA, QUIT. `smtps://` uses
 * implicit TLS (RFC 8314); STARTTLS is not spoken, so use port 465 for a remote
 * relay or a local relay on 25/587.
 */

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export async function sendMail(smtpUrl: string, mail: Mail, timeoutMs = 5000): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port) || (secure ? 465 : 25);
  const socket: Socket = secure ? tlsConnect({ host: url.hostname, port, servername: url.hostname }) : netConnect({ host: url.hostname, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP timeout')));
  socket.setEncoding('utf8');

  let buffer = '';
  const waiters: Array<(line: string) => void> = [];
  const failures: Array<(e: Error) => void> = [];
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply ends with a line whose 4th character is a space ("250 OK", not "250-…").
    let match: RegExpExecArray | null;
    while ((match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer))) {
      buffer = buffer.slice(match[0].length);
      waiters.shift()?.(match[0]);
    }
  });
  socket.on('error', (e) => failures.forEach((f) => f(e)));
  socket.on('close', () => failures.forEach((f) => f(new Error('SMTP connection closed'))));

  const reply = () =>
    new Promise<string>((resolve, reject) => {
      waiters.push(resolve);
      failures.push(reject);
    });
  const expect = async (code: string, command?: string) => {
    const pending = reply();
    if (command !== undefined) socket.write(`${command}\r\n`);
    const line = await pending;
    if (!line.startsWith(code)) throw new Error(`SMTP: expected ${code} after ${command?.split(' ')[0] ?? 'greeting'}, got ${line.trim()}`);
  };

  try {
    await expect('220');
    await expect('250', 'EHLO warta');
    if (url.username) {
      const auth = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`).toString('base64');
      await expect('235', `AUTH PLAIN ${auth}`);
    }
    await expect('250', `MAIL FROM:<${mail.from}>`);
    for (const to of mail.to) await expect('250', `RCPT TO:<${to}>`);
    await expect('354', 'DATA');
    const subject = `=?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`;
    const headers = [`From: <${mail.from}>`, `To: ${mail.to.map((t) => `<${t}>`).join(', ')}`, `Subject: ${subject}`, `Date: ${new Date().toUTCString()}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'];
    // Dot-stuffing (RFC 5321 §4.5.2) so a line "." in a comment cannot end the message.
    const body = mail.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    await expect('250', `${headers.join('\r\n')}\r\n\r\n${body}\r\n.`);
    await expect('221', 'QUIT').catch(() => {});
  } finally {
    socket.destroy();
  }
}
