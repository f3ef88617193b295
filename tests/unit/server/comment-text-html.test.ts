import { describe, expect, test } from 'vitest';
import { commentTextHtml } from '../../../src/server/http/comment-text-html.ts';

describe('comment text as HTML', () => {
  test('escapes every HTML character so markup shows as text', () => {
    expect(commentTextHtml(`<img src=x onerror=alert(1)> & "q" 'a'`)).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;</p>');
  });

  test('keeps single line breaks and makes paragraphs of blank lines', () => {
    expect(commentTextHtml('satu\ndua\n\ntiga')).toBe('<p>satu<br>dua</p><p>tiga</p>');
  });

  test('links http(s) URLs with rel="nofollow ugc noopener", leaving trailing punctuation outside', () => {
    expect(commentTextHtml('lihat https://x.id/a?b=1&c=2, ya')).toBe(
      '<p>lihat <a href="https://x.id/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://x.id/a?b=1&amp;c=2</a>, ya</p>',
    );
  });

  test('never links other schemes', () => {
    expect(commentTextHtml('javascript:alert(1) data:text/html,x')).toBe('<p>javascript:alert(1) data:text/html,x</p>');
  });

  test('cannot break out of the href with quotes or angle brackets', () => {
    expect(commentTextHtml('https://x.id/"onmouseover="alert(1)')).toBe('<p><a href="https://x.id/" rel="nofollow ugc noopener">https://x.id/</a>&quot;onmouseover=&quot;alert(1)</p>');
  });
});
