/**
 * One Astro build (or dev server) at a time across Vitest's workers.
 *
 * Every Astro build writes `.astro/content-modules.mjs` and `.astro/content-assets.mjs` in the
 * project root, whatever its content folder or cache folder, and the Vite build then imports
 * them: two builds of different content at once would render each other's MDX and images.
 * Test files run two at a time, so each build takes this lock first (a folder, which only one
 * process can create; a lock left by a process that died is taken over).
 */
import fs from 'node:fs';
import path from 'node:path';
import { outputRoot } from './sites.ts';

const lockDir = path.join(outputRoot, '.build-lock');
const owner = path.join(lockDir, 'pid');
const POLL_MS = 200;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when this process now holds the lock. */
function tryTake(): boolean {
  fs.mkdirSync(outputRoot, { recursive: true });
  try {
    fs.mkdirSync(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let holder = 0;
    try {
      holder = Number(fs.readFileSync(owner, 'utf8'));
    } catch {
      // Released a moment ago, or its holder has not written its pid yet: try again.
      return false;
    }
    if (holder > 0 && !alive(holder)) fs.rmSync(lockDir, { recursive: true, force: true });
    return false;
  }
  fs.writeFileSync(owner, String(process.pid));
  return true;
}

function release(): void {
  fs.rmSync(lockDir, { recursive: true, force: true });
}

/** Runs a blocking build with the lock held (the worker waits; its tests are not running meanwhile). */
export function withBuildLockSync<T>(build: () => T): T {
  while (!tryTake()) Atomics.wait(sleeper, 0, 0, POLL_MS);
  try {
    return build();
  } finally {
    release();
  }
}

/** Takes the lock without blocking the event loop (a browser or server in this process keeps running). */
export async function takeBuildLock(): Promise<() => void> {
  while (!tryTake()) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  return release;
}

/** Runs an asynchronous build with the lock held. */
export async function withBuildLock<T>(build: () => Promise<T>): Promise<T> {
  const done = await takeBuildLock();
  try {
    return await build();
  } finally {
    done();
  }
}
