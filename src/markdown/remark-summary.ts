/**
 * Derived summary: the plain text of the first paragraph of prose, stored as
 * `derivedSummary` in Astro's frontmatter bag. Pages use it for the meta description
 * and listing teasers when the article has no hand-written summary.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { astroFrontmatter } from './astro-frontmatter.ts';
import { collapseWhitespace, firstProseParagraph, plainText } from './prose.ts';

/**
 * Longest summary, ellipsis included. 160 characters is the usual length at which search
 * engines cut a meta description on a desktop result page; it is a convention, not a rule.
 */
export const SUMMARY_MAX_LENGTH = 160;

const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` characters (counted in code points, so an emoji is never
 * split), cutting at the last word boundary and appending "…" when anything was cut.
 */
export function shortenAtWord(text: string, max: number = SUMMARY_MAX_LENGTH): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  // Room for the ellipsis; if the character right after the cut is a space we cut cleanly.
  const head = chars.slice(0, max - 1).join('');
  const next = chars[max - 1];
  const boundary = /\s/u.test(next) ? head.length : head.search(/\s\S*$/u);
  // One word longer than the limit: cut inside it rather than return nothing.
  const cut = boundary > 0 ? head.slice(0, boundary) : head;
  // "Banjir melanda, …" reads badly: drop punctuation left dangling before the ellipsis.
  return cut.replace(/[\s,;:–—-]+$/u, '') + ELLIPSIS;
}

export const remarkSummary: Plugin<[], Root> = function () {
  return function (tree, file) {
    const paragraph = firstProseParagraph(tree);
    if (!paragraph) return;
    const text = collapseWhitespace(plainText(paragraph));
    if (text) astroFrontmatter(file.data).derivedSummary = shortenAtWord(text);
  };
};
