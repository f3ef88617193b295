import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { outDir, sites, type FixtureSite } from '../helpers/sites.ts';

const pages: [FixtureSite, string][] = [
  [sites.demo, '/'],
  [sites.demo, '/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/'],
  [sites.demo, '/2026/11/banjir-rendam-ratusan-rumah-di-palembang-usai-hujan-deras/'],
  [sites.demo, '/2026/10/lomba-perahu-bidar-meriahkan-sungai-musi/'],
  [sites.demo, '/redaksi/'],
  [sites.english, '/news/2024/02/20/bridge-reopens/'],
  [sites.english, '/news/2024/02/15/market-fire-retracted/'],
  [sites.ads, '/2026/11/berita-panjang-2/'],
  [sites.ads, '/'],
  [sites.demo, '/kategori/ekonomi/'],
  [sites.demo, '/indeks/'],
  [sites.demo, '/penulis/bolok/'],
  [sites.demo, '/offline/'],
  [sites.demo, '/tag/polda-sumsel/'],
  [sites.demo, '/arsip/2023/07/'],
  [sites.demo, '/lokasi/palembang/'],
  [sites.demo, '/halaman/2/'],
  [sites.demo, '/indeks/2023/07/05/'],
  [sites.demo, '/404.html'],
  [sites.demo, '/cari/?q=palembang'],
];

let browser: Browser;
const servers = new Map<string, Awaited<ReturnType<typeof serveStatic>>>();

beforeAll(async () => {
  browser = await launchBrowser();
  for (const site of [sites.demo, sites.english, sites.ads]) servers.set(site.name, await serveStatic(outDir(site)));
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers.values()) await s.close();
});

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  for (const [site, path] of pages) {
    it(`finds no violations on ${site.name} ${path}`, async () => {
      const page = await browser.newPage();
      await page.goto(servers.get(site.name)!.origin + path);
      // The search page renders its form and results in the browser: wait for them.
      if (path.startsWith('/cari/')) await page.locator('.search-result').first().waitFor();
      const violations = await wcagViolations(page);
      await page.close();
      expect(violations).toEqual([]);
    });
  }
});
