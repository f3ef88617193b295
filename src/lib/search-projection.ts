/**
 * What of a page Pagefind can see, so two versions of a page can be compared for search.
 *
 * Pagefind reads the `<html lang>`, the `<title>`, every element marked `data-pagefind-*`
 * (the body regions, filters, sort keys, metadata), and inside the body regions everything
 * but `data-pagefind-ignore` subtrees. Two pages with the same projection index the same
 * (https://pagefind.app/docs/indexing/). The projection is deliberately wider than that
 * (whole marked elements, markup included): it may call two pages different that Pagefind
 * would index alike, never the reverse. Used to check, in a warm build, that the pages
 * Pagefind read from the last build's output are still right (search-head-start.ts).
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Nodes, Root } from 'hast';

/** hast property names of Pagefind's attributes (`data-pagefind-body` → `dataPagefindBody`). */
const isPagefindProperty = (name: string) => name.startsWith('dataPagefind');
const IGNORE = 'dataPagefindIgnore';

export function searchProjection(html: string): string {
  const tree = fromHtml(html);
  const parts: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (node.tagName === 'html') parts.push(`lang=${String(node.properties.lang ?? '')}`);
      if (node.tagName === 'title') parts.push(toHtml(node));
      const marked = Object.keys(node.properties).filter((name) => isPagefindProperty(name) && name !== IGNORE);
      if (marked.length > 0) {
        // The whole element, minus what Pagefind skips inside it; nested marked elements are in it already.
        parts.push(toHtml(withoutIgnored(node)));
        return;
      }
    }
    for (const child of node.children) visit(child);
  };
  visit(tree as Root);
  return parts.join('\n');
}

/** Whether Pagefind would index `a` and `b` the same (identical text is the fast path). */
export function sameForSearch(a: string, b: string): boolean {
  return a === b || searchProjection(a) === searchProjection(b);
}

function withoutIgnored(element: Element): Element {
  return {
    ...element,
    children: element.children
      .filter((child) => child.type !== 'element' || !(IGNORE in child.properties))
      .map((child) => (child.type === 'element' ? withoutIgnored(child) : child)),
  };
}
