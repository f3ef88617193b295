import { describe, expect, test } from 'vitest';
import { compileBylinePatterns, DEFAULT_BYLINE_PATTERNS, liftByline } from '../../../../src/wordpress/convert/byline.ts';
import { htmlToMdast, mdastToMarkdown } from '../../../../src/wordpress/convert/html-to-markdown.ts';

const patterns = compileBylinePatterns(DEFAULT_BYLINE_PATTERNS);
const lift = (html: string) => {
  const { tree } = htmlToMdast(html, { embedTitle: 't', image: (r) => r, link: (h) => h });
  const found = liftByline(tree, patterns);
  return { found, markdown: mdastToMarkdown(tree, false) };
};

describe('lifting the typed byline', () => {
  test('takes the portal dateline, the reporter code and the editor line out of the body', () => {
    const { found, markdown } = lift('<p><strong>Liputanabn.com | PALEMBANG –</strong> Polisi menangkap dua pelaku.</p><p>Kasus didalami. ( Bolok )<br />Editor : Mastari</p>');
    expect(found).toEqual({ place: 'PALEMBANG', codes: ['Bolok'], editor: 'Mastari', removed: ['Liputanabn.com | PALEMBANG –', 'Editor : Mastari', '( Bolok )'] });
    expect(markdown).toBe('Polisi menangkap dua pelaku.\n\nKasus didalami.');
  });

  test.each([
    ['OGAN ILIR, Liputanabn.com – Harga naik.', 'OGAN ILIR'],
    ['PRABUMULIH - Harga naik.', 'PRABUMULIH'],
    ['LIPUTANABN.COM, MUARA ENIM — Harga naik.', 'MUARA ENIM'],
  ])('reads the dateline in "%s"', (text, place) => {
    const { found, markdown } = lift(`<p>${text}</p>`);
    expect(found.place).toBe(place);
    expect(markdown).toBe('Harga naik.');
  });

  test.each([
    ['a remark in lower case', 'Foto ini milik umum. (public domain)'],
    ['a remark in another script', '函数的默认参数只求值一次。(全文完)'],
  ])('keeps %s at the end of a story in the text', (_, text) => {
    const { found, markdown } = lift(`<p>${text}</p>`);
    expect(found.codes).toBeUndefined();
    expect(markdown).toBe(text);
  });

  test.each([['( Bolok )', ['Bolok']], ['(ant)', ['ant']], ['(Rina Oktaviani/ant)', ['Rina Oktaviani', 'ant']]])('lifts the code %s', (code, codes) => {
    expect(lift(`<p>Isi berita. ${code}</p>`).found.codes).toEqual(codes);
  });

  test('splits a co-byline code into reporters', () => {
    expect(lift('<p>Isi berita. (Bolok/Rina Oktaviani)</p>').found.codes).toEqual(['Bolok', 'Rina Oktaviani']);
  });

  test('removes a paragraph that held only the byline', () => {
    const { found, markdown } = lift('<p>Isi.</p><p>( Dodi )</p><p>Editor: Hendra Kurniawan</p>');
    expect(found).toEqual({ codes: ['Dodi'], editor: 'Hendra Kurniawan', removed: ['Editor: Hendra Kurniawan', '( Dodi )'] });
    expect(markdown).toBe('Isi.');
  });

  test('leaves a story without a byline unchanged', () => {
    const { found, markdown } = lift('<p>Pemadaman listrik (PLN) terjadi di Plaju kemarin.</p><p>Warga diminta bersiap.</p>');
    expect(found).toEqual({ removed: [] });
    expect(markdown).toBe('Pemadaman listrik (PLN) terjadi di Plaju kemarin.\n\nWarga diminta bersiap.');
  });

  test('uses configured patterns, and refuses one without its named group', () => {
    const custom = compileBylinePatterns({ ...DEFAULT_BYLINE_PATTERNS, reporter: [String.raw`Pewarta:\s*(?<code>\p{L}+)\s*$`] });
    const { tree } = htmlToMdast('<p>Isi. Pewarta: Ayu</p>', { embedTitle: 't', image: (r) => r, link: (h) => h });
    expect(liftByline(tree, custom).codes).toEqual(['Ayu']);
    expect(() => compileBylinePatterns({ ...DEFAULT_BYLINE_PATTERNS, editor: ['Editor: (.+)'] })).toThrow(/needs a named group \(\?<name>…\)/);
  });

  test('never lifts an italic or bold parenthesised remark at the end of a story', () => {
    for (const html of ['<p>Isi berita.</p><p><em>(Diperbarui dengan foto dari lokasi)</em></p>', '<p>Isi berita. <strong>(Bolok)</strong></p>']) {
      const { found, markdown } = lift(html);
      expect(found.codes).toBeUndefined();
      expect(markdown).toContain('(');
    }
  });

  test('never lifts a parenthesised word that is not at the very end of the story', () => {
    const { found, markdown } = lift('<p>Listrik padam (PLN) di Plaju.<br />Warga diminta bersiap.</p><p>(Bolok) mencatat kejadian itu.</p>');
    expect(found).toEqual({ removed: [] });
    expect(markdown).toContain('(PLN)');
    expect(markdown).toContain('(Bolok) mencatat');
  });

  test('lifts a dateline only from the first paragraph, never from a later one', () => {
    const { found, markdown } = lift('<p>Pengantar redaksi.</p><p>PALEMBANG – Hujan deras.</p>');
    expect(found.place).toBeUndefined();
    expect(markdown).toContain('PALEMBANG – Hujan deras.');
  });

  test('does not take a sentence in parentheses for a reporter code', () => {
    const { found } = lift('<p>Isi. (ini catatan yang cukup panjang dari redaksi kami)</p>');
    expect(found.codes).toBeUndefined();
  });
});
