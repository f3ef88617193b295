/**
 * Google News sitemaps hold at most 1,000 URLs. A generated site with 1,500 stories,
 * all from the 48 hours before the build, must list exactly the newest 1,000.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../helpers/build-site.ts';
import { outputRoot, root } from '../helpers/sites.ts';

const scratch = path.join(outputRoot, 'news-1500');
const content = path.join(scratch, 'content');
const site = { name: 'news-1500', content: path.relative(root, content), now: '2026-11-28T00:00:00+07:00' };
let build: BuildResult;

beforeAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  const generated = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/generate-corpus.ts'), '--count', '1500', '--out', content, '--from', '2026-11-26', '--to', '2026-11-27', '--seed', '7'],
    { encoding: 'utf8' },
  );
  if (generated.status !== 0) throw new Error(generated.stderr);
  build = runBuild(site, path.join(scratch, 'dist'));
}, 600_000);

describe('the Google News sitemap of a site with 1,500 recent stories', () => {
  it('builds', () => {
    expect(build.status, build.output.slice(-2000)).toBe(0);
  });

  it('lists exactly 1,000 URLs, the newest first', () => {
    const xml = fs.readFileSync(path.join(scratch, 'dist/client/news-sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const dates = [...xml.matchAll(/<news:publication_date>([^<]+)</g)].map((m) => m[1]!);
    expect(dates).toHaveLength(1000);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates.every((d) => d.endsWith('+07:00'))).toBe(true);
  });
});
