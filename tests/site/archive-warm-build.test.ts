/**
 * The archive line moves with the build's clock: a warm build a few days later must hand the
 * stories that crossed it to the server (their written pages gone from the kept output folder,
 * still found by search and listed in the sitemap) and publish what became due meanwhile.
 * The English fixture with WARTA_PRERENDER_DAYS=10, built on 1 March 2024 and again on 5 March,
 * then twice more on 5 March: with a prerendered story edited and the search index written after
 * the last page, then with an archived story edited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedUrls } from '../../src/search/index-check.ts';
import { ARCHIVE_CACHE_CONTROL } from '../../src/lib/archive.ts';
import { BODIES_FOLDER } from '../../src/lib/bodies-apart.ts';
import { BUILD_TIMEOUT, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { startBuiltServer, type BuiltServer } from '../helpers/built-server.ts';
import { searchIn, type FoundStory } from '../helpers/pagefind-node.ts';
import { buildDir, outDir, outputRoot, root, sites } from '../helpers/sites.ts';

// A copy of the fixture's content, which the last build edits.
const content = path.join(outputRoot, 'archive-warm-content');
const site = { ...sites.archive, name: 'archive-warm', content: path.relative(root, content) };
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
/** The second build again, a prerendered story edited, the search index written after the last page (WARTA_SEARCH_ALONGSIDE=0). */
let third: BuildResult;
/** The third again, an archived story edited. */
let fourth: BuildResult;
/** Words in no story, one added to a prerendered story before the third build, one to an archived story before the fourth. */
const words = { prerendered: 'Quillon', archived: 'Zebulon' };
const bridge = '/news/2024/02/20/bridge-reopens/';
/** What search found for each word after the third and after the fourth build. */
let foundAfterThird: { prerendered: FoundStory[]; archived: FoundStory[] };
let foundAfterFourth: FoundStory[];
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
/** The archived story's body after the third build, before the fourth edits it. */
let archivedBodyAfterThird: string | undefined;

beforeAll(async () => {
  for (const dir of [buildDir(site), cache, content]) fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, sites.archive.content), content, { recursive: true });
  first = runBuild(site, buildDir(site), env);
  writtenBefore = { crossing: written(crossing), due: written(due) };
  bodiesBefore = { archived: bodyFile('bridge-reopens'), crossing: bodyFile('contractor-reply') };
  second = runBuild(site, buildDir(site), { ...env, WARTA_NOW: '2024-03-05T12:00:00+07:00' });
  searchableAfterSecond = searchable().sort();
  fs.appendFileSync(path.join(content, 'articles/2024/02/hill-town-derby.mdx'), `\nThe referee, ${words.prerendered}, blew the final whistle.\n`);
  third = runBuild(site, buildDir(site), { ...env, WARTA_NOW: '2024-03-05T12:00:00+07:00', WARTA_SEARCH_ALONGSIDE: '0' });
  archivedBodyAfterThird = bodyFile('bridge-reopens');
  foundAfterThird = { prerendered: await searchIn(client, words.prerendered, 'third'), archived: await searchIn(client, words.archived, 'third') };
  fs.appendFileSync(path.join(content, 'articles/2024/02/bridge-reopens.md'), `\nThe ferry captain, ${words.archived}, waved from the deck.\n`);
  fourth = runBuild(site, buildDir(site), { ...env, WARTA_NOW: '2024-03-05T12:00:00+07:00' });
  foundAfterFourth = await searchIn(client, words.archived, 'fourth');
  if (fourth.status === 0) server = await startBuiltServer(site);
}, 4 * BUILD_TIMEOUT);
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
    // Not removed with the files the later builds did not write, nor placed again until the story changed.
    expect(archivedBodyAfterThird).toBe(bodiesBefore.archived);
    expect(bodyFile('bridge-reopens')).not.toBe(bodiesBefore.archived);
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

  it('writes the search bundle again after the last page with the archived stories\' text when only a prerendered story changed', () => {
    expect(third.output).toMatch(/search index checked: \d+ articles \(\/pagefind\/ \d+\)/);
    expect(foundAfterThird.prerendered.map((story) => story.url)).toEqual([stays]);
    expect(foundAfterThird.archived).toEqual([]);
  });

  it('indexes an archived story\'s edit, its search text rendered again', () => {
    expect(fourth.status, fourth.output).toBe(0);
    expect(fourth.output).toMatch(/_arsip-cari\/1\/index\.html \(\+\d+ms\)/);
    expect(foundAfterFourth.map((story) => story.url)).toEqual([bridge]);
  });

  it('serves the edited archived story from the server after the build', async () => {
    const response = await fetch(server.origin + bridge);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`The ferry captain, ${words.archived}, waved from the deck.`);
  });

  it('still finds the aged story in search and lists it in the sitemap', () => {
    expect(searchable()).toEqual(expect.arrayContaining([crossing, stays, due]));
    const sitemap = fs.readFileSync(path.join(client, 'sitemap-0.xml'), 'utf8');
    for (const url of [crossing, stays, due]) expect(sitemap).toContain(`<loc>https://courier.example${url}</loc>`);
  });
});
