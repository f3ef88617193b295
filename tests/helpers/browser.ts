import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (playwright cannot download browsers here).
 * The background-networking flags stop Chromium from calling home on a closed network.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
