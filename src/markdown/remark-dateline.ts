/**
 * The newsroom dateline: the first paragraph of the story opens with
 *
 *     <span class="dateline" id="dateline">Liputan ABN | PALEMBANG –</span> Hujan deras…
 *
 * on the same line as the text, as in print. The `id` tells search where the story's own
 * words start (search/excerpt.ts), so its excerpts do not repeat the dateline. The text is built by the caller from the
 * site config and the location registry (`datelineFor`), so this plugin knows nothing of
 * either. It must run after remark-summary and remark-reading-time, or the dateline would
 * open every summary and count as words.
 */
import type { Paragraph, Root } from 'mdast';
// Type-only: registers the `hName`/`hProperties` hints with mdast.
import type {} from 'remark-rehype';
import type { Plugin } from 'unified';
import { astroFrontmatter } from './astro-frontmatter.ts';
import { collapseWhitespace, firstProseParagraph, plainText } from './prose.ts';
import { DATELINE_ANCHOR } from '../search/excerpt.ts';

export interface DatelineOptions {
  /**
   * The dateline for an article, e.g. "Liputan ABN | PALEMBANG –" (ending in an en dash,
   * U+2013), from its raw frontmatter; undefined for no dateline (pages, opinion pieces).
   */
  datelineFor: (frontmatter: Record<string, unknown>) => string | undefined;
}

export const DATELINE_CLASS = 'dateline';

/** True when the paragraph already opens with a dateline: the plugin ran twice, or the author typed it. */
function hasDateline(paragraph: Paragraph, dateline: string): boolean {
  const first = paragraph.children[0];
  const classes = first?.data?.hProperties?.className;
  if (Array.isArray(classes) && classes.includes(DATELINE_CLASS)) return true;
  return collapseWhitespace(plainText(paragraph)).startsWith(collapseWhitespace(dateline));
}

export const remarkDateline: Plugin<[DatelineOptions], Root> = function (options) {
  if (typeof options?.datelineFor !== 'function') {
    throw new TypeError('remark-dateline: the `datelineFor` option (frontmatter -> text) is required');
  }
  const { datelineFor } = options;

  return function (tree, file) {
    const dateline = datelineFor(astroFrontmatter(file.data))?.trim();
    if (!dateline) return;
    // Same rule as the summary: an opening photo or Baca-juga box is not where the story starts.
    const paragraph = firstProseParagraph(tree);
    if (!paragraph || hasDateline(paragraph, dateline)) return;
    paragraph.children.unshift(
      // A text node with `hName` becomes <span class="dateline" id="dateline">text</span> in remark-rehype.
      { type: 'text', value: dateline, data: { hName: 'span', hProperties: { className: [DATELINE_CLASS], id: DATELINE_ANCHOR } } },
      { type: 'text', value: ' ' },
    );
  };
};
