/**
 * `npm start`: builds the portal when the build is missing or older than its
 * inputs, then serves pages and the comment/view API on one port,
 * http://127.0.0.1:4321 (override with HOST / PORT). `--no-build` (`npm run serve`)
 * serves the existing build as it is.
 * Demo secrets: see scripts/demo-env.ts.
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withDemoSecrets } from './demo-env.ts';
import { buildInputsDigest } from './build-inputs.ts';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'dist', '.warta-build-stamp');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) {
  const digest = buildInputsDigest(root, process.env.WARTA_CONTENT_DIR ?? 'content');
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

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4321';
const env = withDemoSecrets({ ...process.env, HOST: host, PORT: port }, root, `http://${host}:${port}`);

// scripts/serve.ts checks the function's settings before the server starts listening.
const server = spawn(process.execPath, [path.join(root, 'scripts/serve.ts')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
