import fs from 'node:fs';
import path from 'node:path';
const root = path.resolve(import.meta.dirname, '..');
const corpus = path.join(root, 'node_modules/.warta-measure/corpus-10000');
const { loadContent } = await import('../src/lib/content-check.ts');
const { formatDate, toZonedIso } = await import('../src/lib/dates.ts');
const content = loadContent(corpus, corpus);
const { site } = content;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const pageHtml = (a: any) => {
  const location = content.locations.get(a.data.location)!;
  const category = content.categories.get(a.data.category)!;
  const reporters = a.data.reporter.map((id: string) => content.people.get(id)!.name);
  const body = a.body.trim().split(/\n\n+/).map((p: string) => `<p>${esc(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="${site.locale}"><head><title>${esc(a.data.title)}</title></head><body>
<main><article><header data-pagefind-body><h1>${esc(a.data.title)}</h1></header>
<div data-pagefind-body>${body}</div>
<div hidden data-pagefind-ignore>
<span data-pagefind-filter="kategori">${esc(category.name)}</span><span data-pagefind-filter="lokasi">${esc(location.name)}</span>${reporters.map((r: string) => `<span data-pagefind-filter="reporter">${esc(r)}</span>`).join('')}
<span data-pagefind-sort="tanggal[data-value]" data-value="${toZonedIso(a.data.date, site.timeZone)}"></span>
<span data-pagefind-meta="tanggal[data-value]" data-value="${esc(formatDate(a.data.date, site.locale, site.timeZone))}"></span>
</div></article></main></body></html>`;
};
const pagefind = await import('pagefind');
async function build(name: string, articles: any[]) {
  const t = Date.now();
  const created = await pagefind.createIndex({});
  for (const a of articles) await created.index!.addHTMLFile({ url: a.path, content: pageHtml(a) });
  const out = `/tmp/exp/${name}`;
  fs.rmSync(out, { recursive: true, force: true });
  await created.index!.writeFiles({ outputPath: out });
  await created.index!.deleteIndex();
  const idx = fs.readdirSync(path.join(out, 'index')).map((f) => fs.statSync(path.join(out, 'index', f)).size);
  const meta = fs.readdirSync(out).filter((f) => f.endsWith('pf_meta')).map((f) => fs.statSync(path.join(out, f)).size);
  console.log(name, articles.length, 'ms', Date.now() - t, 'chunks', idx.length, 'avg', Math.round(idx.reduce((a, b) => a + b, 0) / idx.length), 'max', Math.max(...idx), 'meta', meta);
}
await build('all', content.articles);
const years = [...new Set(content.articles.map((a: any) => a.path.split('/')[1]))].sort();
if (process.env.YEARS) for (const y of years) await build('y' + y, content.articles.filter((a: any) => a.path.split('/')[1] === y));
await pagefind.close();
