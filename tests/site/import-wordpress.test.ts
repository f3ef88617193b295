/**
 * The WordPress import end to end: the fixture export imported by the CLI into a
 * scratch site, checked with the content validator, the comment store (each engine),
 * a second run, a local edit, a dry run, a broken file, and one build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content-check.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { BUILD_TIMEOUT, runBuild } from '../helpers/build-site.ts';
import { outputRoot, root } from '../helpers/sites.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../unit/server/helpers/engines.ts';
import { importWordpress } from '../../src/wordpress/import-wordpress.ts';
import { indexExport } from '../../src/wordpress/read/export-index.ts';
import { parseMapping } from '../../src/wordpress/plan/mapping.ts';
import { fidelityText, verifyExport } from '../../src/wordpress/verify/verify-export.ts';
import { openSqlite } from '../../src/server/storage/sqlite.ts';

const fixture = path.join(root, 'tests/fixtures/wordpress/liputan.xml');
const truncated = path.join(root, 'tests/fixtures/wordpress/liputan-truncated.xml');

/** A fresh Warta site with only its site.yaml (Warta's default permalink, so old day-based URLs need redirects). */
function scratchSite(name: string) {
  const dir = path.join(outputRoot, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'content'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'content/site.yaml'),
    'name: Liputan ABN\ndescription: Berita Palembang dan Sumatera Selatan.\nurl: https://liputanabn.com\nlocale: id\ntimeZone: Asia/Jakarta\ndatelineLabel: Liputan ABN\npermalink: /:year/:month/:slug/\n',
  );
  return dir;
}

const runImport = (dir: string, env: Record<string, string>, ...extra: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/import-wordpress.ts'), ...extra, '--content', path.join(dir, 'content')], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

/** Every file under a folder with its bytes, to prove a run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of fs.globSync('**/*', { cwd: dir })) {
    const abs = path.join(dir, f);
    if (fs.statSync(abs).isFile() && !f.startsWith('data')) files.set(f, fs.readFileSync(abs, 'base64'));
  }
  return files;
}

const article = (dir: string, rel: string) => matter(fs.readFileSync(path.join(dir, 'content/articles', rel), 'utf8'), { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } });

