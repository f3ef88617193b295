import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sveltiaBundle } from '../../../src/editor/vite-plugin.ts';
import { root } from '../../helpers/sites.ts';

const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-editor-bundle-'));
afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

describe('the editor bundled once', () => {
  it('bundles Sveltia with its default export, its own fonts and no per-language chunks, replacing an older bundle, for two builds at once', async () => {
    const older = path.join(cache, 'warta-editor', 'sveltia-000000000000');
    fs.mkdirSync(older, { recursive: true });
    const [{ dir, files }, other] = await Promise.all([sveltiaBundle(cache, root), sveltiaBundle(cache, root)]);
    expect(other).toEqual({ dir, files });
    expect(fs.readdirSync(path.dirname(dir))).toEqual([path.basename(dir)]);
    expect(fs.existsSync(older)).toBe(false);
    expect(path.basename(dir)).toMatch(/^sveltia-[0-9a-f]{12}$/);
    expect(files).toContain('index.js');
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toMatch(/export\s*\{[^}]*\bas default\b/);
    expect(files.some((f) => /^assets\/material-symbols-outlined.*\.woff2$/.test(f))).toBe(true);
    expect(files.filter((f) => /^chunks\/(abap|cobol|zig|wolfram|fortran)/.test(f))).toEqual([]);
  }, 60_000);

  it('reuses the bundle while the lockfile, Vite and the plugin are unchanged', async () => {
    const first = await sveltiaBundle(cache, root);
    const marker = path.join(first.dir, 'kept');
    fs.writeFileSync(marker, '');
    const started = Date.now();
    const again = await sveltiaBundle(cache, root);
    expect(again.dir).toBe(first.dir);
    expect(fs.existsSync(marker)).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
