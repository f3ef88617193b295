/**
 * What a WhatsApp, Facebook or Google crawler reads from the built demo: a share image on
 * every indexable page (absolute, present in the build, 1200×630 when drawn by Warta) with
 * its alt text, `image` in NewsArticle, and the portal described on the front page.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/pages.ts';
import { outDir, sites } from '../helpers/sites.ts';

const client = outDir(sites.demo);
const SITE = 'https://liputanabn.com';
const load = (file: string) => cheerio.load(fs.readFileSync(path.join(client, file), 'utf8'));
/** Width and height from a PNG's header, or a JPEG's first frame header. */
function imageSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  if (b.subarray(1, 4).toString() === 'PNG') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  for (let i = 2; i < b.length; ) {
    const marker = b[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  throw new Error(`no image size in ${file}`);
}
const jsonLd = ($: cheerio.CheerioAPI) => $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text())).get() as Record<string, unknown>[];

const indexable = htmlFiles(sites.demo).filter((file) => {
  const robots = load(file)('meta[name=robots]').attr('content') ?? '';
  return !robots.includes('noindex');
});

describe('share images', () => {
  it('gives every indexable page an og:image that exists in the build, with alt text for Facebook and X', () => {
    expect(indexable.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of indexable) {
      const $ = load(file);
      const url = $('meta[property="og:image"]').attr('content') ?? '';
      const alt = $('meta[property="og:image:alt"]').attr('content') ?? '';
      if (!url.startsWith(`${SITE}/`)) problems.push(`${file}: og:image "${url}" is not an absolute URL on the site`);
      else if (!fs.existsSync(path.join(client, new URL(url).pathname))) problems.push(`${file}: ${url} is not in the build`);
      if (!alt.trim()) problems.push(`${file}: no og:image:alt`);
      if ($('meta[name="twitter:image"]').attr('content') !== url) problems.push(`${file}: twitter:image differs`);
      if ($('meta[name="twitter:image:alt"]').attr('content') !== alt) problems.push(`${file}: twitter:image:alt differs`);
    }
    expect(problems).toEqual([]);
  });

  it('gives listings the site card', () => {
    for (const file of ['index.html', 'kategori/peristiwa/index.html', 'indeks/index.html']) {
      expect(load(file)('meta[property="og:image"]').attr('content'), file).toBe(`${SITE}/og.png`);
    }
    expect(imageSize(path.join(client, 'og.png'))).toEqual({ width: 1200, height: 630 });
  });
});

describe.each([
  { site: sites.demo, covers: 30, cards: 0 },
  { site: sites.english, covers: 1, cards: 3 },
])('share images of the $site.name site\'s stories', ({ site, covers, cards }) => {
  const dir = outDir(site);
  const articles = htmlFiles(site)
    .map((file) => ({ file, $: cheerio.load(fs.readFileSync(path.join(dir, file), 'utf8')) }))
    .filter(({ $ }) => jsonLd($).some((d) => d['@type'] === 'NewsArticle') && !($('meta[name=robots]').attr('content') ?? '').includes('noindex'));

  it('uses the cover where there is one and draws a 1200×630 card for a story without', () => {
    const seen = { covers: 0, cards: 0 };
    for (const { file, $ } of articles) {
      const url = new URL($('meta[property="og:image"]').attr('content')!);
      if ($('figure.cover').length > 0) {
        // A local cover is optimised into /_astro/; a remote cover is announced at its own URL.
        const cover = $('figure.cover img').attr('src') ?? '';
        const site = new URL($('link[rel=canonical]').attr('href')!).origin;
        if (url.origin === site) expect(url.pathname, file).toMatch(/^\/_astro\/.+\.(jpe?g|webp|png)$/);
        else expect(url.href, file).toBe(cover);
        seen.covers++;
      } else if ($('.notice--retracted').length > 0) {
        // A retracted story is not promoted: it shares the site's card, not its headline.
        expect(url.pathname, file).toBe('/og.png');
      } else {
        expect(url.pathname, file).toBe(`/og/${file.split('/').at(-2)}.png`);
        expect(imageSize(path.join(dir, url.pathname)), file).toEqual({ width: 1200, height: 630 });
        expect($('meta[property="og:image:width"]').attr('content'), file).toBe('1200');
        seen.cards++;
      }
    }
    expect(seen.covers).toBeGreaterThanOrEqual(covers);
    expect(seen.cards).toBeGreaterThanOrEqual(cards);
  });
});

describe('structured data', () => {
  it('names the share image in every NewsArticle', () => {
    for (const file of indexable.filter((f) => /^\d{4}\//.test(f))) {
      const article = jsonLd(load(file)).find((d) => d['@type'] === 'NewsArticle');
      expect(article?.image, file).toEqual([load(file)('meta[property="og:image"]').attr('content')]);
    }
  });

  it('describes the portal on the front page: Organization with logo and social profiles, WebSite with search', () => {
    const [graph] = jsonLd(load('index.html'));
    const nodes = graph!['@graph'] as Record<string, unknown>[];
    const organization = nodes.find((n) => n['@type'] === 'Organization')!;
    const website = nodes.find((n) => n['@type'] === 'WebSite')!;
    expect(organization).toMatchObject({
      name: 'Liputan ABN',
      url: `${SITE}/`,
      logo: { '@type': 'ImageObject', url: `${SITE}/logo.svg` },
      sameAs: ['https://www.facebook.com/liputanabn', 'https://www.instagram.com/liputanabn', 'https://www.youtube.com/@liputanabn'],
    });
    expect(website).toMatchObject({ name: 'Liputan ABN', url: `${SITE}/`, publisher: { '@id': organization['@id'] } });
    expect(website.potentialAction).toMatchObject({ target: { urlTemplate: `${SITE}/cari/?q={search_term_string}` } });
  });
});
