/**
 * Smart quotes, dashes and ellipses: the same output as remark-smartypants 3 (which
 * Astro runs by default), minus the work that cannot change anything.
 *
 * remark-smartypants parses the whole document's text with retext twice: once for
 * quotes, then once more per text node for dashes, ellipses and backticks. Profiling
 * a 1,000-article build showed it at 57% of all Markdown time (3.2 of 5.6 s), most of
 * it parsing text with nothing to replace. Here a pass only runs when its text holds a
 * character it could change; retext round-trips text losslessly, so skipping a pass is
 * the same as running it. The rest is remark-smartypants' algorithm (MIT,
 * github.com/silvenon/remark-smartypants), so quote pairing across links and emphasis
 * behaves exactly as before. Astro's own copy is turned off (`smartypants: false` in
 * plugins.ts) and this one runs first, where Astro ran its own.
 */
import type { Root, Nodes, Parent } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Node types whose text smartypants reads (as in remark-smartypants). */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
/** Blocks start fresh: a quote at their start always opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_HTML = new Set(['style', 'script']);

/** Pass 1 only educates straight quotes. */
const MAY_HAVE_QUOTES = /["']/;
/** Pass 2 turns `--` into a dash, three dots (spaced or not) into an ellipsis, and ``/'' into quotes. */
const MAY_HAVE_PUNCTUATION = /--|``|''|\.\s*\.\s*\./;

const isLiteral = (node: Nodes): node is Nodes & { value: string } => 'value' in node && typeof node.value === 'string';

export function remarkSmartypants() {
  // The same two processors and options as remark-smartypants with Astro's defaults.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const punctuation = retext().use(smartypants, { quotes: false });

  return (tree: Root) => {
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, (node: Nodes, _index, parent: Parent | undefined) => {
      if (!parent || !VISITED.has(node.type)) return;
      if (parent.type === 'mdxJsxTextElement' && !('name' in parent && typeof parent.name === 'string' && !IGNORED_HTML.has(parent.name))) return;
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else if (BLOCKS.has(node.type)) allText += ' ';
      else return;
      nodes.push(node);
    });
    // One string for the whole document, so quotes pair across links and emphasis.
    if (MAY_HAVE_QUOTES.test(allText)) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (isLiteral(node)) {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = allText.slice(start, end);
          node.value = MAY_HAVE_PUNCTUATION.test(text) ? punctuation.processSync(text).toString() : text;
        }
        start = end;
      } else start += 1; // the space added for a block
    }
  };
}
