/**
 * The fixture sites (sites.ts) are built once per run, in the background: Vitest's global
 * setup starts the builds and returns, so the `unit` and `server` files, which need no site,
 * run on one core while the builds use the other. Every `site` and `e2e` file first waits
 * (wait-for-fixtures.ts) until all of them are built, or fails with the build's output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuilt } from './build-site.ts';
import { outputRoot, sites } from './sites.ts';

const statusFile = path.join(outputRoot, '.fixtures-status.json');

interface Status {
  state: 'building' | 'done' | 'failed';
  /** The failed build's message and output. */
  error?: string;
}

function writeStatus(status: Status): void {
  fs.mkdirSync(outputRoot, { recursive: true });
  fs.writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
  fs.renameSync(`${statusFile}.tmp`, statusFile);
}

const started = Symbol.for('warta.fixtureBuilds');
type WithBuilds = typeof globalThis & { [started]?: Promise<void> };

/** Starts building every fixture site, one after another; the same promise when already started in this process. */
export function startFixtureBuilds(): Promise<void> {
  const holder = globalThis as WithBuilds;
  if (holder[started]) return holder[started];
  writeStatus({ state: 'building' });
  holder[started] = (async () => {
    try {
      for (const site of Object.values(sites)) await ensureBuilt(site);
      writeStatus({ state: 'done' });
    } catch (error) {
      writeStatus({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  })();
  return holder[started];
}

/** Resolves once every fixture site is built; throws the build's error when one failed. */
export async function fixturesReady(timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = JSON.parse(fs.readFileSync(statusFile, 'utf8')) as Status;
    if (status.state === 'done') return;
    if (status.state === 'failed') throw new Error(status.error);
    await sleep(250);
  }
  throw new Error(`the fixture sites were not built within ${timeoutMs / 60_000} minutes`);
}
