import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILD_VARIABLE_NAMES, loadSettings } from '../../../src/server/settings.ts';

const SECRET = 'settings-test-secret-0123456789abcdef';

describe('server settings', () => {
  test('needs nothing but a secret, and defaults to the SQLite file under data/', () => {
    const s = loadSettings({ WARTA_SECRET: SECRET });
    expect(s).toMatchObject({ databaseUrl: undefined, dbPath: 'data/warta.sqlite', editors: {}, autoApprove: 'none', bodyLimit: 16_384, host: '127.0.0.1', port: 8787 });
  });

  test('stops with one message listing every problem and how to fix it', () => {
    expect(() =>
      loadSettings({ WARTA_SECERT: SECRET, WARTA_EDITORS: 'ana:short', PORT: 'http', WARTA_AUTO_APPROVE: 'yes', DATABASE_URL: 'mysql://x' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: warta-server: cannot start, fix these settings:
        - WARTA_SECERT: unknown setting; did you mean WARTA_SECRET?
        - DATABASE_URL: must start with postgres:// or postgresql://
        - WARTA_SECRET: required; generate one with \`openssl rand -hex 32\`
        - WARTA_EDITORS: token of editor "ana" is shorter than 24 characters; generate one with \`openssl rand -hex 24\`
        - WARTA_AUTO_APPROVE: Invalid option: expected one of "none"|"returning"|"all"
        - PORT: must be a number]
    `);
  });

  test('leaves the build’s own variables alone: one environment often builds and serves', () => {
    const env = Object.fromEntries(BUILD_VARIABLE_NAMES.map((name) => [name, '1']));
    expect(() => loadSettings({ ...env, WARTA_SECRET: SECRET })).not.toThrow();
    expect(BUILD_VARIABLE_NAMES).toContain('WARTA_CACHE_DIR');
  });

  test('knows exactly the build variables the README documents (a new one goes in both places)', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 5));
    const documented = [...table.matchAll(/^\| `(WARTA_[A-Z_]+)` \| ([^|]+) \|/gm)].filter((m) => /build|npm run dev/.test(m[2]!)).map((m) => m[1]);
    expect(documented.sort()).toEqual([...BUILD_VARIABLE_NAMES].sort());
  });

  test('parses editors, origins and lists from their env-var text', () => {
    const s = loadSettings({
      WARTA_SECRET: SECRET,
      WARTA_EDITORS: 'Ana Putri:aaaaaaaaaaaaaaaaaaaaaaaa, budi:bbbbbbbbbbbbbbbbbbbbbbbb',
      WARTA_ALLOWED_ORIGINS: 'https://liputanabn.com/, https://www.liputanabn.com',
      WARTA_TRUSTED_PROXY_HEADER: 'CF-Connecting-IP',
      WARTA_SMTP_URL: 'smtp://127.0.0.1:25',
      WARTA_SMTP_FROM: 'warta@liputanabn.com',
      WARTA_SMTP_TO: 'a@liputanabn.com',
    });
    expect(s.editors).toEqual({ 'Ana Putri': 'a'.repeat(24), budi: 'b'.repeat(24) });
    expect(s.allowedOrigins).toEqual(['https://liputanabn.com', 'https://www.liputanabn.com']);
    expect(s.trustedProxyHeader).toBe('cf-connecting-ip');
    expect(s.smtp).toEqual({ url: 'smtp://127.0.0.1:25', from: 'warta@liputanabn.com', to: ['a@liputanabn.com'] });
  });

  test('refuses editors who share a token, and SMTP without sender and recipients', () => {
    expect(() => loadSettings({ WARTA_SECRET: SECRET, WARTA_EDITORS: `a:${'t'.repeat(24)},b:${'t'.repeat(24)}` })).toThrow('editor "b" shares a token with another editor');
    expect(() => loadSettings({ WARTA_SECRET: SECRET, WARTA_SMTP_URL: 'smtp://127.0.0.1' })).toThrow('WARTA_SMTP_URL: needs WARTA_SMTP_FROM and WARTA_SMTP_TO as well');
  });

  test('refuses a secret with too few distinct characters, without printing it', () => {
    for (const weak of ['x'.repeat(32), 'abab'.repeat(16), '0123456'.repeat(6)]) {
      let message = '';
      try {
        loadSettings({ WARTA_SECRET: weak });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('WARTA_SECRET: has too few distinct characters (fewer than 10) to be random; generate one with `openssl rand -hex 32`');
      expect(message).not.toContain(weak.slice(0, 6));
    }
    expect(() => loadSettings({ WARTA_SECRET: 'f3a9c1d07be24856f3a9c1d07be24856' })).not.toThrow();
  });

  test('names a malformed editor entry by its position and prints no part of any token', () => {
    const token = 'Zq8Rt5Wv2Xy7Lm4Np1Ks9Jd6';
    for (const editors of [token, `ana:${'a'.repeat(24)},${token}`, `:${token}`, `bad/name:${token}`]) {
      let message = '';
      try {
        loadSettings({ WARTA_SECRET: SECRET, WARTA_EDITORS: editors });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/WARTA_EDITORS: entry \d of \d is not "name:token"/);
      for (let at = 0; at + 4 <= token.length; at++) expect(message).not.toContain(token.slice(at, at + 4));
    }
  });

  test('trusts loopback proxies by default and takes addresses or CIDR ranges, refusing anything else', () => {
    expect(loadSettings({ WARTA_SECRET: SECRET }).trustedProxies).toEqual(['127.0.0.0/8', '::1']);
    expect(loadSettings({ WARTA_SECRET: SECRET, WARTA_TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/16,fd00::/8' }).trustedProxies).toEqual(['10.0.0.5', '192.168.0.0/16', 'fd00::/8']);
    for (const bad of ['10.0.0.0/33', 'caddy', '10.0.0.1/8/1', '::1/129']) {
      expect(() => loadSettings({ WARTA_SECRET: SECRET, WARTA_TRUSTED_PROXIES: bad })).toThrow('WARTA_TRUSTED_PROXIES: must list IP addresses or CIDR ranges such as 127.0.0.1, 10.0.0.0/8, ::1');
    }
    expect(loadSettings({ WARTA_SECRET: SECRET, WARTA_DB_TIMEOUT: '2', WARTA_BODY_TIMEOUT: '45' })).toMatchObject({ dbTimeoutMs: 2000, bodyTimeoutMs: 45_000 });
  });

  test('treats empty variables as unset', () => {
    expect(loadSettings({ WARTA_SECRET: SECRET, DATABASE_URL: '', WARTA_AKISMET_KEY: ' ' }).databaseUrl).toBeUndefined();
  });
});
