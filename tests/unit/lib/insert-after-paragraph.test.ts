import { describe, expect, it } from 'vitest';
import { insertAfterParagraph } from '../../../src/lib/insert-after-paragraph.ts';

const AD = '<aside class="ad">Iklan</aside>';

describe('placing a block after paragraph N', () => {
  it('counts only top-level paragraphs', () => {
    const html = '<p>satu</p><blockquote><p>kutipan</p></blockquote><p>dua</p><p>tiga</p>';
    expect(insertAfterParagraph(html, 2, AD)).toBe('<p>satu</p><blockquote><p>kutipan</p></blockquote><p>dua</p><aside class="ad">Iklan</aside><p>tiga</p>');
  });

  it('puts the block after the body when the story is shorter than N paragraphs', () => {
    expect(insertAfterParagraph('<p>satu</p>', 3, AD)).toBe('<p>satu</p><aside class="ad">Iklan</aside>');
  });

  it('leaves the rest of the markup as it was', () => {
    const html = '<p><span class="dateline">X –</span> satu &amp; dua</p>\n<figure><img src="a.jpg" alt=""></figure>';
    expect(insertAfterParagraph(html, 1, AD)).toBe('<p><span class="dateline">X –</span> satu &#x26; dua</p><aside class="ad">Iklan</aside>\n<figure><img src="a.jpg" alt=""></figure>');
  });
});
