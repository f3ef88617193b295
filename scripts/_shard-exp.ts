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
  for (const a of articles) await created.index!.addHTMLFile({ url: a.path, content: (globalThis as any).strip(pageHtml(a)) });
  const t1 = Date.now();
  const out = `/tmp/exp/${name}`;
  fs.rmSync(out, { recursive: true, force: true });
  await created.index!.writeFiles({ outputPath: out });
  const t2 = Date.now();
  await created.index!.deleteIndex();
  console.log(name, articles.length, 'add ms', t1 - t, 'write ms', t2 - t1);
}
const sorted = content.articles;
const variant = process.env.VARIANT ?? '';
const orig = pageHtml;
(globalThis as any).strip = (html: string) => {
  if (variant.includes('nosort')) html = html.replace(/<span data-pagefind-sort[^>]*><\/span>/g, '');
  if (variant.includes('nofilter')) html = html.replace(/<span data-pagefind-filter="[^"]*">[^<]*<\/span>/g, '');
  if (variant.includes('nometa')) html = html.replace(/<span data-pagefind-meta[^>]*><\/span>/g, '');
  return html;
};
for (const n of (process.env.SIZES ?? '2500,5000,10000').split(',').map(Number)) await build('n' + n + variant, sorted.slice(0, n));
await pagefind.close();
