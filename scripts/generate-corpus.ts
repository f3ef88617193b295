/**
 * Writes a synthetic but complete content folder for benchmarks and size tests:
 *
 *   node scripts/generate-corpus.ts --count 10000 --out /tmp/corpus [--seed 1] [--from 2023-01-01] [--to 2026-06-30]
 *
 * site.yaml, 10 categories, 30 locations, 40 reporters and 6 editors, 100 tags and
 * `count` articles of 300–900 words spread evenly over the date range. The text is
 * Indonesian-like: real function words and affixed real roots (me-/di-/ber-/pe-…-an,
 * -kan) so the Indonesian stemmer has work to do, plus a large invented vocabulary
 * drawn with a Zipf distribution so the index has a realistic long tail of rare words.
 * The same seed always gives the same files. Point the build at it with
 * WARTA_CONTENT_DIR=<out>; it passes `loadContent()` (checked at the end).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-check.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: '2023-01-01' },
    to: { type: 'string', default: '2026-06-30' },
    'no-check': { type: 'boolean', default: false },
  },
});
if (!values.out) {
  console.error('[warta] usage: node scripts/generate-corpus.ts --count 10000 --out <dir> [--seed 1] [--from 2023-01-01] [--to 2026-06-30]');
  process.exit(2);
}
const count = Number(values.count);
const out = path.resolve(values.out);
if (!Number.isInteger(count) || count < 1) throw new Error(`[warta] --count must be a positive integer, got "${values.count}"`);

/** mulberry32: small, fast, and the same sequence on every platform. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(values.seed) * 2654435761);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// --- vocabulary -----------------------------------------------------------------
const FUNCTION_WORDS = 'yang dan di ke dari untuk dengan dalam pada ini itu akan tidak juga sudah telah masih bisa harus oleh karena agar bahwa serta atau namun jika saat setelah sebelum hingga sejak para sebanyak sekitar lebih kurang sangat hanya secara terhadap antara melalui tersebut kami mereka ia kata ujar jelasnya menurutnya'.split(' ');
const ROOTS = 'laksana bangun kembang kelola periksa tangkap amankan bantu salur layan tingkat kuat ubah catat siap jaga awas bina didik ajar tanam panen jual beli bayar hitung susun rencana tetap putus umum sampai terima kirim buka tutup jalan temu ikut atur lapor data ukur uji nilai pilih tugas kerja usaha pasar harga rumah sakit sekolah jalan jembatan banjir hujan api polisi warga desa kota dinas kantor anggaran proyek program bantuan sosial petani nelayan pedagang guru siswa dokter pasien atlet lomba juara'.split(' ');
const AFFIXES: [string, string][] = [['me', 'kan'], ['di', 'kan'], ['pe', 'an'], ['', 'an'], ['ber', ''], ['ter', ''], ['ke', 'an'], ['me', 'i'], ['di', 'i'], ['', 'nya'], ['', ''], ['', '']];
/** me-/pe- take a nasal before the root as in real Indonesian, close enough for the stemmer to recognise. */
function affix(prefix: string, root: string, suffix: string): string {
  if (prefix === 'me' || prefix === 'pe') {
    const c = root[0]!;
    if ('aiueog'.includes(c)) return `${prefix}ng${root}${suffix}`;
    if ('bfv'.includes(c)) return `${prefix}m${root}${suffix}`;
    if (c === 'p') return `${prefix}m${root.slice(1)}${suffix}`;
    if ('cdjz'.includes(c)) return `${prefix}n${root}${suffix}`;
    if (c === 't') return `${prefix}n${root.slice(1)}${suffix}`;
    if (c === 's') return `${prefix}ny${root.slice(1)}${suffix}`;
    if (c === 'k') return `${prefix}ng${root.slice(1)}${suffix}`;
  }
  return `${prefix}${root}${suffix}`;
}
const SYLLABLES = 'ba be bi bu da di du ga gi gu ja ju ka ke ki ku la li lu ma me mi mu na ni nu pa pe pi pu ra ri ru sa se si su ta ti tu wa wi ya yu ban dan gan jan kan lan man nan pan ran san tan bang dang kang lang mang nang pang rang sang tang bung dung kung lung mung pung rung sung tung bar dar kar lar mar par sar tar bah dah kah lah mah pah rah sah tah'.split(' ');
const invented = new Set<string>();
while (invented.size < 40_000) {
  let w = '';
  const n = int(2, 4);
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  invented.add(w);
}
const affixed = ROOTS.flatMap((root) => AFFIXES.map(([p, s]) => affix(p, root, s)));
// Rank order decides frequency: function words most common, then real affixed words, then invented ones.
const vocabulary = [...new Set([...FUNCTION_WORDS, ...affixed, ...invented])];
const cumulative = new Float64Array(vocabulary.length);
{
  let sum = 0;
  for (let r = 0; r < vocabulary.length; r++) cumulative[r] = sum += 1 / (r + 1) ** 1.05;
}
function word(): string {
  const x = random() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
}
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const titleCase = (s: string) => s.split(' ').map(capital).join(' ');

