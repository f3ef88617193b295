/**
 * Warm builds copy unchanged pages from the last build (Astro's incremental builds with our
 * cache keys, src/lib/page-keys.ts) and must still publish every change: an edited story,
 * a retitled story on the pages that list it, a removed story.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { indexedUrls } from '../../src/search/index-check.ts';
import { MANIFEST } from '../../src/search/manifest.ts';
import { outputRoot, root, sites } from '../helpers/sites.ts';

const scratch = path.join(outputRoot, 'incremental');
const content = path.join(scratch, 'content');
const dist = path.join(scratch, 'dist');
const client = path.join(dist, 'client');
const site = { ...sites.demo, name: 'incremental', content: path.relative(root, content) };
// Split as a large site's index is (a recent bundle, the newest month; the archive), so a warm build can leave the archive alone.
const env = { WARTA_CACHE_DIR: path.join(scratch, 'cache'), WARTA_SEARCH_RECENT_PAGES: '5' };
const ARCHIVE = path.join(client, 'pagefind/arsip');

const SAMPLE = 'polda-sumsel-zoom-meeting-manajemen-citra-polri';
const ADDED = 'Kalimat tambahan ini ditulis redaktur setelah terbit.';
const NEW_TITLE = 'Judul Baru Setelah Diperbarui Redaksi';

const articleFile = (id: string) => fs.globSync(`articles/**/${id}.{md,mdx}`, { cwd: content }).map((f) => path.join(content, f))[0]!;
const pagePath = (html: string) => path.join(client, html);
const pageOf = (id: string) => fs.globSync(`*/*/${id}/index.html`, { cwd: client })[0]!;
const load = (file: string) => cheerio.load(fs.readFileSync(pagePath(file), 'utf8'));
/** "restored" or "rendered" per output file, from Astro's build log. */
function fates(output: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of output.matchAll(/[├└]─ (\S+)\s+(\(restored\)|\(cached\)|\(\+)/g)) map.set(m[1]!.replace(/^\//, ''), m[2] === '(+' ? 'rendered' : 'restored');
  return map;
}

let first: BuildResult;
let second: BuildResult;
let samplePage: string;
let relatedId: string;
let removedId: string;
let removedPage: string;
let untouchedBefore: number;
/** Its modification time after the second build (the third may render it again: it edits another story). */
let untouchedAfter: number;
const STALE = ['client/_astro/Old.1a2b3c4d.js', 'server/chunks/old_5e6f7a8b.mjs'];
/** A story the second build has no reason to render: its page names none of the changed stories. */
let untouchedPage: string;
let third: BuildResult;
/** A build after a story was broken, every other story's check kept from the builds before. */
let fourth: BuildResult;
let checkCacheBefore: number;
/** The archive bundle's files (path → mtime and bytes) before the third build, which edits only a story of the newest month. */
let archiveBefore: Map<string, string>;
let archiveStoriesBefore: Record<string, string>;
const RECENT_ADDED = 'Redaksi menambahkan keterangan warga pada pagi hari.';
/** A bundle's files (its manifest apart: it records the times of the pages read, which change as pages are written again). */
const filesOf = (dir: string) => new Map(fs.globSync('**/*', { cwd: dir, withFileTypes: true }).filter((e) => e.isFile() && e.name !== MANIFEST).map((e) => {
  const file = path.join(e.parentPath, e.name);
  const stat = fs.statSync(file);
  return [path.relative(dir, file), `${stat.mtimeMs} ${stat.size}`] as const;
}));
/** What a bundle's manifest says it was written from: story URL → digest of its indexed text. */
const storiesOf = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as { stories: Record<string, string> }).stories;
/** The text of every fragment in every search bundle. */
const fragmentTexts = () => fs.globSync('pagefind/**/fragment/*.pf_fragment', { cwd: client }).map((f) => gunzipSync(fs.readFileSync(path.join(client, f))).toString('utf8'));

beforeAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync(path.join(root, sites.demo.content), content, { recursive: true });
  // Every other story without its cover, so the warm build has share cards to draw or copy as well as covers.
  fs.globSync('articles/**/*.{md,mdx}', { cwd: content })
    .sort()
    .filter((_, i) => i % 2 === 0)
    .forEach((file) => fs.writeFileSync(path.join(content, file), fs.readFileSync(path.join(content, file), 'utf8').replace(/^cover: .*\n/m, '')));
  first = runBuild(site, dist, env);
  if (first.status !== 0) throw new Error(first.output);
  samplePage = pageOf(SAMPLE);
  const $ = load(samplePage);
  const files = fs.globSync('articles/**/*.{md,mdx}', { cwd: content });
  const texts = files.map((f) => fs.readFileSync(path.join(content, f), 'utf8'));
  const ids = files.map((f) => path.basename(f).replace(/\.mdx?$/, ''));
  // A story names itself (its cover is ./<id>.jpg); only other stories naming it ("Baca juga") matter.
  const namedByOthers = (id: string) => texts.some((t, k) => ids[k] !== id && t.includes(id));
  // A related story no other story names, so retitling it changes no unchanged story's text for search.
  relatedId = $('section.related a')
    .map((_, a) => $(a).attr('href'))
    .get()
    .filter((href: string) => /^\/\d{4}\/\d{2}\//.test(href))
    .map((href: string) => href.split('/').filter(Boolean).at(-1)!)
    .find((id: string) => !namedByOthers(id))!;
  // A published story neither edited, related to the sample, nor named by another story, to remove.
  removedId = ids.find((id) => id !== SAMPLE && id !== relatedId && pageOf(id) !== undefined && !namedByOthers(id))!;
  removedPage = pageOf(removedId);

  fs.appendFileSync(articleFile(SAMPLE), `\n${ADDED}\n`);
  const related = articleFile(relatedId);
  fs.writeFileSync(related, fs.readFileSync(related, 'utf8').replace(/^title: .*$/m, `title: ${NEW_TITLE}`));
  fs.rmSync(articleFile(removedId));
  // Files a build long ago wrote and this one will not: an old hashed script, an old server chunk.
  for (const stale of STALE) {
    fs.mkdirSync(path.dirname(path.join(dist, stale)), { recursive: true });
    fs.writeFileSync(path.join(dist, stale), '// old');
    fs.utimesSync(path.join(dist, stale), new Date(2020, 0, 1), new Date(2020, 0, 1));
  }
  untouchedPage = fs
    .globSync('articles/**/*.md', { cwd: content })
    .map((f) => pageOf(path.basename(f, '.md')))
    .find((page) => page && ![SAMPLE, relatedId, removedId].some((id) => fs.readFileSync(pagePath(page), 'utf8').includes(`/${id}/`)))!;
  untouchedBefore = fs.statSync(pagePath(untouchedPage)).mtimeMs;
  second = runBuild(site, dist, env);
  if (second.status !== 0) throw new Error(second.output);
  untouchedAfter = fs.statSync(pagePath(untouchedPage)).mtimeMs;

  archiveBefore = filesOf(ARCHIVE);
  archiveStoriesBefore = storiesOf(ARCHIVE);
  const recent = fs.globSync('articles/2026/11/*.md', { cwd: content }).sort()[0]!;
  fs.appendFileSync(path.join(content, recent), `\n${RECENT_ADDED}\n`);
  third = runBuild(site, dist, env);
  if (third.status !== 0) throw new Error(third.output);

  // Every story's check is kept from the builds above; this one is broken after them.
  checkCacheBefore = fs.statSync(path.join(env.WARTA_CACHE_DIR, 'warta-content-check.bin')).mtimeMs;
  const broken = articleFile(SAMPLE);
  fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace(/^reporter: .*$/m, 'reporter: bukan-wartawan'));
  fourth = runBuild(site, dist, env);
}, 4 * BUILD_TIMEOUT);

