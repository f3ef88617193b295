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

  test('drops scripts, ad slots and share bars, and counts what it dropped', () => {
    const { markdown, dropped } = convert('<p>Isi</p><div class="code-block code-block-2"><script>x()</script>Iklan</div><div class="sharedaddy">Bagikan</div><ins class="adsbygoogle"></ins><script>y()</script>');
    expect(markdown).toBe('Isi');
    expect(Object.fromEntries(dropped)).toEqual({ '.code-block': 1, '.sharedaddy': 1, '.adsbygoogle': 1, script: 1 });
  });

  test('keeps an iframe of a player Warta has no component for as HTML, and counts it', () => {
    const { markdown, keptHtml } = convert('<p>Peta:</p><iframe src="https://maps.example/embed?q=1" width="600" height="450" style="border:0" onload="x()"></iframe>');
    expect(markdown).toBe('Peta:\n\n<iframe src="https://maps.example/embed?q=1" width="600" height="450"></iframe>');
    expect(Object.fromEntries(keptHtml)).toEqual({ iframe: 1 });
  });

  test('keeps every image of a block gallery, each with its own caption, and the gallery caption', () => {
    const html = `<figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image"><img src="https://x.id/1.jpg" alt="Satu"><figcaption>Foto satu</figcaption></figure><figure class="wp-block-image"><img src="https://x.id/2.jpg" alt="Dua"></figure><figure class="wp-block-image"><img src="https://x.id/3.jpg" alt=""><figcaption>Foto tiga</figcaption></figure><figcaption class="blocks-gallery-caption">Suasana banjir</figcaption></figure>`;
    const { markdown, images } = convert(html);
    expect(images).toBe(3);
    expect(markdown).toBe('![Satu](https://x.id/1.jpg "Foto satu")\n\n![Dua](https://x.id/2.jpg)\n\n![Foto tiga](https://x.id/3.jpg "Foto tiga")\n\nSuasana banjir');
  });

  test('keeps every image of an old-style gallery list with the caption inside each item', () => {
    const html = `<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><a href="https://x.id/1.jpg"><img src="https://x.id/1.jpg" alt="A"></a><figcaption>Satu</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="https://x.id/2.jpg" alt="B"><figcaption>Dua</figcaption></figure></li></ul></figure>`;
    expect(convert(html).markdown).toBe('![A](https://x.id/1.jpg "Satu")\n\n![B](https://x.id/2.jpg "Dua")');
  });

  test('keeps every caption of an early block gallery written as a list', () => {
    const html = '<ul class="wp-block-gallery columns-3"><li class="blocks-gallery-item"><figure><img src="https://x.id/1.jpg" alt="A"><figcaption>Satu<br>dua</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="https://x.id/2.jpg" alt="B"><figcaption>Tiga</figcaption></figure></li></ul>';
    expect(convert(html).markdown).toBe('![A](https://x.id/1.jpg "Satu\ndua")\n\n![B](https://x.id/2.jpg "Tiga")');
  });

  test('keeps a table with its head, and the images, links and emphasis in its cells', () => {
    const { markdown, images } = convert('<table><thead><tr><th>Nama</th><th>Foto</th></tr></thead><tbody><tr><td><a href="https://old.id/2024/01/05/a/">Budi</a> <strong>(ketua)</strong></td><td><img src="https://x.id/b.jpg" alt="Budi" width="80" height="60"></td></tr></tbody></table>');
    expect(images).toBe(1);
    expect(markdown).toBe('<table><thead><tr><th>Nama</th><th>Foto</th></tr></thead><tbody><tr><td><a href="/2024/01/a/">Budi</a> <strong>(ketua)</strong></td><td><img src="https://x.id/b.jpg#w=80&#x26;h=60" alt="Budi" /></td></tr></tbody></table>');
  });

  test('keeps inserted, struck, subscript and superscript text as HTML', () => {
    expect(convert('<p>H<sub>2</sub>O, E = mc<sup>2</sup>, <del>lama</del> <s>salah</s> <strike>usang</strike> <ins>baru</ins></p>').markdown).toBe('H<sub>2</sub>O, E = mc<sup>2</sup>, <del>lama</del> <del>salah</del> <del>usang</del> <ins>baru</ins>');
  });

  test('moves an image out of a code block, where Markdown could not show it', () => {
    expect(convert('<pre>x = 1</pre><pre> <a href="https://x.id/a.png"><img src="https://x.id/a.png" alt="layar"></a></pre>').markdown).toBe('```\nx = 1\n```\n\n![layar](https://x.id/a.png)');
  });

  test('writes an image whose address is not UTF-8 (an old GBK file name) as HTML, which Astro does not decode', () => {
    const { markdown, keptHtml } = convert('<p><img src="http://img.example.cn/d/%B9%B7.jpg" alt="">Teks</p>');
    expect(markdown).toBe('<img src="http://img.example.cn/d/%B9%B7.jpg" alt="" />Teks');
    expect(Object.fromEntries(keptHtml)).toEqual({ img: 1 });
  });

  test('keeps a caption with a link as an HTML figure, so the link survives', () => {
    expect(convert('<figure><img src="https://x.id/a.jpg" alt="A" width="580" height="300"><figcaption>Lihat <a href="https://y.id/">sumber</a> foto</figcaption></figure>').markdown).toBe('<figure><img src="https://x.id/a.jpg" alt="A" width="580" height="300" /><figcaption>Lihat <a href="https://y.id/">sumber</a> foto</figcaption></figure>');
  });

  test('keeps the words either side of a line break in a caption apart', () => {
    expect(convert('<figure><img src="https://x.id/a.jpg" alt="A"><figcaption>Banjir<br>di Sudirman</figcaption></figure>').markdown).toBe('![A](https://x.id/a.jpg "Banjir\ndi Sudirman")');
  });

  test('turns embed markers, YouTube iframes and Instagram/X blockquotes into components', () => {
    const { markdown, embeds } = convert(
      '<div data-warta-embed="YouTube" data-id="dQw4w9WgXcQ"></div><iframe src="https://www.youtube.com/embed/aBcDeFgHiJk"></iframe><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C1aBcDeFgHi/"><p>x</p></blockquote><blockquote class="twitter-tweet"><p>kata</p>&mdash; Humas (@humas) <a href="https://twitter.com/humas/status/123">Jan 1</a></blockquote>',
    );
    // The quoted post's words stay as a quote beside its embed.
    expect(markdown).toBe(
      '<YouTube id="dQw4w9WgXcQ" title="Judul Berita" />\n\n<YouTube id="aBcDeFgHiJk" title="Judul Berita" />\n\n<Instagram id="C1aBcDeFgHi" title="Judul Berita" />\n\n> x\n\n<XPost id="123" title="Judul Berita" />\n\n> kata\n>\n> — Humas (@humas) [Jan 1](https://twitter.com/humas/status/123)',
    );
    expect(Object.fromEntries(embeds)).toEqual({ YouTube: 2, Instagram: 1, XPost: 1 });
  });

  test('rewrites links through the link resolver', () => {
    expect(convert('<p><a href="https://old.id/2024/01/05/a/">lama</a></p>').markdown).toBe('[lama](/2024/01/a/)');
  });

  test('writes MDX that compiles even with braces, angle brackets and bare URLs in the prose', async () => {
    const { markdown } = convert('<p>Harga {naik} &lt; 2 kali, lihat <a href="https://x.id">https://x.id</a> H<sub>2</sub>O</p><table><tr><td>a {b} <img src="https://x.id/a.jpg" alt="a"><br>c</td></tr></table><iframe src="https://maps.example/x"></iframe>', true);
    expect(markdown).toContain('Harga \\{naik\\} \\< 2 kali');
    await expect(compile(markdown)).resolves.toBeDefined();
  });
});