describe.each(ENGINES)('importing the Liputan ABN export (comments on %s)', (engine) => {
  const dir = path.join(outputRoot, `wordpress-import-${engine}`);
  let database: TestDatabase;
  let storage: Storage;
  let first: ReturnType<typeof runImport>;
  beforeAll(async () => {
    scratchSite(`wordpress-import-${engine}`);
    database = await createTestDatabase(engine);
    // The SQLite file lives in the database's own temp folder, outside the site.
    first = runImport(dir, database.env, fixture);
    storage = database.open();
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  test('imports every post and page, skipping trash, and reports the counts', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('articles: 33 new, 0 changed');
    expect(first.stdout).toContain('pages: 3 new');
    expect(first.stdout).toContain('posts: 33 (31 published, 0 scheduled, 2 drafts); skipped 1 trashed');
    expect(first.stdout).toMatch(/bylines: dateline 25\/33 \(8 without a dateline print none\), reporter code 25 \(author used for 8\), editor line 24 \(fallback for 9\)/);
  });

  test('writes content that passes the content check with no errors', () => {
    const { problems, articles } = loadContent(path.join(dir, 'content'), root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(articles).toHaveLength(33);
  });

  test('lifts the dateline, reporter code and editor line into frontmatter and out of the body', () => {
    const a = article(dir, '2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati.md');
    expect(a.data).toMatchObject({ location: 'palembang', reporter: 'bolok', editor: 'mastari', category: 'hukum-kriminal', tags: ['Polda Sumsel', 'Curanmor'] });
    expect(a.content).not.toMatch(/Liputanabn\.com|PALEMBANG|\( ?Bolok ?\)|Editor ?:/);
    expect(a.content.trim().startsWith('Jajaran Polsek Kertapati')).toBe(true);
    const co = article(dir, '2024/01/harga-cabai-di-ogan-ilir-naik-dua-kali-lipat.mdx');
    expect(co.data).toMatchObject({ location: 'ogan-ilir', reporter: ['bolok', 'rina-oktaviani'] });
    expect(yaml.load(fs.readFileSync(path.join(dir, 'content/locations.yaml'), 'utf8'))).toContainEqual({ id: 'ogan-ilir', name: 'Ogan Ilir', dateline: 'OGAN ILIR' });
    expect(yaml.load(fs.readFileSync(path.join(dir, 'content/people/bolok.yaml'), 'utf8'))).toEqual({ name: 'Bolok', code: 'Bolok', roles: ['reporter'] });
  });

  test('falls back to the WordPress author where the body has no byline, and invents no dateline', () => {
    const a = article(dir, '2024/01/jadwal-pemadaman-listrik-pekan-ini.md');
    expect(a.data).toMatchObject({ reporter: 'hendra-kurniawan', editor: 'hendra-kurniawan', category: 'pemerintahan' });
    expect(a.data.location).toBeUndefined();
  });

  test('lists every string it lifted out of a story', () => {
    expect(first.stdout).toContain('lifted from content/articles/2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati.md: "Liputanabn.com | PALEMBANG –"');
    expect(first.stdout).toContain('lifted from content/articles/2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati.md: "( Bolok )"');
  });

  test('turns captions, covers and bare embed URLs into Warta images and components', () => {
    const a = article(dir, '2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati.md');
    expect(a.data.cover).toEqual({ src: 'https://liputanabn.com/wp-content/uploads/2024/01/curanmor-kertapati.jpg', alt: 'Dua pelaku curanmor di Mapolsek Kertapati', width: 800, height: 450, caption: 'Kedua pelaku saat diamankan. (Foto: Humas Polsek)' });
    expect(a.content).toContain('"Kedua pelaku saat diamankan di Mapolsek Kertapati. (Foto: Humas Polsek)")');
    expect(a.content).not.toContain('adsense');
    const video = article(dir, '2024/01/lomba-bidar-meriahkan-hut-kota-palembang.mdx');
    expect(video.content).toContain('<YouTube id="dQw4w9WgXcQ" title="Lomba Bidar Meriahkan HUT Kota Palembang" />');
  });

  test('imports drafts with a zero GMT date at their local time, private posts as drafts', () => {
    expect(article(dir, '2024/02/rencana-pembangunan-jembatan-musi-vii-draf.md').data).toMatchObject({ date: '2024-02-01T10:00:00+07:00', draft: true });
    expect(article(dir, '2024/01/catatan-internal-redaksi.mdx').data.draft).toBe(true);
    expect(fs.existsSync(path.join(dir, 'content/articles/2024/01/berita-salah-unggah.md'))).toBe(false);
  });

  test('keeps comment threads, emails, pending and spam in the store, and skips pingbacks', async () => {
    const all = await storage.listComments({ articleId: 'polisi-amankan-dua-pelaku-curanmor-di-kertapati', order: 'asc', limit: 50 });
    expect(all.map((c) => [c.authorName, c.status])).toEqual([
      ['Rahmat Hidayat', 'approved'],
      ['Siti Aminah', 'approved'],
      ['Redaksi Liputan ABN', 'approved'],
      ['Budi', 'pending'],
      ['Obat Murah', 'spam'],
    ]);
    const [rahmat, siti, redaksi] = all;
    expect(siti!.parentId).toBe(rahmat!.id);
    expect(redaksi).toMatchObject({ parentId: siti!.id, authorKind: 'newsroom', authorEmail: null });
    expect(rahmat).toMatchObject({ authorEmail: 'rahmat@example.id', createdAt: '2024-01-10T03:00:00.000Z' });
    expect(first.stdout).toContain('comments: 14 approved, 1 pending, 1 spam, 0 trashed (0 on pages, 0 on items that are no article or page); not conversation, skipped: pingback ×1; 16 new in the store');
  });

  test('starts view counts from post_views_count and views meta', async () => {
    const totals = await storage.viewTotals(['polisi-amankan-dua-pelaku-curanmor-di-kertapati', 'lomba-bidar-meriahkan-hut-kota-palembang']);
    expect(Object.fromEntries(totals)).toEqual({ 'polisi-amankan-dua-pelaku-curanmor-di-kertapati': 1543, 'lomba-bidar-meriahkan-hut-kota-palembang': 8800 });
  });

  test('redirects every old URL and ?p= link to the new path', () => {
    const a = article(dir, '2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati.md');
    expect(a.data.aliases).toEqual(['/2024/01/10/polisi-amankan-dua-pelaku-curanmor-di-kertapati/']);
    const netlify = fs.readFileSync(path.join(dir, 'public/_redirects'), 'utf8');
    expect(netlify).toContain('/2024/01/10/polisi-amankan-dua-pelaku-curanmor-di-kertapati/  /2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati/  301');
    expect(netlify).toContain('/2024/01/18/festival-kuliner-%E2%80%9Cpempek%E2%80%9D-pecahkan-rekor/  /2024/01/festival-kuliner-pempek-pecahkan-rekor/  301');
    const shortLinks = JSON.parse(fs.readFileSync(path.join(dir, 'public/wordpress/shortlinks.json'), 'utf8'));
    expect(shortLinks).toMatchObject({ '101': '/2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati/', '109': '/tentang-kami/' });
    expect(shortLinks['104']).toBeUndefined();
    const vercel = JSON.parse(fs.readFileSync(path.join(dir, 'content/wordpress/vercel-redirects.json'), 'utf8'));
    expect(vercel.redirects).toContainEqual({ source: '/', has: [{ type: 'query', key: 'page_id', value: '109' }], destination: '/tentang-kami/', permanent: true });
    // Links inside bodies point at the new paths.
    expect(article(dir, '2024/01/festival-kuliner-pempek-pecahkan-rekor.md').content).toContain('[seperti diberitakan](/2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati/)');
  });

  test('a second run reports 0 new, 0 changed, stores no comment twice and changes no file', async () => {
    const before = snapshot(dir);
    const again = runImport(dir, database.env, fixture);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('articles: 0 new, 0 changed, 33 unchanged');
    expect(again.stdout).toContain('0 new in the store');
    expect(snapshot(dir)).toEqual(before);
    expect(await storage.countComments({ articleId: 'polisi-amankan-dua-pelaku-curanmor-di-kertapati' })).toBe(5);
  });

  test('reports an article edited since the import and leaves it alone', () => {
    const file = path.join(dir, 'content/articles/2024/01/jadwal-pemadaman-listrik-pekan-ini.md');
    const edited = `${fs.readFileSync(file, 'utf8')}\nKoreksi redaksi: pemadaman dimundurkan sehari.\n`;
    fs.writeFileSync(file, edited);
    const again = runImport(dir, database.env, fixture);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('articles: 0 new, 0 changed, 32 unchanged, 1 locally edited (left alone)');
    expect(again.stdout).toContain('locally edited, left alone: content/articles/2024/01/jadwal-pemadaman-listrik-pekan-ini.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
  });
});

describe('importing safely', () => {
  test('a dry run reports what would happen and writes nothing', () => {
    const dir = scratchSite('wordpress-dry-run');
    const before = snapshot(dir);
    const run = runImport(dir, {}, fixture, '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Dry run (nothing written)');
    expect(run.stdout).toContain('articles: 33 new');
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['content']);
  });

  test.each([
    ['a plain RSS feed', 'feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Liputan ABN</title><link>https://liputanabn.com</link><item><title>A</title><link>https://liputanabn.com/a/</link></item></channel></rss>', /is an RSS feed, not a WordPress export/],
    ['a sitemap', 'sitemap.xml', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://liputanabn.com/</loc></url></urlset>', /is a sitemap/],
    ['an empty file', 'empty.xml', '', /is empty/],
    ['a file with only a byte-order mark', 'bom.xml', '\uFEFF', /is empty/],
    ['a folder', 'export-folder', undefined, /is a folder, not an export file/],
  ])('refuses %s with exit 1, a message saying how to export, and writes nothing', (_name, fileName, text, message) => {
    const dir = scratchSite('wordpress-not-an-export');
    const input = path.join(outputRoot, 'wordpress-inputs', fileName);
    fs.mkdirSync(path.dirname(input), { recursive: true });
    if (text === undefined) fs.mkdirSync(input, { recursive: true });
    else fs.writeFileSync(input, text);
    const before = snapshot(dir);
    const run = runImport(dir, { WARTA_DB_PATH: path.join(dir, 'data/warta.sqlite') }, input);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Tools → Export → All content');
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.warta-import-'))).toEqual([]);
  });

  test('a truncated export fails with the line number and leaves the site untouched', () => {
    const dir = scratchSite('wordpress-broken');
    const before = snapshot(dir);
    const run = runImport(dir, { WARTA_DB_PATH: path.join(dir, 'data/warta.sqlite') }, truncated);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the export is not well-formed XML, nothing was written:\n {2}liputan-truncated\.xml:\d+:\d+: .*the export is truncated/);
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.warta-import-'))).toEqual([]);
  });
});

describe('building the imported site', () => {
  test('builds, with article pages at the new paths and redirect pages at the old ones', () => {
    const dir = path.join(outputRoot, `wordpress-import-${ENGINES[0]}`);
    const build = runBuild({ name: 'wordpress-import', content: path.relative(root, path.join(dir, 'content')), now: '2024-03-05T12:00:00+07:00' }, path.join(dir, 'dist'));
    expect(build.status, build.output).toBe(0);
    const client = path.join(dir, 'dist/client');
    expect(fs.readFileSync(path.join(client, '2024/01/lomba-bidar-meriahkan-hut-kota-palembang/index.html'), 'utf8')).toContain('Lomba Bidar Meriahkan HUT Kota Palembang');
    expect(fs.readFileSync(path.join(client, '2024/01/10/polisi-amankan-dua-pelaku-curanmor-di-kertapati/index.html'), 'utf8')).toContain('url=/2024/01/polisi-amankan-dua-pelaku-curanmor-di-kertapati/');
    expect(fs.existsSync(path.join(client, 'tentang-kami/index.html'))).toBe(true);
  }, BUILD_TIMEOUT);

  test('keeps every word, image, old URL and comment of the export (the fidelity check on this build)', async () => {
    const dir = path.join(outputRoot, `wordpress-import-${ENGINES[0]}`);
    const client = path.join(dir, 'dist/client');
    // What the import wrote into public/ is what a build copies into its output.
    fs.cpSync(path.join(dir, 'public'), client, { recursive: true, force: false });
    const contentDir = path.join(dir, 'content');
    // A dry run reports the same posts, paths and lifted bylines as the run that wrote the site.
    const report = await importWordpress({ file: fixture, contentDir, dryRun: true });
    const storage = openSqlite(path.join(dir, 'fidelity.sqlite'));
    await storage.migrate();
    const stored: Record<string, number> = {};
    try {
      const { storeFor } = await import('../../scripts/wordpress-store.ts');
      await importWordpress({ file: fixture, contentDir: fs.mkdtempSync(path.join(outputRoot, 'wordpress-fidelity-')), store: storeFor(storage) });
      for (const s of ['approved', 'pending', 'spam', 'rejected'] as const) stored[s] = await storage.countComments({ status: s });
    } finally {
      await storage.close();
    }
    const mapping = parseMapping(fs.readFileSync(path.join(contentDir, 'wordpress/mapping.yaml'), 'utf8'), 'mapping.yaml');
    const fidelity = await verifyExport({ file: fixture, index: await indexExport(fixture), mapping, report, client, stored, secondRun: report });
    expect(fidelity.failures, fidelityText('liputan', fidelity)).toEqual([]);
    expect(fidelity.words[0]).toBe(fidelity.words[1]);
    expect(fidelity.images[0]).toBe(fidelity.images[1]);
    expect(fidelity.urls.broken).toEqual([]);
  });
});
