import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const workflows = fs.globSync('.github/workflows/*.yml', { cwd: root });

describe('GitHub Actions workflows', () => {
  it('exist for tests and for deploys', () => {
    expect(workflows.map((w) => path.basename(w)).sort()).toEqual(['deploy.yml', 'test.yml']);
  });

  for (const workflow of workflows) {
    it(`${path.basename(workflow)} passes the action-validator schema check`, () => {
      const result = spawnSync(process.execPath, [path.join(root, 'node_modules/@action-validator/cli/cli.mjs'), workflow], { cwd: root, encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
    });
  }

  it('deploys on a 15-minute schedule so scheduled stories go live without a push', () => {
    expect(fs.readFileSync(path.join(root, '.github/workflows/deploy.yml'), 'utf8')).toContain("cron: '*/15 * * * *'");
  });
});
