/**
 * Puts a block of HTML after the Nth top-level paragraph of rendered article HTML,
 * at build time, so an in-article ad has its box before the first paint (no layout
 * shift, no script). Paragraphs inside quotes or figures do not count.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, RootContent } from 'hast';

export function insertAfterParagraph(html: string, n: number, insert: string): string {
  const tree = fromHtml(html, { fragment: true });
  let seen = 0;
  const index = tree.children.findIndex((node) => node.type === 'element' && (node as Element).tagName === 'p' && ++seen === n);
  // Too short a story: the slot goes after the body rather than vanishing.
  const at = index === -1 ? tree.children.length : index + 1;
  tree.children.splice(at, 0, { type: 'raw', value: insert } as unknown as RootContent);
  return toHtml(tree, { allowDangerousHtml: true });
}
