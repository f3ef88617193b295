/**
 * Renders every article of a content folder twice, in this process, through Astro's `unified()`:
 * with Warta's plugin list (`remarkGfmLean`, src/markdown/remark-gfm-lean.ts) and with Astro's own
 * remark-gfm (`gfm: true`) instead; checks that HTML and metadata are identical and times both:
 *
 *   WARTA_CONTENT_DIR=/tmp/corpus node scripts/bench/markdown-gfm.ts
 *
 * Exits 1 when any article renders differently (and names it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import matter from 'gray-matter';
import { createWarta } from '../../src/integrations/warta.ts';
import { mayHoldAutolink, remarkGfmLean } from '../../src/markdown/remark-gfm-lean.ts';

const warta = createWarta();
const dir = path.resolve(process.env.WARTA_CONTENT_DIR ?? 'content');
const plugins = warta.markdownPlugins;
const shared = { syntaxHighlight: false } as const;
const lean = await unified(plugins).createRenderer(shared);
const full = await unified({ ...plugins, gfm: true, remarkPlugins: plugins.remarkPlugins.filter((p) => p !== remarkGfmLean) }).createRenderer(shared);

const files = fs.globSync('articles/**/*.md', { cwd: dir }).sort();
let leanMs = 0;
let fullMs = 0;
let withTrigger = 0;
const different: string[] = [];
for (const file of files) {
  const { content, data } = matter(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (mayHoldAutolink(content)) withTrigger++;
  const options = () => ({ frontmatter: structuredClone(data), fileURL: new URL(`file://${path.join(dir, file)}`) });
  let started = performance.now();
  const a = await lean.render(content, options());
  leanMs += performance.now() - started;
  started = performance.now();
  const b = await full.render(content, options());
  fullMs += performance.now() - started;
  if (a.code !== b.code || JSON.stringify(a.metadata) !== JSON.stringify(b.metadata)) different.push(file);
}
console.log(
  `${files.length} articles (${withTrigger} with www., http(s):// or @): ${files.length - different.length} identical; ` +
    `Warta's GFM ${(leanMs / 1000).toFixed(1)} s, Astro's ${(fullMs / 1000).toFixed(1)} s (${(leanMs / fullMs).toFixed(2)}×)`,
);
for (const file of different) console.log(`  differs: ${file}`);
process.exitCode = different.length > 0 ? 1 : 0;
