/**
 * `npm start`: builds the portal when the build is missing or older than its
 * inputs, then serves pages and the comment/view API on one port,
 * http://127.0.0.1:4321 (override with HOST / PORT). `--no-build` (`npm run serve`)
 * serves the existing build as it is.
 *
 * For the demo, a missing WARTA_SECRET and WARTA_EDITORS are generated once and kept
 * in data/ so a newcomer can try comments and moderation; production deployments set
 * their own (the server refuses to start without a secret).
 */
import { spawnSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'dist', '.warta-build-stamp');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const skipBuild = process.argv.includes('--no-build');

/** A digest of everything a build reads, so an unchanged tree is served without rebuilding. */
function inputsDigest(): string {
  const hash = createHash('sha1').update(process.env.WARTA_CONTENT_DIR ?? 'content');
  for (const dir of ['src', process.env.WARTA_CONTENT_DIR ?? 'content', 'public']) {
    for (const file of fs.globSync('**/*', { cwd: path.join(root, dir) }).sort()) {
      const stat = fs.statSync(path.join(root, dir, file));
      if (stat.isFile()) hash.update(`${dir}/${file}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  for (const file of ['astro.config.mjs', 'package-lock.json']) hash.update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

if (!skipBuild) {
  const digest = inputsDigest();
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (current !== digest) {
    console.log('[warta] building the site…');
    const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    fs.writeFileSync(stampFile, digest);
  } else {
    console.log('[warta] build is up to date');
  }
}
if (!fs.existsSync(path.join(root, 'dist/server/entry.mjs'))) {
  console.error('[warta] no build in dist/: run `npm start` (or `npm run build`) first');
  process.exit(1);
}

/** A value kept in data/<name> across runs, created on first use. */
function demoValue(name: string, make: () => string): string {
  const file = path.join(root, 'data', name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = make();
  fs.writeFileSync(file, value, { mode: 0o600 });
  return value;
}

const env = { ...process.env, HOST: process.env.HOST ?? '127.0.0.1', PORT: process.env.PORT ?? '4321' };
if (!env.WARTA_SECRET) {
  env.WARTA_SECRET = demoValue('demo-secret', () => randomBytes(32).toString('hex'));
  console.log('[warta] WARTA_SECRET not set: using a demo secret kept in data/demo-secret');
}
if (!env.WARTA_EDITORS) {
  const token = demoValue('demo-editor-token', () => randomBytes(24).toString('hex'));
  env.WARTA_EDITORS = `demo:${token}`;
  console.log(`[warta] WARTA_EDITORS not set: sign in at http://${env.HOST}:${env.PORT}/moderasi/ with the demo token ${token}`);
}

const server = spawn(process.execPath, [path.join(root, 'dist/server/entry.mjs')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
