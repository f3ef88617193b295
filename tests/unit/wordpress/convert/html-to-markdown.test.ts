import { describe, expect, test } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { htmlToMdast, mdastToMarkdown } from '../../../../src/wordpress/convert/html-to-markdown.ts';

const convert = (html: string, mdx = false, image = (r: { src: string; width?: number; height?: number }) => r) => {
  const result = htmlToMdast(html, { embedTitle: 'Judul Berita', image, link: (h) => h.replace('https://old.id/2024/01/05/a/', '/2024/01/a/') });
  return { ...result, markdown: mdastToMarkdown(result.tree, mdx || result.embeds.size > 0) };
};

describe('post HTML to Markdown', () => {
  test('keeps headings, lists, links, emphasis and quotes', () => {
    expect(convert('<h2>Judul</h2><ul><li>satu</li><li>dua</li></ul><p><em>Kata</em> <strong>tebal</strong> <a href="https://x.id">tautan</a></p><blockquote><p>Kutipan</p></blockquote>').markdown).toBe(
      '## Judul\n\n- satu\n- dua\n\n_Kata_ **tebal** [tautan](https://x.id)\n\n> Kutipan',
    );
  });

  test('makes a captioned figure an image with the caption as title and the size in the fragment', () => {
    const { markdown } = convert('<figure><a href="https://x.id/a.jpg"><img src="https://x.id/a.jpg" alt="Banjir" width="800" height="450"></a><figcaption>Banjir di Sudirman.</figcaption></figure>');
    expect(markdown).toBe('![Banjir](https://x.id/a.jpg#w=800\\&h=450 "Banjir di Sudirman.")');
  });

  test('asks the image resolver for sizes and local copies', () => {
    const { markdown } = convert('<p><img src="https://x.id/wp-content/uploads/b.jpg" alt="B"></p>', false, () => ({ src: '../../../uploads/b.jpg' }));
    expect(markdown).toBe('![B](../../../uploads/b.jpg)');
  });

  test('drops scripts, ad slots, share bars and unknown iframes', () => {
    expect(convert('<p>Isi</p><div class="code-block"><script>x()</script>Iklan</div><div class="sharedaddy">Bagikan</div><ins class="adsbygoogle"></ins><iframe src="https://ads.example/x"></iframe>').markdown).toBe('Isi');
  });

  test('turns embed markers, YouTube iframes and Instagram/X blockquotes into components', () => {
    const { markdown, embeds } = convert(
      '<div data-warta-embed="YouTube" data-id="dQw4w9WgXcQ"></div><iframe src="https://www.youtube.com/embed/aBcDeFgHiJk"></iframe><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C1aBcDeFgHi/"><p>x</p></blockquote><blockquote class="twitter-tweet"><p>kata</p>&mdash; Humas (@humas) <a href="https://twitter.com/humas/status/123">Jan 1</a></blockquote>',
    );
    expect(markdown).toBe('<YouTube id="dQw4w9WgXcQ" title="Judul Berita" />\n\n<YouTube id="aBcDeFgHiJk" title="Judul Berita" />\n\n<Instagram id="C1aBcDeFgHi" title="Judul Berita" />\n\n<XPost id="123" title="Judul Berita" />');
    expect(Object.fromEntries(embeds)).toEqual({ YouTube: 2, Instagram: 1, XPost: 1 });
  });

  test('rewrites links through the link resolver', () => {
    expect(convert('<p><a href="https://old.id/2024/01/05/a/">lama</a></p>').markdown).toBe('[lama](/2024/01/a/)');
  });

  test('writes MDX that compiles even with braces, angle brackets and bare URLs in the prose', async () => {
    const { markdown } = convert('<p>Harga {naik} &lt; 2 kali, lihat <a href="https://x.id">https://x.id</a></p><table><tr><td>a {b}</td></tr></table>', true);
    expect(markdown).toContain('Harga \\{naik\\} \\< 2 kali');
    await expect(compile(markdown)).resolves.toBeDefined();
  });
});
