/**
 * What an article's rendered Markdown depends on besides its own file, for Astro's
 * content cache. Astro re-renders an entry only when the digest of its file changes
 * (astro/dist/content/loaders/glob.js) and clears the whole cache only when the
 * serialisable part of the Astro config changes. Our plugins also read:
 *
 * - the "Baca juga" target's title and URL (its frontmatter: title, date, category);
 * - the site config (dateline label, permalink pattern, locale), the locations'
 *   datelines, the translations ("Baca juga:"), and the plugins' own code.
 *
 * Without these in the digest a warm build kept a retitled target's old title and an
 * old dateline label (measured). `dependencyDigest` returns the extra text to
 * fold into each entry's digest: the global key, plus the raw frontmatter of every
 * target the article links to, so only the articles linking to a changed story re-render.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** `::baca-juga{id="x"}`, `{id='x'}` or `{id=x}`, as remark-directive reads attributes. */
const BACA_JUGA_ID = /::baca-juga\{[^}]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g;

/** Hash of everything every article's rendering depends on. */
export function globalRenderKey(contentDir: string, root: string): string {
  const hash = createHash('sha1');
  const files = [
    ...['site.yaml', 'locations.yaml'].map((f) => path.join(contentDir, f)),
    ...fs.globSync('src/i18n/*.json', { cwd: root }).map((f) => path.join(root, f)),
    ...fs.globSync('src/markdown/*.ts', { cwd: root }).map((f) => path.join(root, f)),
  ].sort();
  for (const file of files) {
    hash.update(file);
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** The frontmatter block of a Markdown file: what a target contributes to a link to it. */
function frontmatterOf(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 3);
  return text.startsWith('---') && end > 0 ? text.slice(0, end) : '';
}

export function createDependencyDigest(contentDir: string, root: string): (contents: string) => string {
  const key = globalRenderKey(contentDir, root);
  let files: Map<string, string> | undefined;
  const articlesDir = path.join(contentDir, 'articles');
  const index = () =>
    new Map(fs.globSync('**/*.{md,mdx}', { cwd: articlesDir }).map((f) => [path.basename(f).replace(/\.mdx?$/, ''), path.join(articlesDir, f)]));
  const fileOf = (id: string) => {
    files ??= index();
    // A story added since the index was built (dev server): look again once.
    if (!files.has(id) || !fs.existsSync(files.get(id)!)) files = index();
    return files.get(id);
  };
  return (contents) => {
    let extra = key;
    if (!contents.includes('::baca-juga')) return extra;
    for (const m of contents.matchAll(BACA_JUGA_ID)) {
      const id = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      const file = fileOf(id);
      extra += `\0${id}\0${file ? frontmatterOf(file) : '(missing)'}`;
    }
    return extra;
  };
}
