/**
 * `npm run new`: creates content/articles/YYYY/MM/<id>.md with complete frontmatter.
 *
 *   npm run new -- --title "Banjir Rendam Tiga Kecamatan di Ogan Ilir" --reporter bolok \
 *     --editor mastari --category peristiwa --location ogan-ilir [--tag Banjir --tag BPBD] [--slug …]
 *
 * Missing values are asked for on a terminal. Refuses to overwrite a file or reuse an id,
 * and rejects unknown people, categories and locations with the list of valid ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-check.ts';
import { resolveNow } from '../src/lib/dates.ts';
import { newArticle } from '../src/lib/new-article.ts';
import { contentDir } from '../src/lib/site-config.ts';
import { createTranslator } from '../src/i18n/translator.ts';

const options = {
  title: { type: 'string' },
  reporter: { type: 'string', multiple: true },
  editor: { type: 'string' },
  category: { type: 'string' },
  location: { type: 'string' },
  tag: { type: 'string', multiple: true },
  slug: { type: 'string' },
} as const;

let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  console.error(`[warta] ${(error as Error).message}`);
  process.exit(2);
}

const dir = contentDir();
const index = loadContent(dir);
const list = (m: Map<string, unknown>) => [...m.keys()].sort().join(', ');

// On a terminal, ask for what the flags did not give; in CI, fail with the list instead.
if (process.stdin.isTTY) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ask = async (label: string, hint?: string) => (await rl.question(`${label}${hint ? ` (${hint})` : ''}: `)).trim();
  values.title ??= await ask('Judul');
  values.reporter ??= (await ask('Reporter', list(index.people))).split(',').map((s) => s.trim());
  values.editor ??= await ask('Editor', list(index.people));
  values.category ??= await ask('Kategori', list(index.categories));
  values.location ??= await ask('Lokasi', list(index.locations));
  rl.close();
}

const result = newArticle(
  {
    title: values.title ?? '',
    reporter: (values.reporter ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean),
    editor: values.editor ?? '',
    category: values.category ?? '',
    location: values.location ?? '',
    tags: values.tag ?? [],
    slug: values.slug,
  },
  {
    people: [...index.people.keys()],
    categories: [...index.categories.keys()],
    locations: [...index.locations.keys()],
    // Every file name counts, valid or not: an id must never be reused.
    articleIds: new Set(fs.globSync('articles/**/*.{md,mdx}', { cwd: dir }).map((f) => path.basename(f).replace(/\.mdx?$/, ''))),
  },
  resolveNow(),
  index.site.timeZone,
  createTranslator(index.site.locale)('new.bodyHint'),
);

if (!result.ok) {
  for (const error of result.errors) console.error(`[warta] ${error}`);
  process.exit(1);
}
const file = path.join(dir, result.relativePath);
fs.mkdirSync(path.dirname(file), { recursive: true });
try {
  fs.writeFileSync(file, result.content, { flag: 'wx' }); // wx: never overwrite
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(`[warta] ${path.relative(process.cwd(), file)} already exists; not overwriting it`);
    process.exit(1);
  }
  throw error;
}
console.log(`[warta] created ${path.relative(process.cwd(), file)}`);
