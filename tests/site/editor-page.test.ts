import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { createPreview } from '../../src/editor/preview.ts';
import { htmlFiles, loadPage, readPage } from '../helpers/pages.ts';
import { outDir, root, sites } from '../helpers/sites.ts';

/*
 * The editor's page on the built demo: its code stays on its own route, and its preview says
 * what the built story pages say.
 */

const site = sites.demo;
const EDITOR = '/redaksi/editor/';
const index = loadContent(path.join(root, site.content), root);

/** The editor page's scripts and every chunk they import, as /_astro/ paths. */
function editorCode(): Set<string> {
  const $ = loadPage(site, EDITOR);
  const queue = $('script[src]').map((_, s) => $(s).attr('src')!).get();
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !file.startsWith('/_astro/')) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(outDir(site), file), 'utf8');
    // Chunks beside it (`./x.js`, `./chunks/x.js`) and the editor bundled once into a folder of its own (`/_astro/sveltia-…/index.js`).
    for (const match of code.matchAll(/["'`]((?:\.\/|\/_astro\/)[\w./-]+\.js)["'`]/g)) queue.push(path.posix.resolve(path.posix.dirname(file), match[1]!));
  }
  return seen;
}

/** Every file under the site's /_astro/, by its path inside it. */
const assetFiles = () => fs.readdirSync(path.join(outDir(site), '_astro'), { recursive: true, encoding: 'utf8' });

describe('the editor page', () => {
  it('is a bare, unindexed page carrying its configuration', () => {
    const $ = loadPage(site, EDITOR);
    expect($('meta[name=robots]').attr('content')).toBe('noindex, nofollow');
    const data = JSON.parse($('#warta-editor-data').text());
    expect(data.config.publish_mode).toBe('editorial_workflow');
    expect([...data.check.people].sort()).toEqual([...index.people.keys()].sort());
  });

  it("carries its own fonts and leaves out Shiki's per-language chunks", () => {
    const code = editorCode();
    expect(code.size).toBeGreaterThan(0);
    const all = [...code].map((f) => fs.readFileSync(path.join(outDir(site), f), 'utf8')).join('\n');
    // The npm build of the editor ships its icon font; the browser test checks no CDN is asked.
    const icons = assetFiles().map((f) => path.basename(f)).find((f) => f.startsWith('material-symbols-outlined') && f.endsWith('.woff2'));
    expect(icons).toBeDefined();
    expect(all).toContain(icons);
    const chunks = assetFiles().filter((f) => f.endsWith('.js')).map((f) => path.basename(f));
    expect(chunks.filter((f) => /^(abap|cobol|zig|wolfram|fortran)/.test(f))).toEqual([]);
    expect(chunks.length).toBeLessThan(120);
  });

  it("no reader page references the editor's code", () => {
    const code = editorCode();
    const pages = htmlFiles(site).filter((file) => file !== 'redaksi/editor/index.html');
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages) {
      const html = fs.readFileSync(path.join(outDir(site), file), 'utf8');
      for (const chunk of code) expect(html.includes(chunk), `${file} references ${chunk}`).toBe(false);
      expect(html, file).not.toMatch(/sveltia|warta-editor-data/i);
    }
  });

  it('stays out of the sitemaps', () => {
    for (const file of fs.globSync('sitemap-*.xml', { cwd: outDir(site) })) expect(fs.readFileSync(path.join(outDir(site), file), 'utf8')).not.toContain(EDITOR);
  });
});

describe("the editor's preview", () => {
  const preview = createPreview({
    locale: index.site.locale,
    siteUrl: index.site.url,
    datelineLabel: index.site.datelineLabel,
    datelines: Object.fromEntries([...index.locations].map(([id, l]) => [id, l.dateline])),
    people: Object.fromEntries([...index.people].map(([id, p]) => [id, { name: p.name, code: p.code }])),
  });
  // Stories whose bodies use only Markdown (no MDX components, no "Baca juga" the preview cannot resolve).
  // The content index keeps no bodies: each story's is read from its file.
  const stories = index.articles
    .map((a) => ({ ...a, body: matter(fs.readFileSync(path.join(root, a.file), 'utf8'), {}).content }))
    .filter((a) => isPublished(a.data, new Date(site.now)) && a.file.endsWith('.md') && !a.body.includes('::baca-juga') && !a.data.retracted);
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('says what the built page says: headline, body with dateline, reporter code, editor line', () => {
    expect(stories.length).toBeGreaterThan(20);
    for (const story of stories) {
      const page = cheerio.load(readPage(site, story.path));
      const shown = cheerio.load(preview({ ...story.data, cover: undefined, body: story.body }));
      for (const selector of ['.article-header h1', '.article-body', '.reporter-code', '.editor-line']) {
        // In-article ads are not part of the story.
        page('.article-body .ad-slot, .article-body [data-ad]').remove();
        expect(squash(shown(selector).text()), `${story.path} ${selector}`).toBe(squash(page(selector).first().text()));
      }
    }
  });
});