// --- registries ----------------------------------------------------------------
const CATEGORIES = ['Hukum & Kriminal', 'Pemerintahan', 'Politik', 'Ekonomi', 'Pendidikan', 'Kesehatan', 'Olahraga', 'Peristiwa', 'Budaya', 'Lingkungan'];
const PLACES = ['Palembang', 'Ogan Ilir', 'Banyuasin', 'Prabumulih', 'Lubuklinggau', 'Muara Enim', 'Ogan Komering Ilir', 'Musi Banyuasin', 'Lahat', 'Pagar Alam', 'Musi Rawas', 'Empat Lawang', 'Ogan Komering Ulu', 'OKU Timur', 'OKU Selatan', 'Penukal Abab Lematang Ilir', 'Musi Rawas Utara', 'Kayuagung', 'Sekayu', 'Baturaja', 'Martapura', 'Muaradua', 'Pangkalan Balai', 'Indralaya', 'Tebing Tinggi', 'Talang Ubi', 'Jakarta', 'Denpasar, Bali', 'Bandung', 'Medan'];
const FIRST = ['Agus', 'Ayu', 'Budi', 'Citra', 'Dedi', 'Dewi', 'Eko', 'Fitri', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kiki', 'Lestari', 'Maya', 'Nanda', 'Oki', 'Putri', 'Rina', 'Sari', 'Taufik', 'Umi', 'Wahyu', 'Yusuf', 'Zainal'];
const LAST = ['Saputra', 'Lestari', 'Kurniawan', 'Ramadhani', 'Hamdani', 'Oktaviani', 'Setiawan', 'Pratama', 'Wijaya', 'Nugroho', 'Siregar', 'Harahap'];
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const yamlString = (s: string) => JSON.stringify(s);

const categories = CATEGORIES.map((name) => ({ id: slug(name), name }));
const locations = PLACES.map((name) => ({ id: slug(name), name, dateline: name.split(',')[0]!.toUpperCase() }));
const people: { id: string; name: string; roles: string[] }[] = [];
const usedNames = new Set<string>();
while (people.length < 46) {
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  if (usedNames.has(name)) continue;
  usedNames.add(name);
  people.push({ id: slug(name), name, roles: people.length < 40 ? ['reporter'] : ['editor'] });
}
const reporters = people.filter((p) => p.roles[0] === 'reporter');
const editors = people.filter((p) => p.roles[0] === 'editor');
const tags: string[] = [];
while (tags.length < 100) {
  const tag = titleCase(`${pick(ROOTS)} ${word()}`);
  if (!tags.includes(tag)) tags.push(tag);
}

// --- files ---------------------------------------------------------------------
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'people'), { recursive: true });
fs.writeFileSync(
  path.join(out, 'site.yaml'),
  ['# Synthetic corpus from scripts/generate-corpus.ts', 'name: Warta Bench', 'tagline: Korpus sintetis untuk uji kinerja', 'description: Portal berita sintetis untuk mengukur build dan pencarian Warta.', 'url: https://bench.warta.example', 'locale: id', 'timeZone: Asia/Jakarta', 'datelineLabel: Warta Bench', 'permalink: /:year/:month/:slug/', 'pageSize: 20', ''].join('\n'),
);
fs.writeFileSync(path.join(out, 'categories.yaml'), categories.map((c) => `- { id: ${c.id}, name: ${yamlString(c.name)} }`).join('\n') + '\n');
fs.writeFileSync(path.join(out, 'locations.yaml'), locations.map((l) => `- { id: ${l.id}, name: ${yamlString(l.name)}, dateline: ${yamlString(l.dateline)} }`).join('\n') + '\n');
for (const p of people) {
  fs.writeFileSync(path.join(out, 'people', `${p.id}.yaml`), `name: ${yamlString(p.name)}\ncode: ${yamlString(p.name.split(' ')[0]!)}\nroles: [${p.roles.join(', ')}]\n`);
}