describe('a warm build after editing, retitling and removing stories', () => {
  it('copies most pages from the last build instead of rendering them', () => {
    const after = fates(second.output);
    const restored = [...after.values()].filter((f) => f === 'restored').length;
    expect(fates(first.output).size).toBeGreaterThan(100);
    expect([...fates(first.output).values()].every((f) => f === 'rendered')).toBe(true);
    expect(restored / after.size).toBeGreaterThan(0.5);
  });

  it('renders the edited story again, with the new sentence', () => {
    expect(fates(second.output).get(samplePage)).toBe('rendered');
    expect(load(samplePage)('article').text()).toContain(ADDED);
  });

  it('shows the new title of a related story on the article that lists it', () => {
    expect(load(samplePage)('section.related').text()).toContain(NEW_TITLE);
  });

  it('shows the new title on the first page of the retitled story’s section', () => {
    const category = /^category: (\S+)$/m.exec(fs.readFileSync(articleFile(relatedId), 'utf8'))![1]!;
    expect(fates(second.output).get(`kategori/${category}/index.html`)).toBe('rendered');
    expect(load(`kategori/${category}/index.html`)('main').text()).toContain(NEW_TITLE);
  });

  it('leaves an untouched, unrelated story copied, not rendered', () => {
    const untouched = [...fates(second.output)].find(([file, fate]) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file) && fate === 'restored');
    expect(untouched).toBeDefined();
  });

  // Canary for kept-output.ts, which relies on Astro leaving a page already in the output folder in
  // place ("cached") when Vite's emptyOutDir is off: undocumented, so an upgrade may change it.
  it('leaves unchanged pages in the kept output folder instead of copying them back', () => {
    expect(second.output).toContain('keeping the output folder of the last build');
    expect(second.output).toMatch(/\(cached\)/);
    expect(fates(second.output).get(untouchedPage)).toBe('restored');
    expect(untouchedAfter).toBe(untouchedBefore);
  });

  it('deletes files the warm build no longer writes, and every script or style a page links is there', () => {
    for (const stale of STALE) expect(fs.existsSync(path.join(dist, stale)), stale).toBe(false);
    const linked = new Set<string>();
    for (const html of fs.globSync('**/*.html', { cwd: client })) {
      for (const m of fs.readFileSync(path.join(client, html), 'utf8').matchAll(/(?:src|href)="(\/_astro\/[^"?#]+)"/g)) linked.add(m[1]!);
    }
    expect(linked.size).toBeGreaterThan(0);
    for (const asset of linked) expect(fs.existsSync(path.join(client, asset)), asset).toBe(true);
  });

  it('publishes no page for a removed story, and search forgets it', () => {
    expect(fs.existsSync(pagePath(removedPage))).toBe(false);
    const texts = fragmentTexts();
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.some((t) => t.includes(`/${removedPage.replace(/index\.html$/, '')}`))).toBe(false);
    expect(texts.some((t) => t.includes('ditulis redaktur setelah terbit'))).toBe(true);
  });
});

