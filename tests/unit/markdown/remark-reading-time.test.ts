import { describe, expect, it } from 'vitest';
import { countWords, remarkReadingTime } from '../../../src/markdown/remark-reading-time.ts';
import { render } from './render.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

describe('remark-reading-time', () => {
  it('stores whole minutes at 200 words per minute by default', async () => {
    const { frontmatter } = await render(`${words(600)}\n`, { remark: [remarkReadingTime] });
    expect(frontmatter.readingTime).toBe(3);
  });

  it('rounds to the nearest minute', async () => {
    const short = await render(words(299), { remark: [remarkReadingTime] });
    const long = await render(words(301), { remark: [remarkReadingTime] });
    expect([short.frontmatter.readingTime, long.frontmatter.readingTime]).toEqual([1, 2]);
  });

  it('never says less than one minute, even for an empty body', async () => {
    const { frontmatter } = await render('', { remark: [remarkReadingTime] });
    expect(frontmatter.readingTime).toBe(1);
  });

  it('honours a configured reading speed', async () => {
    const { frontmatter } = await render(words(600), { remark: [[remarkReadingTime, { wordsPerMinute: 100 }]] });
    expect(frontmatter.readingTime).toBe(6);
  });

  it('counts headings, lists and quotes but not image alt text or raw HTML', async () => {
    const markdown = [
      '# Judul berita',
      '',
      '![alt yang sangat panjang sekali](foto.jpg)',
      '',
      '<div class="iklan">iklan iklan iklan</div>',
      '',
      '- satu',
      '- dua',
      '',
      '> kutipan narasumber',
    ].join('\n');
    const { frontmatter } = await render(markdown, { remark: [[remarkReadingTime, { wordsPerMinute: 1 }]] });
    expect(frontmatter.readingTime).toBe(6);
  });

  it('keeps the frontmatter already in the bag', async () => {
    const { frontmatter } = await render('Teks.', { remark: [remarkReadingTime], frontmatter: { title: 'Banjir' } });
    expect(frontmatter).toEqual({ title: 'Banjir', readingTime: 1 });
  });

  it('rejects a reading speed that is not a positive number', async () => {
    await expect(render('Teks.', { remark: [[remarkReadingTime, { wordsPerMinute: 0 }]] })).rejects.toThrowErrorMatchingInlineSnapshot(`[TypeError: remark-reading-time: wordsPerMinute must be a positive number, got 0]`);
  });

  describe('countWords', () => {
    it('does not count punctuation-only tokens such as the dateline dash', () => {
      expect(countWords('Liputan ABN | PALEMBANG – Hujan  deras\nturun.')).toBe(6);
    });
  });
});
