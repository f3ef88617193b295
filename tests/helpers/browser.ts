import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** CHROMIUM_PATH, else Debian's Chromium, else (GitHub runners) the browser Playwright's installer put in its cache. */
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Debian's Chromium driven by playwright-core (playwright cannot download browsers here).
 * The background-networking flags stop Chromium from calling home on a closed network.
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [...ARGS, ...extraArgs],
  });
}

/**
 * A browser with a real (temporary) profile: Playwright's ordinary contexts are
 * off-the-record, which Chromium reports as "in-incognito" in installability checks.
 */
export function launchPersistentBrowser(): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-chromium-'));
  return chromium.launchPersistentContext(profile, { executablePath, args: ARGS });
}
