import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../src/server/adapters/node.ts', import.meta.url));

describe('standalone server start-up', () => {
  test('stops with a clear message and exit code 1 when the secret is missing', () => {
    const result = spawnSync(process.execPath, [ENTRY], { env: { PATH: process.env.PATH ?? '', PORT: '0' }, encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('warta-server: cannot start, fix these settings:\n  - WARTA_SECRET: required; generate one with `openssl rand -hex 32`\n');
    expect(result.stdout).toBe('');
  });
});
