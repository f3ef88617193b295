import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildInputsDigest } from '../../scripts/build-inputs.ts';
import { withBuildLock, withBuildLockSync } from './build-lock.ts';
import { buildDir, root, type FixtureSite } from './sites.ts';

/** For a test that builds: the build itself, and the wait for the build lock while another test's build runs. */
export const BUILD_TIMEOUT = 300_000;

export interface BuildResult {
  status: number | null;
  output: string;
}

const buildArgs = (out: string) => [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out];
const buildEnv = (site: FixtureSite, extraEnv: Record<string, string>) => ({
  ...process.env,
  // Vitest sets NODE_ENV=test, which would make Astro build in development mode (drafts shown).
  NODE_ENV: 'production',
  WARTA_CONTENT_DIR: site.content,
  WARTA_NOW: site.now,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  ...extraEnv,
});

/** Runs `astro build` for a fixture site; returns its exit status and combined output. */
export function runBuild(site: FixtureSite, out = buildDir(site), extraEnv: Record<string, string> = {}): BuildResult {
  const result = withBuildLockSync(() => spawnSync(process.execPath, buildArgs(out), { cwd: root, encoding: 'utf8', env: buildEnv(site, extraEnv) }));
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** `runBuild` without blocking the test's process: a browser and a server in it keep running meanwhile. */
export function runBuildInBackground(site: FixtureSite, out = buildDir(site), extraEnv: Record<string, string> = {}): Promise<BuildResult> {
  return withBuildLock(() => new Promise((resolve) => {
    const child = spawn(process.execPath, buildArgs(out), { cwd: root, env: buildEnv(site, extraEnv) });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  }));
}

/** The output of the build that produced a fixture site's folder. */
export const buildLog = (site: FixtureSite) => path.join(buildDir(site), '.warta-build.log');

/** Builds a fixture site unless an identical build is already there (local reruns stay fast). */
export async function ensureBuilt(site: FixtureSite): Promise<string> {
  const out = buildDir(site);
  const stamp = path.join(out, '.warta-test-stamp');
  const digest = buildInputsDigest(root, site.content, JSON.stringify(site));
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return out;
  const { status, output } = await runBuildInBackground(site, out, site.env);
  if (status !== 0) throw new Error(`Building fixture site "${site.name}" failed:\n${output}`);
  fs.writeFileSync(buildLog(site), output);
  fs.writeFileSync(stamp, digest);
  return out;
}
