/**
 * The fidelity check (`npm run import:verify`) on real WordPress exports nobody here
 * wrote. They cannot be committed with the project, so they are read from a folder:
 * WARTA_WXR_CORPUS, and `shared/wordpress/` beside the project (where CI finds the
 * newsroom's shared files). Without any export the test says so by its name and is
 * skipped: it never passes on nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from '../helpers/sites.ts';

const folders = [process.env.WARTA_WXR_CORPUS, path.join(root, '../shared/wordpress'), '/work/shared/wordpress'].filter((d): d is string => !!d && fs.existsSync(d));
const exports = [...new Set(folders.flatMap((d) => fs.globSync('*.xml', { cwd: d }).map((f) => path.resolve(d, f))))].sort();

const reason = 'no real WordPress exports found: set WARTA_WXR_CORPUS to a folder of .xml exports, or put them in shared/wordpress/';
if (exports.length === 0) console.warn(`import-wordpress-corpus: not run: ${reason}`);
// As the PostgreSQL cases do: skipped with the reason in its name, so a run without exports is
// visibly a run that checked nothing (the one placeholder case only ever shows as skipped).
const cases = exports.length > 0 ? exports.map((f) => [path.basename(f), f]) : [['(no export)', '']];

describe.skipIf(exports.length === 0)(`the fidelity check on real exports${exports.length === 0 ? ` (skipped: ${reason})` : ''}`, () => {
  test.each(cases)('%s: every threshold met', (_name, file) => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/import-verify.ts'), file], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('PASS: every threshold met');
  }, 180_000);
});
