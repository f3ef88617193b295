import { describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/build-site.ts';
import { outputRoot } from '../helpers/sites.ts';

describe('building a site with broken frontmatter', () => {
  const site = { name: 'bad-frontmatter', content: 'tests/fixtures/sites/bad-frontmatter/content', now: '2024-01-01T00:00:00+07:00' };
  const result = runBuild(site, `${outputRoot}/bad-frontmatter`);

  it('exits non-zero', () => {
    expect(result.status).not.toBe(0);
  });

  it('lists every problem with file, field and fix before Astro renders anything', () => {
    expect(result.output).toContain('18 masalah ditemukan di konten.');
    expect(result.output).toContain('articles/2023/07/unknown-reporter.md:5  reporter: "bolk" tidak ada di daftar orang (content/people/). Mungkin maksud Anda "bolok"?');
    expect(result.output).toContain('articles/2023/07/missing-title.md  title: wajib diisi. Tambahkan "title:" ke frontmatter.');
    expect(result.output).toContain('articles/2023/07/date-without-offset.md:3  date: tanggal "2023-07-05 13:00:00" tidak punya zona waktu.');
    expect(result.output).toContain('articles/2023/07/unparseable-date.md:3  date: "kemarin sore" bukan tanggal yang bisa dibaca.');
    expect(result.output).not.toContain('page(s) built');
  });

  it('names every problem of a story broken three ways in the same run', () => {
    expect(result.output).toContain('articles/2023/09/broken-three-ways.md  title: wajib diisi.');
    expect(result.output).toContain('articles/2023/09/broken-three-ways.md:2  date: tanggal "2023-09-12 08:30:00" tidak punya zona waktu.');
    expect(result.output).toContain('articles/2023/09/broken-three-ways.md:4  reporter: "bolokk" tidak ada di daftar orang');
  });

  it('prints the report alone, without a crash frame or stack trace', () => {
    expect(result.output).not.toMatch(/unhandled error|Stack trace|^ *Location:|\n\s+at /m);
  });
});
