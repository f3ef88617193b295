import { describe, expect, test } from 'vitest';
import { embedElement, embedFromUrl, markBareEmbeds } from '../../../../src/wordpress/convert/embeds.ts';

describe('embeds', () => {
  test.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10', 'YouTube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'YouTube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'YouTube', 'dQw4w9WgXcQ'],
    ['https://www.instagram.com/p/C1aBcDeFgHi/', 'Instagram', 'C1aBcDeFgHi'],
    ['https://www.instagram.com/reel/C1aBcDeFgHi/?igsh=x', 'Instagram', 'C1aBcDeFgHi'],
    ['https://twitter.com/humas/status/1746000000000000001', 'XPost', '1746000000000000001'],
    ['https://x.com/humas/status/1746000000000000001?s=20', 'XPost', '1746000000000000001'],
  ])('recognises %s', (url, component, id) => {
    expect(embedFromUrl(url)).toEqual({ component, id });
  });

  test('ignores other hosts and malformed ids', () => {
    expect(embedFromUrl('https://www.facebook.com/watch?v=1')).toBeUndefined();
    expect(embedFromUrl('https://youtu.be/short')).toBeUndefined();
    expect(embedFromUrl('not a url')).toBeUndefined();
  });

  test('marks URLs alone on their line and links other lone URLs, but not URLs inside prose', () => {
    const { text, count } = markBareEmbeds('Lihat video:\nhttps://youtu.be/dQw4w9WgXcQ\nhttps://example.id/berita\nBaca https://youtu.be/dQw4w9WgXcQ di sini');
    expect(count).toBe(1);
    expect(text).toContain('<div data-warta-embed="YouTube" data-id="dQw4w9WgXcQ"></div>');
    expect(text).toContain('<a href="https://example.id/berita">https://example.id/berita</a>');
    expect(text).toContain('Baca https://youtu.be/dQw4w9WgXcQ di sini');
  });

  test('writes the MDX element with escaped attributes', () => {
    expect(embedElement({ component: 'YouTube', id: 'dQw4w9WgXcQ' }, 'Bidar "Musi" {2024}')).toBe('<YouTube id="dQw4w9WgXcQ" title="Bidar &quot;Musi&quot; &#123;2024&#125;" />');
  });
});
