import { describe, expect, test } from 'vitest';
import { wpautop } from '../../../../src/wordpress/convert/wpautop.ts';

describe('wpautop', () => {
  test('turns blank lines into paragraphs and single newlines into line breaks', () => {
    expect(wpautop('Satu\ndua\n\nTiga')).toBe('<p>Satu<br />\ndua</p>\n<p>Tiga</p>\n');
  });

  test('leaves block elements out of paragraphs', () => {
    expect(wpautop('Awal\n<h2>Judul</h2>\n<ul>\n<li>a</li>\n</ul>\nAkhir')).toBe('<p>Awal</p>\n<h2>Judul</h2>\n<ul>\n<li>a</li>\n</ul>\n<p>Akhir</p>\n');
  });

  test('keeps <pre> blocks exactly as written', () => {
    expect(wpautop('a\n\n<pre>x\n\ny</pre>\n\nb')).toBe('<p>a</p>\n<pre>x\n\ny</pre>\n<p>b</p>\n');
  });

  test('keeps newlines inside tags and two <br>s become a paragraph break', () => {
    expect(wpautop('<a\nhref="/x">x</a><br><br>y')).toBe('<p><a\nhref="/x">x</a></p>\n<p>y</p>\n');
  });

  test('returns nothing for an empty body', () => {
    expect(wpautop(' \n ')).toBe('');
  });
});
