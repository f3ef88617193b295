import { describe, expect, test } from 'vitest';
import { createPreview } from '../../../src/editor/preview.ts';

const preview = createPreview({
  locale: 'id',
  siteUrl: 'https://liputanabn.com',
  datelineLabel: 'Liputan ABN',
  datelines: { palembang: 'PALEMBANG' },
  people: { bolok: { name: 'Bolok', code: 'Bolok' }, rina: { name: 'Rina Oktaviani', code: 'Rin' }, mastari: { name: 'Mastari', code: 'Mastari' } },
});

describe("the editor's preview", () => {
  test('opens the story with the dateline and ends it with reporter codes and the editor line', () => {
    const html = preview({ title: 'Banjir', location: 'palembang', reporter: ['bolok', 'rina'], editor: 'mastari', body: 'Hujan "deras" sejak pagi.\n\nParagraf kedua.' });
    expect(html).toContain('<p><span class="dateline">Liputan ABN | PALEMBANG –</span> Hujan “deras” sejak pagi.</p>');
    expect(html).toContain('<p class="reporter-code">( Bolok / Rin )</p><p class="editor-line">Editor : Mastari</p>');
  });

  test("drops raw HTML from the story and escapes the headline: a redaktur previews a reporter's text signed in", () => {
    const html = preview({ title: '<img src=x onerror=alert(1)>', body: 'Teks <script>alert(1)</script> <img src=x onerror=alert(2)>' });
    expect(html).not.toMatch(/<script|<img src=x/);
    expect(html.split('</header>')[1]).not.toContain('onerror');
    expect(html).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  test('shows a Markdown mistake in the story instead of failing the preview', () => {
    expect(preview({ title: 'x', body: ':baca-juga{id="a"} di tengah kalimat' })).toContain('<p class="notice">');
  });
});
