/**
 * `npm run import:verify -- <export.xml> [--all] [--keep] [--json <file>]`
 *
 * The fidelity check a newsroom runs before switching: imports the export into a
 * scratch site (with its own SQLite comment store), imports it a second time, builds
 * the site with `astro build`, and compares the build with the export (see
 * src/wordpress/verify/). Prints every post below 100 % and the totals; exits 1 under
 * the thresholds. The scratch site lives under node_modules/.cache/ (the build needs
 * the project's node_modules) and is removed unless --keep.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importWordpress } from '../src/wordpress/import-wordpress.ts';
import { indexExport } from '../src/wordpress/read/export-index.ts';
import { WxrInputError, WxrSyntaxError } from '../src/wordpress/read/wxr-reader.ts';
import { parseMapping } from '../src/wordpress/plan/mapping.ts';
import { fidelityText, verifyExport } from '../src/wordpress/verify/verify-export.ts';
import { loadContent } from '../src/lib/content-check.ts';
import { openSqlite } from '../src/server/storage/sqlite.ts';
import { storeFor } from './wordpress-store.ts';

const USAGE = 'usage: npm run import:verify -- <export.xml> [--all] [--keep] [--json <file>]';
const options = { all: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, json: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } as const;
let args: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
  args = parseArgs({ allowPositionals: true, options });
} catch (error) {
  console.error(`import-verify: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const root = path.resolve(import.meta.dirname, '..');
const file = path.resolve(args.positionals[0]!);
const name = path.basename(file).replace(/\.xml$/i, '');
const work = path.join(root, 'node_modules/.cache/warta-import-verify', `${name.replace(/[^\w.-]+/g, '_')}-${process.pid}`);
const contentDir = path.join(work, 'content');
const publicDir = path.join(work, 'public');
const out = path.join(work, 'dist');
const started = performance.now();
const step = (s: string) => console.error(`import-verify: ${s} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(contentDir, { recursive: true });
const storage = openSqlite(path.join(work, 'warta.sqlite'));
try {
  await storage.migrate();
  const index = await indexExport(file);
  const store = storeFor(storage);
  const report = await importWordpress({ file, contentDir, publicDir, store });
  step(`imported ${report.items.length} posts and pages`);
  const secondRun = await importWordpress({ file, contentDir, publicDir, store });
  step('imported again');
  const problems = loadContent(contentDir, root).problems.filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new Error(`the imported content fails the content check:\n${problems.slice(0, 20).map((p) => `  ${p.file}:${p.line ?? ''} ${p.field ?? ''} ${p.key}`).join('\n')}`);
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', WARTA_CONTENT_DIR: contentDir, WARTA_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`astro build failed:\n${`${build.stdout}\n${build.stderr}`.split('\n').slice(-40).join('\n')}`);
  step('built');
  // What the import wrote into public/ (redirect pages, short links) is what a build copies into its output.
  const client = path.join(out, 'client');
  if (fs.existsSync(publicDir)) fs.cpSync(publicDir, client, { recursive: true, force: false });
  const stored = Object.fromEntries(await Promise.all(['approved', 'pending', 'spam', 'rejected'].map(async (s) => [s, await storage.countComments({ status: s as 'approved' })] as const)));
  const mapping = parseMapping(fs.readFileSync(path.join(contentDir, 'wordpress/mapping.yaml'), 'utf8'), 'mapping.yaml');
  const fidelity = await verifyExport({ file, index, mapping, report, client, stored, secondRun });
  console.log(fidelityText(name, fidelity, args.values.all));
  if (args.values.json) fs.writeFileSync(args.values.json, `${JSON.stringify({ export: name, ...fidelity }, null, 1)}\n`);
  step('checked');
  process.exitCode = fidelity.failures.length === 0 ? 0 : 1;
} catch (error) {
  if (error instanceof WxrSyntaxError) console.error(`import-verify: the export is not well-formed XML:\n  ${error.message}`);
  else if (error instanceof WxrInputError) console.error(`import-verify: not a WordPress export:\n  ${error.message}`);
  else console.error(`import-verify: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await storage.close();
  if (args.values.keep) console.error(`import-verify: kept ${path.relative(process.cwd(), work)}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