const from = Date.parse(`${values.from}T00:00:00+07:00`);
const to = Date.parse(`${values.to}T23:59:00+07:00`);
const step = (to - from) / count;
const pad = (n: number) => String(n).padStart(2, '0');
const madeDirs = new Set<string>();
const started = Date.now();

for (let i = 0; i < count; i++) {
  // Wall-clock WIB (UTC+7, no DST) written with its offset, as journalists do.
  const wib = new Date(from + step * i + int(0, Math.max(0, Math.floor(step) - 1)) + 7 * 3600_000);
  const [year, month, day] = [wib.getUTCFullYear(), pad(wib.getUTCMonth() + 1), pad(wib.getUTCDate())];
  const date = `${year}-${month}-${day}T${pad(int(6, 22))}:${pad(int(0, 59))}:00+07:00`;
  const location = pick(locations);
  const category = pick(categories);
  const headline = [capital(pick(affixed)), word(), pick(affixed), word(), 'di', location.name.split(',')[0]!, word()].join(' ');
  const id = `${slug(headline).slice(0, 60).replace(/-$/, '')}-${i.toString(36)}`;
  const target = int(300, 900);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences: string[] = [];
    for (let s = int(2, 5); s > 0 && words < target; s--) {
      const length = Math.min(int(8, 22), target - words);
      const parts = Array.from({ length }, word);
      if (random() < 0.15) parts[int(0, parts.length - 1)] = location.name;
      sentences.push(`${capital(parts.join(' '))}.`);
      words += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  const articleTags = [...new Set(Array.from({ length: int(1, 4) }, () => pick(tags)))];
  const reporterIds = random() < 0.1 ? [pick(reporters).id, pick(reporters).id] : [pick(reporters).id];
  const dir = path.join(out, 'articles', String(year), month);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const frontmatter = [
    '---',
    `title: ${yamlString(headline)}`,
    `date: ${date}`,
    `location: ${location.id}`,
    `reporter: [${[...new Set(reporterIds)].join(', ')}]`,
    `editor: ${pick(editors).id}`,
    `category: ${category.id}`,
    `tags: [${articleTags.map(yamlString).join(', ')}]`,
    '---',
  ].join('\n');
  fs.writeFileSync(path.join(dir, `${id}.md`), `${frontmatter}\n${paragraphs.join('\n\n')}\n`);
}
const written = Date.now() - started;

if (!values['no-check']) {
  const index = loadContent(out, out);
  const errors = index.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || index.articles.length !== count) {
    console.error(`[warta] generated corpus is invalid: ${errors.length} errors, ${index.articles.length}/${count} articles`);
    for (const e of errors.slice(0, 5)) console.error(e);
    process.exit(1);
  }
}
console.log(`[warta] ${count} articles, ${people.length} people, ${tags.length} tags written to ${out} in ${written} ms (seed ${values.seed})`);
