import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('starting the production server', () => {
  it('refuses to start without WARTA_SECRET and says how to fix it', () => {
    const env = { ...process.env };
    delete env.WARTA_SECRET;
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/serve.ts')], { cwd: root, encoding: 'utf8', env, timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('WARTA_SECRET: required; generate one with `openssl rand -hex 32`');
  });
});
