/**
 * `npm run new`: creates content/articles/YYYY/MM/<id>.md with complete frontmatter, as a
 * draft with a placeholder body. `npm run new -- --help` explains the options.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-check.ts';
import { resolveNow } from '../src/lib/dates.ts';
import { choicesFor, newArticle, type ChoiceField, type Registries } from '../src/lib/new-article.ts';
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
  help: { type: 'boolean', short: 'h' },
} as const;

const dir = contentDir();
const index = loadContent(dir);
const t = createTranslator(index.site.locale);
const registries: Registries = {
  people: index.people,
  categories: [...index.categories.keys()],
  locations: [...index.locations.keys()],
  // Every file name counts, valid or not: an id must never be reused.
  articleIds: new Set(fs.globSync('articles/**/*.{md,mdx}', { cwd: dir }).map((f) => path.basename(f).replace(/\.mdx?$/, ''))),
};
const choices = (field: ChoiceField) => choicesFor(field, registries).join(', ');

let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  console.error(`[warta] ${(error as Error).message}. ${t('new.seeHelp')}`);
  process.exit(2);
}
if (values.help) {
  console.log(t('new.help', { reporters: choices('reporter'), editors: choices('editor'), categories: choices('category'), locations: choices('location') }));
  process.exit(0);
}

// On a terminal, ask for what the flags did not give; elsewhere (CI, scripts), report it.
if (process.stdin.isTTY) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ask = async (label: string, field?: ChoiceField) => (await rl.question(`${label}${field ? ` (${choices(field)})` : ''}: `)).trim();
  values.title ??= await ask(t('new.askTitle'));
  values.reporter ??= (await ask(t('role.reporter'), 'reporter')).split(',');
  values.editor ??= await ask(t('role.editor'), 'editor');
  values.category ??= await ask(t('new.askCategory'), 'category');
  values.location ??= await ask(t('new.askLocation'), 'location');
  rl.close();
}

const result = newArticle(
  {
    title: values.title ?? '',
    reporter: (values.reporter ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean),
    editor: values.editor?.trim() ?? '',
    category: values.category?.trim() ?? '',
    location: values.location?.trim() ?? '',
    tags: values.tag ?? [],
    slug: values.slug,
  },
  registries,
  resolveNow(),
  index.site.timeZone,
  t('new.bodyHint'),
);

if (!result.ok) {
  for (const problem of result.problems) console.error(`[warta] ${t(problem.key, problem.params)}`);
  console.error(`[warta] ${t('new.seeHelp')}`);
  process.exit(1);
}
const file = path.join(dir, result.relativePath);
const shown = path.relative(process.cwd(), file);
fs.mkdirSync(path.dirname(file), { recursive: true });
try {
  fs.writeFileSync(file, result.content, { flag: 'wx' }); // wx: never overwrite
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(`[warta] ${t('new.exists', { file: shown })}`);
    process.exit(1);
  }
  throw error;
}
console.log(`[warta] ${t('new.created', { file: shown })}`);
