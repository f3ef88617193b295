/**
 * Reading time: stores the estimated minutes to read the article as
 * `readingTime` in Astro's frontmatter bag. The page renders it ("3 menit baca")
 * through the translations; this plugin only stores the number.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { astroFrontmatter } from './astro-frontmatter.ts';
import { plainText } from './prose.ts';

export interface ReadingTimeOptions {
  /**
   * Reading speed in words per minute (default 200).
   *
   * 200 is our choice, not a measured figure for Indonesian: Brysbaert's 2019 meta-analysis
   * ("How many words do we read per minute?", Journal of Memory and Language 109) puts
   * silent reading of English non-fiction near 240 wpm, and Indonesian words are longer
   * (affixes such as me-/-kan/di-/-nya are written as one word), so we round down.
   */
  wordsPerMinute?: number;
}

export const DEFAULT_WORDS_PER_MINUTE = 200;

/** A "word" is a whitespace-separated token holding at least one letter or digit (so "–" and "|" don't count). */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export const remarkReadingTime: Plugin<[ReadingTimeOptions?], Root> = function (options = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  // Fail at configuration time, not with NaN minutes on every page.
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) {
    throw new TypeError(`remark-reading-time: wordsPerMinute must be a positive number, got ${wordsPerMinute}`);
  }
  return function (tree, file) {
    const words = countWords(plainText(tree));
    // Rounded to the nearest minute, never "0 menit baca": even a brief takes a minute.
    astroFrontmatter(file.data).readingTime = Math.max(1, Math.round(words / wordsPerMinute));
  };
};
