import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageUrls, loadContent } from '../../../src/lib/content-check.ts';
import { formatProblem, formatReport, githubAnnotation } from '../../../src/lib/content-problems.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/sites', name, 'content');

describe('a site with broken frontmatter', () => {
  const index = loadContent(fixture('bad-frontmatter'), root);
  const messages = (locale: 'id' | 'en', severity: 'error' | 'warning' = 'error') =>
    index.problems.filter((p) => p.severity === severity).map((p) => formatProblem(p, locale).replaceAll('tests/fixtures/sites/bad-frontmatter/content/articles/', ''));

  it('reports every problem in one run instead of stopping at the first file', () => {
    expect(index.problems.filter((p) => p.severity === 'error')).toHaveLength(18);
  });

  it('names all three problems of a story broken three ways, not the schema ones first and the reference later', () => {
    expect(messages('id').filter((m) => m.startsWith('2023/09/broken-three-ways.md'))).toEqual([
      '2023/09/broken-three-ways.md  title: wajib diisi. Tambahkan "title:" ke frontmatter.',
      '2023/09/broken-three-ways.md:2  date: tanggal "2023-09-12 08:30:00" tidak punya zona waktu. Tulis dengan offset, misalnya 2023-07-05T13:00:00+07:00.',
      '2023/09/broken-three-ways.md:4  reporter: "bolokk" tidak ada di daftar orang (content/people/). Mungkin maksud Anda "bolok"?',
    ]);
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
        "2023/08/same-id.md  id artikel "same-id" sudah dipakai oleh 2023/07/same-id.md. Ganti nama salah satu berkas.",
        "2023/08/typo-field.md  editor: wajib diisi. Tambahkan "editor:" ke frontmatter.",
        "2023/08/typo-field.md:4  location: "Palembang" tidak ada di daftar lokasi (content/locations.yaml). Mungkin maksud Anda "palembang"?",
        "2023/08/typo-field.md:6  editr: ruas "editr" tidak dikenal. Mungkin maksud Anda "editor"?",
        "2023/09/alias-taken.md  aliases: alamat /2023/07/same-id/ sudah dipakai oleh 2023/07/same-id.md. Ubah nama berkas atau "aliases".",
        "2023/09/alias-taken.md:9  rightOfReply: artikel "same-idd" tidak ada. Mungkin maksud Anda "same-id"?",
        "2023/09/broken-three-ways.md  title: wajib diisi. Tambahkan "title:" ke frontmatter.",
        "2023/09/broken-three-ways.md:2  date: tanggal "2023-09-12 08:30:00" tidak punya zona waktu. Tulis dengan offset, misalnya 2023-07-05T13:00:00+07:00.",
        "2023/09/broken-three-ways.md:4  reporter: "bolokk" tidak ada di daftar orang (content/people/). Mungkin maksud Anda "bolok"?",
        "2023/09/broken-yaml.md:4  frontmatter bukan YAML yang valid: deficient indentation",
        "2023/09/unknown-category-and-image.md:7  category: "olahrga" tidak ada di daftar kategori (content/categories.yaml).",
        "2023/09/unknown-category-and-image.md:8  cover.src: berkas gambar "./tidak-ada.jpg" tidak ditemukan (2023/09/tidak-ada.jpg). Periksa nama berkas; gambar diletakkan di samping artikel.",
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
        "2023/08/same-id.md  the article id "same-id" is already used by 2023/07/same-id.md. Rename one of the files.",
        "2023/08/typo-field.md  editor: is required. Add "editor:" to the frontmatter.",
        "2023/08/typo-field.md:4  location: "Palembang" is not in the location registry (content/locations.yaml). Did you mean "palembang"?",
        "2023/08/typo-field.md:6  editr: unknown field "editr". Did you mean "editor"?",
        "2023/09/alias-taken.md  aliases: the URL /2023/07/same-id/ is already used by 2023/07/same-id.md. Rename the file or change "aliases".",
        "2023/09/alias-taken.md:9  rightOfReply: there is no article "same-idd". Did you mean "same-id"?",
        "2023/09/broken-three-ways.md  title: is required. Add "title:" to the frontmatter.",
        "2023/09/broken-three-ways.md:2  date: the date "2023-09-12 08:30:00" has no time zone. Write it with an offset, e.g. 2023-07-05T13:00:00+07:00.",
        "2023/09/broken-three-ways.md:4  reporter: "bolokk" is not in the people registry (content/people/). Did you mean "bolok"?",
        "2023/09/broken-yaml.md:4  the frontmatter is not valid YAML: deficient indentation",
        "2023/09/unknown-category-and-image.md:7  category: "olahrga" is not in the category registry (content/categories.yaml).",
        "2023/09/unknown-category-and-image.md:8  cover.src: image file "./tidak-ada.jpg" not found (2023/09/tidak-ada.jpg). Check the file name; images sit beside the article.",
      ]
    `);
  });

  it('warns about long headlines and summaries, covers without credit and stories without a cover, without failing', () => {
    expect(messages('id', 'warning').sort()).toMatchInlineSnapshot(`
      [
        "2023/07/same-id.md  artikel tanpa gambar sampul; berita dengan gambar lebih sering dibaca dan dibagikan. Tambahkan "cover:" bila ada foto.",
        "2023/07/unknown-reporter.md  artikel tanpa gambar sampul; berita dengan gambar lebih sering dibaca dan dibagikan. Tambahkan "cover:" bila ada foto.",
        "2023/09/alias-taken.md  artikel tanpa gambar sampul; berita dengan gambar lebih sering dibaca dan dibagikan. Tambahkan "cover:" bila ada foto.",
        "2023/09/only-warnings.md:2  title: judul 127 karakter; di atas 110 karakter judul terpotong di hasil pencarian. Persingkat judul, atau tambahkan "seoTitle:" berisi judul pendek untuk hasil pencarian.",
        "2023/09/only-warnings.md:8  summary: ringkasan 189 karakter; di atas 160 karakter terpotong di hasil pencarian. Persingkat ringkasan.",
        "2023/09/only-warnings.md:9  cover.credit: gambar sampul tanpa kredit. Tambahkan "credit:" di bawah "cover:", misalnya "Foto: Liputan ABN".",
        "2023/09/unknown-category-and-image.md:8  cover.credit: gambar sampul tanpa kredit. Tambahkan "credit:" di bawah "cover:", misalnya "Foto: Liputan ABN".",
      ]
    `);
  });

  it('prints GitHub Actions annotations that point at the file and line', () => {
    const problem = index.problems.find((p) => p.field === 'reporter')!;
    expect(githubAnnotation(problem, 'en')).toBe(
      '::error file=tests/fixtures/sites/bad-frontmatter/content/articles/2023/07/unknown-reporter.md,line=5,title=warta%3A reporter::reporter: "bolk" is not in the people registry (content/people/). Did you mean "bolok"?',
    );
  });

  it('publishes nothing from a file with a problem', () => {
    const ids = index.articles.map((a) => a.id).sort();
    expect(ids).toEqual(['only-warnings', 'same-id']);
  });

  it('opens a report of warnings alone with their count, not with "0 problems"', () => {
    expect(formatReport(index.problems.filter((p) => p.severity === 'warning'), 'id').split('\n')[0]).toBe('[warta] 7 peringatan; tidak menghalangi terbit:');
    expect(formatReport([], 'en')).toBe('');
  });

  it('opens the report with the tool name and the count', () => {
    expect(formatReport(index.problems, 'id').split('\n')[0]).toBe('[warta] 18 masalah ditemukan di konten. Perbaiki lalu jalankan ulang.');
  });
});

describe('the demo content', () => {
  const index = loadContent(path.join(root, 'content'), root);

  it('has no errors', () => {
    expect(index.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'en'))).toEqual([]);
  });

  it('files the sample article under its publication month', () => {
    const sample = index.articles.find((a) => a.id === 'polda-sumsel-zoom-meeting-manajemen-citra-polri');
    expect(sample?.path).toBe('/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri/');
  });
});

describe('a story file name as its id', () => {
  it('takes a name of 200 characters and refuses a longer one, saying the limit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-long-id-'));
    try {
      fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
      const story = fs.readFileSync(path.join(dir, 'articles/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri.md'), 'utf8');
      const [fits, tooLong] = [`${'a'.repeat(196)}-abc`, `${'a'.repeat(197)}-abc`];
      for (const id of [fits, tooLong]) fs.writeFileSync(path.join(dir, `articles/2023/07/${id}.md`), story);
      const index = loadContent(dir, dir);
      expect(index.articles.map((a) => a.id)).toContain(fits);
      expect(index.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'id'))).toEqual([
        `articles/2023/07/${tooLong}.md  nama berkas "${tooLong}" tidak bisa dijadikan id. Gunakan huruf kecil dan angka, kata dipisah satu tanda hubung, paling panjang 200 karakter, misalnya banjir-rendam-kertapati.`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('image URLs in a story body', () => {
  it('finds the URLs of inline images and of link definitions', () => {
    expect(imageUrls('Teks ![Banjir](./banjir 50%.jpg "judul") dan ![a](<./b c.jpg>)')).toEqual(['./banjir', './b']);
    expect(imageUrls('[foto]: https://liputanabn.com/wp-content/uploads/x%20y.jpg')).toEqual(['https://liputanabn.com/wp-content/uploads/x%20y.jpg']);
    expect(imageUrls('Tanpa gambar, 50% warga mengungsi.')).toEqual([]);
  });

  it('rejects an image URL Astro cannot decode, naming the line and the corrected URL', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-image-url-'));
    fs.cpSync(fixture('english'), dir, { recursive: true });
    const story = path.join(dir, 'articles/2024/02/bridge-reopens.md');
    fs.appendFileSync(story, '\n![Peta](https://images.example/peta-100%-banjir.jpg)\n');
    const lines = fs.readFileSync(story, 'utf8').split('\n').length - 1;
    const problems = loadContent(dir, dir).problems.filter((p) => p.key === 'error.imageUrl');
    expect(problems.map((p) => formatProblem(p, 'en'))).toEqual([
      `articles/2024/02/bridge-reopens.md:${lines}  image URL "https://images.example/peta-100%-banjir.jpg" cannot be decoded: a % must be followed by two hexadecimal digits. Write "https://images.example/peta-100%25-banjir.jpg".`,
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('the content check kept between builds', () => {
  const sample = 'articles/2023/07/polda-sumsel-zoom-meeting-manajemen-citra-polri';
  function scratchDemo() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-check-cache-'));
    fs.cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
    return { dir, content: path.join(dir, 'content'), cacheFile: path.join(dir, 'cache', 'warta-content-check.bin') };
  }
  const errors = (index: ReturnType<typeof loadContent>) => index.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'en'));

  it('gives the same stories, paths and problems from the cache as from the files', () => {
    const { dir, content, cacheFile } = scratchDemo();
    try {
      const plain = loadContent(content, dir);
      expect(loadContent(content, dir, { cacheFile })).toStrictEqual(plain);
      expect(fs.existsSync(cacheFile)).toBe(true);
      const fromCache = loadContent(content, dir, { cacheFile });
      expect(fromCache).toStrictEqual(plain);
      expect(fromCache.articles.find((a) => a.id === path.basename(sample))?.data.date).toBeInstanceOf(Date);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks a story again once its file changes, even when a copy kept its modification time, and the cover on disk on every run', () => {
    const { dir, content, cacheFile } = scratchDemo();
    try {
      loadContent(content, dir, { cacheFile });
      const file = path.join(content, `${sample}.md`);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reporter: bolok', 'reporter: bolk'));
      expect(errors(loadContent(content, dir, { cacheFile }))).toEqual([expect.stringMatching(/^content\/articles\/2023\/07\/polda-sumsel-zoom-meeting-manajemen-citra-polri\.md:6 .*bolk.*bolok/)]);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reporter: bolk', 'reporter: bolok'));
      expect(errors(loadContent(content, dir, { cacheFile }))).toEqual([]);
      // Same size, and the modification time put back as `rsync -a` or `tar` would: the change time still tells.
      const { atime, mtime } = fs.statSync(file);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reporter: bolok', 'reporter: bolkk'));
      fs.utimesSync(file, atime, mtime);
      expect(errors(loadContent(content, dir, { cacheFile }))).toEqual([expect.stringContaining('bolkk')]);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reporter: bolkk', 'reporter: bolok'));
      fs.rmSync(path.join(content, `${sample}.jpg`));
      const index = loadContent(content, dir, { cacheFile });
      expect(errors(index)).toEqual([expect.stringContaining(`polda-sumsel-zoom-meeting-manajemen-citra-polri.jpg`)]);
      expect(index.articles.map((a) => a.id)).not.toContain(path.basename(sample));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks every story again when a registry they name changes, though no story file did', () => {
    const { dir, content, cacheFile } = scratchDemo();
    try {
      const before = loadContent(content, dir, { cacheFile });
      const naming = before.articles.filter((a) => a.data.reporter.includes('bolok')).map((a) => a.file);
      expect(naming.length).toBeGreaterThan(0);
      fs.rmSync(path.join(content, 'people/bolok.yaml'));
      const after = loadContent(content, dir, { cacheFile });
      expect([...new Set(after.problems.filter((p) => p.severity === 'error' && p.field === 'reporter').map((p) => p.file))].sort()).toEqual(naming.sort());
      expect(after).toStrictEqual(loadContent(content, dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks every file when the cache cannot be read, and replaces it', () => {
    const { dir, content, cacheFile } = scratchDemo();
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.writeFileSync(cacheFile, 'not a cache');
      expect(loadContent(content, dir, { cacheFile })).toStrictEqual(loadContent(content, dir));
      expect(fs.readFileSync(cacheFile, 'utf8')).not.toBe('not a cache');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
