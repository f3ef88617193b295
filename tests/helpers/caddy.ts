/**
 * Debian's Caddy as the TLS reverse proxy in front of a local server, as
 * docs/deploying.md sets it up, with Caddy's own internal CA (`tls internal`)
 * instead of a public certificate. Everything it writes stays in a temp folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/free-port.ts';

export interface Caddy {
  /** https://<host>:<port>, the public origin readers use. */
  origin: string;
  port: number;
  output: string[];
  close(): Promise<void>;
}

export async function startCaddy(host: string, backend: string): Promise<Caddy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'warta-caddy-'));
  const [port, httpPort] = [await freePort(), await freePort()];
  writeFileSync(
    path.join(dir, 'Caddyfile'),
    `{
\tadmin off
\tskip_install_trust
\tlocal_certs
\thttp_port ${httpPort}
\thttps_port ${port}
\tauto_https disable_redirects
}
https://${host}:${port} {
\ttls internal
\treverse_proxy ${new URL(backend).host}
}
`,
  );
  const output: string[] = [];
  const child = spawn('caddy', ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const req = request({ host: '127.0.0.1', port, servername: host, path: '/api/health', headers: { host: `${host}:${port}` }, rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.end();
    });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers()) return { origin: `https://${host}:${port}`, port, output, close };
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error(`caddy did not start:\n${output.join('')}`);
}
