import { describe, expect, test } from 'vitest';
import { attachmentSizes, phpUnserialize } from '../../../../src/wordpress/read/php-unserialize.ts';

describe('PHP serialized meta', () => {
  test('reads scalars, byte-counted UTF-8 strings, lists and maps', () => {
    expect(phpUnserialize('a:4:{i:0;s:5:"Café";i:1;b:1;i:2;d:1.5;i:3;N;}')).toEqual(['Café', true, 1.5, null]);
    expect(phpUnserialize('a:1:{s:1:"k";a:1:{s:1:"n";i:3;}}')).toEqual({ k: { n: 3 } });
  });

  test('refuses objects rather than guessing', () => {
    expect(() => phpUnserialize('O:8:"stdClass":0:{}')).toThrow(/unsupported type "O"/);
  });

  test('gives the attachment size and its generated sizes, and nothing for broken meta', () => {
    const meta = 'a:3:{s:5:"width";i:1200;s:6:"height";i:675;s:5:"sizes";a:1:{s:6:"medium";a:3:{s:4:"file";s:11:"a-300x1.jpg";s:5:"width";i:300;s:6:"height";i:169;}}}';
    expect(attachmentSizes(meta)).toEqual({ width: 1200, height: 675, file: undefined, sizes: [{ file: 'a-300x1.jpg', width: 300, height: 169 }] });
    expect(attachmentSizes('a:2:{broken')).toEqual({ sizes: [] });
  });
});
