import nodemailer from 'nodemailer';

/*
 * New-comment mail through nodemailer, a maintained SMTP client: STARTTLS,
 * Message-ID, MIME encoded-words and line folding, dot-stuffing. `smtps://` is
 * implicit TLS (RFC 8314, port 465); `smtp://` upgrades with STARTTLS, and when the
 * URL carries credentials the upgrade is required, so a password is never sent in
 * clear (RFC 3207 §6). A relay without credentials (smtp://127.0.0.1:25) may stay plain.
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
  const user = decodeURIComponent(url.username);
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    requireTLS: !secure && user !== '',
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Only text we build goes into the message; nothing may make the library read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
