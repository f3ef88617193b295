import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content-check.ts';
import { formatProblem, formatReport } from '../../../src/lib/content-problems.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/sites', name, 'content');

describe('a site with broken frontmatter', () => {
  const index = loadContent(fixture('bad-frontmatter'), root);
  const messages = (locale: 'id' | 'en') =>
    index.problems.map((p) => formatProblem(p, locale).replace('tests/fixtures/sites/bad-frontmatter/content/articles/', ''));

  it('reports every problem in one run instead of stopping at the first file', () => {
    expect(index.problems.filter((p) => p.severity === 'error')).toHaveLength(9);
  });

  it('names file, line, field, bad value and fix in Indonesian', () => {
    expect(messages('id').sort()).toMatchInlineSnapshot(`
      [
        "2023/07/cover-without-alt.md:15  "Baca juga" menunjuk artikel "unknown-reportr" yang tidak ada. Mungkin maksud Anda "unknown-reporter"?",
        "2023/07/cover-without-alt.md:8  cover.alt: gambar sampul wajib punya teks alternatif. Tambahkan "alt:" di bawah "cover:" yang menjelaskan isi gambar.",
        "2023/07/date-without-offset.md:3  date: tanggal "2023-07-05 13:00:00" tidak punya zona waktu. Tulis dengan offset, misalnya 2023-07-05T13:00:00+07:00.",
        "2023/07/missing-title.md  title: wajib diisi. Tambahkan "title:" ke frontmatter.",
        "2023/07/unknown-reporter.md:5  reporter: "bolk" tidak ada di daftar orang (content/people/). Mungkin maksud Anda "bolok"?",
        "2023/07/unparseable-date.md:3  date: "kemarin sore" bukan tanggal yang bisa dibaca. Gunakan format 2023-07-05T13:00:00+07:00.",
        "2023/08/same-id.md  id artikel "same-id" sudah dipakai oleh tests/fixtures/sites/bad-frontmatter/content/articles/2023/07/same-id.md. Ganti nama salah satu berkas.",
        "2023/08/typo-field.md  editor: wajib diisi. Tambahkan "editor:" ke frontmatter.",
        "2023/08/typo-field.md:6  editr: ruas "editr" tidak dikenal. Mungkin maksud Anda "editor"?",
      ]
    `);
  });

  it('says the same in English when asked', () => {
    expect(messages('en').sort()).toMatchInlineSnapshot(`
      [
        "2023/07/cover-without-alt.md:15  "Baca juga" points to an article "unknown-reportr" that does not exist. Did you mean "unknown-reporter"?",
        "2023/07/cover-without-alt.md:8  cover.alt: a cover image needs alternative text. Add "alt:" under "cover:" describing the picture.",
        "2023/07/date-without-offset.md:3  date: the date "2023-07-05 13:00:00" has no time zone. Write it with an offset, e.g. 2023-07-05T13:00:00+07:00.",
        "2023/07/missing-title.md  title: is required. Add "title:" to the frontmatter.",
        "2023/07/unknown-reporter.md:5  reporter: "bolk" is not in the people registry (content/people/). Did you mean "bolok"?",
        "2023/07/unparseable-date.md:3  date: "kemarin sore" is not a readable date. Use the format 2023-07-05T13:00:00+07:00.",
        "2023/08/same-id.md  the article id "same-id" is already used by tests/fixtures/sites/bad-frontmatter/content/articles/2023/07/same-id.md. Rename one of the files.",
        "2023/08/typo-field.md  editor: is required. Add "editor:" to the frontmatter.",
        "2023/08/typo-field.md:6  editr: unknown field "editr". Did you mean "editor"?",
      ]
    `);
  });

  it('publishes nothing from a file with a problem', () => {
    const ids = index.articles.map((a) => a.id).sort();
    expect(ids).toEqual(['same-id']);
  });

  it('opens the report with the tool name and the count', () => {
    expect(formatReport(index.problems, 'id').split('\n')[0]).toBe('[warta] 9 masalah ditemukan di konten. Perbaiki lalu jalankan ulang.');
  });
});

describe('the demo content', () => {
  const index = loadContent(path.join(root, 'content'), root);

  it('has no problems', () => {
    expect(formatReport(index.problems, 'en')).toBe('[warta] 0 problems found in the content. Fix them and run again.');
  });

  it('files the sample article under its publication month', () => {
    const sample = index.articles.find((a) => a.id === 'polda-sumsel-zoom-meeting-manajemen-citra-polri');
    expect(sample?.path).toBe('/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/');
  });
});
