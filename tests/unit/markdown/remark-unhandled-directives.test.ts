import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import { remarkUnhandledDirectives } from '../../../src/markdown/remark-unhandled-directives.ts';
import { render } from './render.ts';

const renderWith = (markdown: string) => render(markdown, { remark: [remarkDirective, remarkUnhandledDirectives] });

/** What the Markdown renders to without remark-directive at all: the behaviour to keep. */
const plain = (markdown: string) => render(markdown);

describe('remark-unhandled-directives', () => {
  describe('prose with colons renders as if directives did not exist', () => {
    it.each([
      'Rapat dimulai pukul 10:30 WIB.',
      'Kontak: 0812-7000-1234.',
      'Skor 2:1 untuk tuan rumah, rasio:tinggi.',
      'Jam 07:00:00 tepat.',
      'Lihat catatan:penting[1] dan a:b[**tebal**]{.c #d k="v"} lagi.',
      'Baris satu:\nbaris dua:tiga.',
      'Tanda titik dua ganda:: dan tiga ::: tetap.',
    ])('%s', async (markdown) => {
      expect((await renderWith(markdown)).html).toBe((await plain(markdown)).html);
    });
  });

  it('restores an unknown leaf directive as its text and warns', async () => {
    const { html, messages } = await renderWith('::bacajuga{id="banjir"}');
    expect(html).toBe('<p>::bacajuga{id="banjir"}</p>');
    expect(messages).toEqual(['Unknown directive "::bacajuga"; it is shown as plain text.']);
  });

  it('restores an unknown container directive with its content rendered', async () => {
    const { html } = await renderWith(':::catatan\nIsi **penting**.\n:::');
    expect(html).toBe('<p>:::catatan</p>\n<p>Isi <strong>penting</strong>.</p>\n<p>:::</p>');
  });

  it('leaves directives another plugin handled', async () => {
    const { html } = await render('::box', {
      remark: [
        remarkDirective,
        () => (tree: import('mdast').Root) => {
          const node = tree.children[0];
          if (node.type === 'leafDirective') node.data = { hName: 'hr' };
        },
        remarkUnhandledDirectives,
      ],
    });
    expect(html).toBe('<hr>');
  });
});
