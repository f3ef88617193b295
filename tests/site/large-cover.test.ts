/**
 * A phone photo as cover: a ~5 MB, 6000×4000 JPEG. It must come out as responsive
 * modern-format images plus a 1200×630 social image, and a second build must reuse
 * the transforms cached by the first instead of encoding them again.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../helpers/build-site.ts';
import { outputRoot, root } from '../helpers/sites.ts';

const scratch = path.join(outputRoot, 'large-cover');
const content = path.join(scratch, 'content');
const site = { name: 'large-cover', content: path.relative(root, content), now: '2024-03-01T12:00:00+07:00' };
const page = path.join(scratch, 'dist/client/news/2024/02/10/bridge-repairs-begin/index.html');

/** Noise compresses badly, like a real photo: 6000×4000 of it is several megabytes as JPEG. */
async function phonePhoto(file: string) {
  const width = 6000;
  const height = 4000;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (Math.imul(i, 2654435761) >>> 24) ^ ((i / 3 / width) & 0xff);
  await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toFile(file);
}

let first: BuildResult;
let second: BuildResult;
let photoBytes = 0;

beforeAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'tests/fixtures/sites/english/content'), content, { recursive: true });
  const article = path.join(content, 'articles/2024/02/bridge-repairs-begin.md');
  const photo = path.join(path.dirname(article), 'phone-photo.jpg');
  await phonePhoto(photo);
  photoBytes = fs.statSync(photo).size;
  fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace('summary:', 'cover:\n  src: ./phone-photo.jpg\n  alt: Workers on the bridge\n  credit: "Photo: Ben Reporter"\nsummary:'));
  // A cache folder of its own, empty at the start: the first build must encode, the second reuse.
  const cache = { WARTA_CACHE_DIR: path.join(scratch, 'cache') };
  first = runBuild(site, path.join(scratch, 'dist'), cache);
  second = runBuild(site, path.join(scratch, 'dist'), cache);
}, 300_000);

describe('a 6000×4000 phone photo as cover', () => {
  it('is a multi-megabyte original', () => {
    expect(photoBytes).toBeGreaterThan(4_000_000);
    expect(first.status, first.output).toBe(0);
  });

  it('becomes responsive WebP images with width and height set', () => {
    const $ = cheerio.load(fs.readFileSync(page, 'utf8'));
    const img = $('figure.cover img');
    expect(img.attr('src')).toMatch(/\.webp$/);
    expect(img.attr('srcset')?.split(',').map((s) => s.trim().split(' ')[1])).toEqual(['480w', '800w', '1200w']);
    expect(img.attr('width')).toBeDefined();
    expect(img.attr('height')).toBeDefined();
    for (const candidate of img.attr('srcset')!.split(',')) {
      const file = path.join(scratch, 'dist/client', candidate.trim().split(' ')[0]!);
      expect(fs.statSync(file).size).toBeLessThan(300_000);
    }
  });

  it('gets a 1200×630 JPEG social image', async () => {
    const $ = cheerio.load(fs.readFileSync(page, 'utf8'));
    const url = new URL($('meta[property="og:image"]').attr('content')!);
    const meta = await sharp(path.join(scratch, 'dist/client', url.pathname)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1200, 630, 'jpeg']);
  });

  it('is not re-encoded by the next build', () => {
    expect(second.status).toBe(0);
    const reused = second.output.match(/reused cache entry/g)?.length ?? 0;
    const generated = first.output.match(/phone-photo.*\(before: /g)?.length ?? 0;
    expect(generated).toBeGreaterThan(0);
    expect(reused).toBeGreaterThanOrEqual(generated);
    expect(second.output).not.toMatch(/phone-photo.*\(before: .*after: /);
  });
});
