/**
 * The archive line moves with the build's clock: a warm build a few days later must hand the
 * stories that crossed it to the server (their written pages gone from the kept output folder,
 * still found by search and listed in the sitemap) and publish what became due meanwhile.
 * The English fixture with WARTA_PRERENDER_DAYS=10, built on 1 March 2024 and again on 5 March.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedUrls } from '../../src/search/index-check.ts';
import { ARCHIVE_CACHE_CONTROL } from '../../src/lib/archive.ts';
import { BODIES_FOLDER } from '../../src/lib/bodies-apart.ts';
import { BUILD_TIMEOUT, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { buildDir, outDir, sites } from '../helpers/sites.ts';

const site = { ...sites.archive, name: 'archive-warm' };
const client = outDir(site);
// Its own cache, outside the output folder (which a build may empty).
const cache = `${buildDir(site)}-cache`;
const env = { ...site.env, WARTA_CACHE_DIR: cache };
/** 23 February 2024, 10:00: prerendered on 1 March (cut-off 20 February), archived on 5 March (cut-off 24 February). */
const crossing = '/news/2024/02/23/contractor-reply/';
/** 25 February 2024: prerendered by both builds. */
const stays = '/news/2024/02/25/hill-town-derby/';
/** Scheduled for 5 March 2024, 08:00: published by the second build only. */
const due = '/news/2024/03/05/future-festival/';
const written = (url: string) => fs.existsSync(path.join(client, url, 'index.html'));
const searchable = () => fs.globSync('pagefind{,/arsip*}/', { cwd: client }).flatMap((dir) => indexedUrls(path.join(client, dir), 'en'));

let first: BuildResult;
let second: BuildResult;
/** The second build again, nothing changed. */
let third: BuildResult;
let searchableAfterSecond: string[];
let writtenBefore: { crossing: boolean; due: boolean };
let server: BuiltServer;
/**
 * The server's copy of an archived story's body (lib/bodies-apart.ts): its inode and change time
 * (which linking or unlinking the file again moves), or undefined.
 */
const bodyFile = (id: string) => {
  const stat = fs.statSync(path.join(buildDir(site), 'server', BODIES_FOLDER, `${id}.json`), { throwIfNoEntry: false });
  return stat && `${stat.ino}@${stat.ctimeMs}`;
};
let bodiesBefore: { archived?: string; crossing?: string };

beforeAll(async () => {
  for (const dir of [buildDir(site), cache]) fs.rmSync(dir, { recursive: true, force: true });
  first = runBuild(site, buildDir(site), env);
  writtenBefore = { crossing: written(crossing), due: written(due) };
  bodiesBefore = { archived: bodyFile('bridge-reopens'), crossing: bodyFile('contractor-reply') };
  second = runBuild(site, buildDir(site), { ...env, WARTA_NOW: '2024-03-05T12:00:00+07:00' });
  searchableAfterSecond = searchable().sort();
  third = runBuild(site, buildDir(site), { ...env, WARTA_NOW: '2024-03-05T12:00:00+07:00' });
  if (third.status === 0) server = await startBuiltServer(site);
}, 3 * BUILD_TIMEOUT);
afterAll(() => server?.close());

describe('a warm build after a story has aged past WARTA_PRERENDER_DAYS', () => {
  it('builds both times, the second keeping the last output folder', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(second.output).toContain('keeping the output folder of the last build');
  });

  it('writes the search bundle holding archived stories while the first build renders, from their search text', () => {
    expect(first.output).toMatch(/search index checked: \d+ articles \(\/pagefind\/ \d+ written while pages rendered, [1-9]\d* pages after it\)/);
  });

  it('removes the aged story’s written page, keeps the newer one and writes the story that became due', () => {
    expect(writtenBefore).toEqual({ crossing: true, due: false });
    expect(written(crossing)).toBe(false);
    expect(written(stays)).toBe(true);
    expect(written(due)).toBe(true);
  });

  it('leaves the aged story to the server, which renders it with the archive’s cache header', async () => {
    const response = await fetch(server.origin + crossing);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(ARCHIVE_CACHE_CONTROL);
    expect(await response.text()).toContain('Right of reply: the contractor on the bridge repairs');
  });

  it('gives the server the aged story’s body, and leaves the body of a story archived before in place', () => {
    expect(bodiesBefore.archived).toBeDefined();
    expect(bodiesBefore.crossing).toBeUndefined();
    expect(bodyFile('contractor-reply')).toBeDefined();
    // Not removed with the files this build did not write, nor placed again.
    expect(bodyFile('bridge-reopens')).toBe(bodiesBefore.archived);
  });

  it('copies the archived stories\' search text from Astro\'s cache when none of them changed, and search still holds them', () => {
    expect(third.status, third.output).toBe(0);
    // Rendered when the archive changed; restored (the build deletes them from the output once indexed) when it did not.
    expect(second.output).toMatch(/_arsip-cari\/1\/index\.html \(\+\d+ms\)/);
    expect(third.output).toMatch(/_arsip-cari\/1\/index\.html \(restored\)/);
    expect(fs.existsSync(path.join(client, '_arsip-cari'))).toBe(false);
    expect(searchable().sort()).toEqual(searchableAfterSecond);
    expect(searchableAfterSecond).toContain(crossing);
  });

  it('still finds the aged story in search and lists it in the sitemap', () => {
    expect(searchable()).toEqual(expect.arrayContaining([crossing, stays, due]));
    const sitemap = fs.readFileSync(path.join(client, 'sitemap-0.xml'), 'utf8');
    for (const url of [crossing, stays, due]) expect(sitemap).toContain(`<loc>https://courier.example${url}</loc>`);
  });
});
