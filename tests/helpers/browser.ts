import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** CHROMIUM_PATH, else Debian's Chromium, else (GitHub runners) the browser Playwright's installer put in its cache. */
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Debian's Chromium driven by playwright-core (playwright cannot download browsers here).
 * The background-networking flags stop Chromium from calling home on a closed network.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
