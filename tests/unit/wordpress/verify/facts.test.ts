import { describe, expect, test } from 'vitest';
import { htmlFacts, imageKey, keptOf, total, wordBag } from '../../../../src/wordpress/verify/facts.ts';

describe('what a reader gets of a story', () => {
  test('counts Unicode words, Chinese and Persian included, and leaves URLs out', () => {
    expect(total(wordBag('我家铁通，没有公网IP。'))).toBeGreaterThan(3);
    expect([...wordBag('آموزش نصب پارچ').keys()]).toEqual(['آموزش', 'نصب', 'پارچ']);
    expect([...wordBag('See https://youtu.be/x now').keys()]).toEqual(['see', 'now']);
    expect([...wordBag('don’t').keys()]).toEqual(["don't"]);
  });

  test('reads inline markup as part of the word it sits in, as a reader does', () => {
    const f = htmlFacts('<pre><span>System</span><span>.</span><span>out</span></pre><p>백<b>엔드</b></p>', 'https://x.id');
    expect([...f.words.keys()]).toEqual(['system.out', '백엔드']);
  });

  test('counts each word at most as often as the source has it', () => {
    expect(keptOf(wordBag('a a b c'), wordBag('a b b'))).toBe(2);
  });

  test('takes a resized or query-sized copy of an upload for the same image', () => {
    const base = 'https://x.id';
    expect(imageKey('https://www.x.id/wp-content/uploads/a-800x450.jpg?w=604', base)).toBe(imageKey('/wp-content/uploads/a.jpg#w=800&h=450', base));
    expect(imageKey('data:image/png;base64,AAAA', base)).toBeUndefined();
  });

  test('reads words apart across line breaks and block ends, images in table cells, and links by their text', () => {
    const f = htmlFacts('<p>satu<br>dua</p><p>tiga</p><table><tr><td><img src="https://x.id/t.jpg"><a href="/x">Tautan Ini</a></td></tr></table>', 'https://x.id');
    expect([...f.words.keys()]).toEqual(['satu', 'dua', 'tiga', 'tautan', 'ini']);
    expect([...f.images]).toEqual(['x.id/t.jpg']);
    expect(Object.fromEntries(f.links)).toEqual({ 'tautan ini': 1 });
  });
});
