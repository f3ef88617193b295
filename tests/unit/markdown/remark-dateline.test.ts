import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import { type DatelineOptions, remarkDateline } from '../../../src/markdown/remark-dateline.ts';
import { render } from './render.ts';

const datelineFor: DatelineOptions['datelineFor'] = (frontmatter) =>
  typeof frontmatter.location === 'string' ? `Liputan ABN | ${frontmatter.location.toUpperCase()} –` : undefined;

const renderWith = (markdown: string, frontmatter: Record<string, unknown> = { location: 'palembang' }) =>
  render(markdown, { remark: [remarkDirective, [remarkDateline, { datelineFor }]], frontmatter });

describe('remark-dateline', () => {
  it('puts the dateline before the first paragraph', async () => {
    const { html } = await renderWith('Hujan deras mengguyur kota.\n\nParagraf kedua.');
    expect(html).toBe(
      '<p><span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> Hujan deras mengguyur kota.</p>\n<p>Paragraf kedua.</p>',
    );
  });

  it('passes the raw frontmatter to datelineFor', async () => {
    const seen: Record<string, unknown>[] = [];
    await render('Teks.', {
      remark: [[remarkDateline, { datelineFor: (fm: Record<string, unknown>) => (seen.push(fm), undefined) }]],
      frontmatter: { title: 'Banjir', location: 'palembang' },
    });
    expect(seen).toEqual([{ title: 'Banjir', location: 'palembang' }]);
  });

  it('adds nothing when datelineFor returns undefined', async () => {
    const { html } = await renderWith('Opini redaksi.', {});
    expect(html).toBe('<p>Opini redaksi.</p>');
  });

  it('skips an opening image and directive to reach the first paragraph of prose', async () => {
    const { html } = await renderWith('![Banjir](banjir.jpg)\n\n:video{id=abc}\n\nWarga mengungsi.');
    expect(html).toBe(
      '<p><img src="banjir.jpg" alt="Banjir"></p>\n<p><div></div></p>\n<p><span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> Warga mengungsi.</p>',
    );
  });

  it('goes before leading emphasis or a link, on the same line', async () => {
    const { html } = await renderWith('**Banjir** kembali [merendam](/banjir) kota.');
    expect(html).toBe(
      '<p><span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> <strong>Banjir</strong> kembali <a href="/banjir">merendam</a> kota.</p>',
    );
  });

  it('does nothing for an empty body', async () => {
    const { html } = await renderWith('');
    expect(html).toBe('');
  });

  it('does nothing when the body has no paragraph of prose', async () => {
    const { html } = await renderWith('## Galeri\n\n![Foto](a.jpg)');
    expect(html).not.toContain('dateline');
  });

  it('adds the dateline exactly once, even when the plugin runs twice', async () => {
    const { html } = await render('Teks berita.', {
      remark: [
        [remarkDateline, { datelineFor }],
        [remarkDateline, { datelineFor }],
      ],
      frontmatter: { location: 'palembang' },
    });
    expect(html.match(/class="dateline"/g)).toHaveLength(1);
  });

  it('does not repeat a dateline the author already typed', async () => {
    const { html } = await renderWith('Liputan ABN | PALEMBANG – Hujan deras.');
    expect(html).toBe('<p>Liputan ABN | PALEMBANG – Hujan deras.</p>');
  });

  it('leaves the frontmatter bag alone', async () => {
    const { frontmatter } = await renderWith('Teks.');
    expect(frontmatter).toEqual({ location: 'palembang' });
  });
});
