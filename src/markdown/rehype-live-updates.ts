/**
 * Adds each live update's plain text and HTML to the `liveUpdates` records remark-live-updates left in the
 * frontmatter bag, so the small JSON an open page polls carries updates exactly as the page
 * shows them (figures and link attributes included: this runs after the other rehype plugins).
 *
 * Known limit: Astro resolves a local image (`![](./foto.jpg)`) after these plugins, so such
 * an image in an update reaches already-open pages only on reload; remote images arrive at once.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { LiveUpdate } from '../lib/live-updates.ts';
import { astroFrontmatter } from './astro-frontmatter.ts';

export const rehypeLiveUpdates: Plugin<[], Root> = function () {
  return function (tree, file) {
    const records = astroFrontmatter(file.data).liveUpdates as LiveUpdate[] | undefined;
    if (!records?.length) return;
    const byId = new Map(records.map((r) => [r.id, r]));
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (node.tagName !== 'article' || !Array.isArray(classes) || !classes.includes('live-update')) return;
      const record = byId.get(String(node.properties.id));
      if (!record) return;
      record.html = toHtml(node);
      const body = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'header'));
      record.text = body.map(textOf).join(' ').replace(/\s+/gu, ' ').trim();
    });
  };
};

/** Elements whose text flows on without a break; any other element is a block, set off by spaces. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

/** The readable text of a node (schema.org articleBody, feed descriptions); pictures and scripts say nothing. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || node.tagName === 'script' || node.tagName === 'style') return '';
  const inner = node.children.map(textOf).join('');
  return INLINE.has(node.tagName) ? inner : ` ${inner} `;
}