describe('the search index in a warm build after one story of the newest month is edited', () => {
  it('rewrites the recent bundle only: every file of the archive bundle keeps its time and size', () => {
    expect(archiveBefore.size).toBeGreaterThan(10);
    expect(filesOf(ARCHIVE)).toEqual(archiveBefore);
    expect(storiesOf(ARCHIVE)).toEqual(archiveStoriesBefore);
    expect(third.output).toMatch(/search index checked: \d+ articles \(\/pagefind\/ \d+( written while pages rendered, \d+ pages after it)?, \/pagefind\/arsip\/ \d+ unchanged\)/);
  });

  // Canary for src/search/alongside.ts: Astro renders in the order Warta lists the paths, stories first.
  it('writes both bundles of the cold build while pages still render, and the recent one of a warm build while the listings render', () => {
    // The stories render first, so each bundle is handed over with at least the other pages still to render.
    const stories = Number(/(\d+) articles published/.exec(first.output)![1]);
    const others = fates(first.output).size - stories;
    expect(others).toBeGreaterThan(100);
    for (const bundle of ['/pagefind/', '/pagefind/arsip/']) {
      const after = new RegExp(`search index checked: .*${bundle} \\d+ written while pages rendered, (\\d+) pages after it`).exec(first.output);
      expect(after, bundle).not.toBeNull();
      expect(Number(after![1])).toBeGreaterThanOrEqual(others);
    }
    // The warm build renders the edited story and the stories listing it, then completes the recent
    // bundle from the kept pages when the first other page renders: every other page it renders is after that.
    const warmOthers = [...fates(third.output)].filter(([file, fate]) => fate === 'rendered' && !/^\d{4}\/\d{2}\//.test(file)).length;
    expect(warmOthers).toBeGreaterThan(0);
    const warm = /search index checked: .*\/pagefind\/ \d+ written while pages rendered, (\d+) pages after it, \/pagefind\/arsip\/ \d+ unchanged/.exec(third.output);
    expect(warm).not.toBeNull();
    expect(Number(warm![1])).toBeGreaterThanOrEqual(warmOthers);
  });

  it('finds the edit in the recent bundle, and the bundles together still hold exactly the published stories', () => {
    const recent = fs.globSync('fragment/*.pf_fragment', { cwd: path.join(client, 'pagefind') }).map((f) => gunzipSync(fs.readFileSync(path.join(client, 'pagefind', f))).toString('utf8'));
    expect(recent.some((t) => t.includes(RECENT_ADDED))).toBe(true);
    const published = (JSON.parse(fs.readFileSync(path.join(client, 'warta-articles.json'), 'utf8')) as { url: string }[]).map((a) => a.url);
    const indexed = [...indexedUrls(path.join(client, 'pagefind'), 'id'), ...indexedUrls(ARCHIVE, 'id')];
    expect(indexed.sort()).toEqual(published.sort());
  });
});

describe('share cards in a warm build', () => {
  it('draws again only the card of the retitled story and copies every other card', () => {
    const cards = [...fates(second.output)].filter(([file]) => /^og\/[^/]+\.png$/.test(file));
    expect(cards.length).toBeGreaterThan(5);
    const drawn = cards.filter(([, fate]) => fate === 'rendered').map(([file]) => file);
    const retitledHasCard = fs.existsSync(path.join(client, `og/${relatedId}.png`));
    expect(drawn).toEqual(retitledHasCard ? [`og/${relatedId}.png`] : []);
    expect(cards.find(([file]) => file === `og/${removedId}.png`)).toBeUndefined();
  });
});

describe('the content check a warm build keeps', () => {
  it('still refuses a story broken after the last build, naming its file and field, and publishes nothing', () => {
    expect(fourth.status).toBe(1);
    expect(fourth.output).toMatch(new RegExp(`articles/\\d{4}/\\d{2}/${SAMPLE}\\.md:\\d+ .*bukan-wartawan`));
    // Stopped before Astro started: the kept output is the third build's, the edit it published still there.
    expect(fourth.output).not.toContain('prerendering static routes');
    expect(load(samplePage)('article').text()).toContain(ADDED);
    expect(fs.statSync(path.join(env.WARTA_CACHE_DIR, 'warta-content-check.bin')).mtimeMs).toBeGreaterThan(checkCacheBefore);
  });
});
