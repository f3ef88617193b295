import { describe, expect, it } from 'vitest';
import { sameForSearch, searchProjection } from '../../../src/lib/search-projection.ts';

const page = (parts: { title?: string; body?: string; related?: string; kategori?: string; footer?: string; lang?: string } = {}) => `<!doctype html>
<html lang="${parts.lang ?? 'id'}"><head><title>${parts.title ?? 'Banjir di Palembang'}</title></head>
<body>
  <header class="site-header" data-pagefind-ignore><nav>Beranda</nav></header>
  <article>
    <header class="article-header" data-pagefind-body><h1>${parts.title ?? 'Banjir di Palembang'}</h1></header>
    <div class="article-body" data-pagefind-body>
      <p>${parts.body ?? 'Air naik setinggi lutut.'}</p>
      <section class="related" data-pagefind-ignore><a href="/x/">${parts.related ?? 'Berita lain'}</a></section>
    </div>
    <div class="pagefind-meta" hidden data-pagefind-ignore>
      <span data-pagefind-filter="kategori">${parts.kategori ?? 'Peristiwa'}</span>
      <span data-pagefind-sort="tanggal[data-value]" data-value="2026-06-01T10:00:00+07:00"></span>
    </div>
  </article>
  <footer data-pagefind-ignore>${parts.footer ?? '© 2026'}</footer>
</body></html>`;

describe('sameForSearch', () => {
  it('calls pages the same when only what Pagefind skips differs: related stories, header, footer', () => {
    expect(sameForSearch(page(), page({ related: 'Judul baru cerita terkait', footer: '© 2027' }))).toBe(true);
  });

  it('tells pages apart when the body, the headline, a filter or the language differ', () => {
    expect(sameForSearch(page(), page({ body: 'Air naik sepinggang.' }))).toBe(false);
    expect(sameForSearch(page(), page({ title: 'Banjir surut' }))).toBe(false);
    expect(sameForSearch(page(), page({ kategori: 'Hukum' }))).toBe(false);
    expect(sameForSearch(page(), page({ lang: 'en' }))).toBe(false);
  });

  it('keeps filters that sit inside an ignored element in the projection', () => {
    expect(searchProjection(page())).toContain('data-pagefind-filter="kategori"');
    expect(searchProjection(page())).not.toContain('Berita lain');
  });
});
