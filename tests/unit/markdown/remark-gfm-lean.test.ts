import fs from 'node:fs';
import path from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import matter from 'gray-matter';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified as unified2, type Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import { createWarta } from '../../../src/integrations/warta.ts';
import { createMarkdownPlugins, pluginOptionsFromData, type MarkdownPluginData } from '../../../src/markdown/plugins.ts';
import { mayHoldAutolink, remarkGfmLean } from '../../../src/markdown/remark-gfm-lean.ts';

const data: MarkdownPluginData = {
  siteUrl: 'https://abnnews.id',
  bacaJugaLabel: 'Baca juga:',
  datelineLabel: 'Liputan ABN',
  datelines: { palembang: 'PALEMBANG' },
  articles: [['banjir-palembang-2025', 'Banjir Rendam 300 Rumah', '/2025/01/banjir-palembang-2025/']],
};
const shared = { syntaxHighlight: false } as const;
const ours = createMarkdownPlugins(pluginOptionsFromData(data));
/** The same plugins with Astro's own remark-gfm instead of ours: what the HTML must match. */
const astros = { ...ours, gfm: true, remarkPlugins: ours.remarkPlugins.filter((p) => p !== remarkGfmLean) };

const documents = {
  'plain prose': 'Banjir merendam 300 rumah pukul 10:30 WIB. "Kami siaga," kata petugas.',
  table: '| Kecamatan | Rumah |\n| --- | ---: |\n| Ilir Barat | 120 |\n| Seberang Ulu | 180 |',
  strikethrough: 'Korban ~~dua~~ tiga orang, ~satu~ hilang.',
  'task list': '- [x] evakuasi\n- [ ] dapur umum',
  footnote: 'Data BPBD[^1].\n\n[^1]: Per Senin pagi.',
  'www link': 'Info di www.bpbd.sumselprov.go.id/banjir, atau WWW.ABNNEWS.ID.',
  'http link': 'Lihat https://abnnews.id/2025/01/banjir dan HTTP://contoh.id?q=1).',
  email: 'Kirim ke redaksi@abnnews.id atau mailto:iklan@abnnews.id; xmpp:pr@abnnews.id.',
  'at sign only': 'Harga @Rp10.000 per karung, akun @bpbdsumsel.',
  'raw HTML and directives': '<div class="x">www.a.id</div>\n\n::baca-juga{id="banjir-palembang-2025"}\n\nRapat :30 menit.',
  'link-like text without a trigger': 'Situs abnnews.id dan ftp-like foo://bar serta www-an.',
};

describe('remarkGfmLean', () => {
  it('renders every GFM construct byte-identical to Astro’s own remark-gfm', async () => {
    const lean = await unified(ours).createRenderer(shared);
    const full = await unified(astros).createRenderer(shared);
    for (const [name, doc] of Object.entries(documents)) {
      const a = await lean.render(doc);
      const b = await full.render(doc);
      expect(a.code, name).toBe(b.code);
    }
    // Sanity: the comparison saw GFM at work.
    expect((await lean.render(documents.table)).code).toContain('<table>');
    expect((await lean.render(documents['www link'])).code).toContain('<a href="http://www.bpbd.sumselprov.go.id/banjir"');
    expect((await lean.render(documents.email)).code).toContain('<a href="mailto:redaksi@abnnews.id"');
  });

  it('renders every demo story byte-identical to Astro’s own remark-gfm', async () => {
    const real = createWarta().markdownPlugins;
    const lean = await unified(real).createRenderer(shared);
    const full = await unified({ ...real, gfm: true, remarkPlugins: real.remarkPlugins.filter((p) => p !== remarkGfmLean) }).createRenderer(shared);
    const dir = path.resolve('content/articles');
    const files = fs.globSync('**/*.md', { cwd: dir });
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const { content, data: frontmatter } = matter(fs.readFileSync(path.join(dir, file), 'utf8'));
      const options = () => ({ frontmatter: structuredClone(frontmatter), fileURL: new URL(`file://${path.join(dir, file)}`) });
      expect((await lean.render(content, options())).code, file).toBe((await full.render(content, options())).code);
    }
  });

  it('parses a document without a URL or @ without the autolink extension, and one with them with it', () => {
    /** Whether GFM's autolink-literal syntax (its constructs start at `w`) was loaded for each parse. */
    const loaded: boolean[] = [];
    const probe: Plugin<[], Root> = function () {
      const parse = this.parser!;
      const data = this.data();
      this.parser = (doc, file) => {
        loaded.push(data.micromarkExtensions!.some((e) => e.text !== undefined && 119 in e.text));
        return parse(doc, file);
      };
    };
    const processor = unified2().use(remarkParse).use(probe).use(remarkGfmLean);
    const table = '| a | b |\n| - | - |\n| 1 | 2 |';
    expect(processor.parse(table).children[0]!.type).toBe('table');
    expect(processor.parse(`${table}\n\nlihat www.abnnews.id`).children[0]!.type).toBe('table');
    expect(loaded).toEqual([false, true]);
  });

  it('knows what every literal autolink contains', () => {
    expect(mayHoldAutolink('kunjungi WWW.abnnews.id')).toBe(true);
    expect(mayHoldAutolink('Https://abnnews.id')).toBe(true);
    expect(mayHoldAutolink('tulis ke a@b.id')).toBe(true);
    expect(mayHoldAutolink('abnnews.id, pukul 10:30, ftp://x')).toBe(false);
  });
});
