/**
 * Plain-text helpers shared by the remark plugins that read the article's prose
 * (reading time, summary, dateline). They agree on one notion of "prose" so the
 * summary, the word count and the dateline all start at the same paragraph.
 */
import type { Nodes, Paragraph, Root } from 'mdast';

/** Parents whose children flow inline: their text is joined without a separator. */
const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'textDirective',
  'mdxJsxTextElement',
]);

/** Nodes that never contribute readable text: media, raw HTML, MDX expressions and ESM, footnote markers, definitions. */
const SILENT = new Set([
  'image',
  'imageReference',
  'html',
  'mdxTextExpression',
  'mdxFlowExpression',
  'mdxjsEsm',
  'footnoteReference',
  'definition',
  'yaml',
  'toml',
]);

/**
 * Embedded things that are not the author's prose: directives (Baca juga boxes, embeds)
 * and MDX components. Their text still counts as reading material, but a paragraph made
 * only of them is not "the first paragraph".
 */
const EMBEDS = new Set([
  'textDirective',
  'leafDirective',
  'containerDirective',
  'mdxJsxTextElement',
  'mdxJsxFlowElement',
]);

interface TextOptions {
  /** Leave out the text inside directives and MDX components. */
  skipEmbeds?: boolean;
}

/**
 * The readable text of a node. Unlike `mdast-util-to-string` it separates blocks with a
 * space (so "Judul" + "Paragraf" stay two words), and it drops image alt text and raw
 * HTML, which a reader does not read as part of the story.
 */
export function plainText(node: Nodes, options: TextOptions = {}): string {
  if (SILENT.has(node.type)) return '';
  if (options.skipEmbeds && EMBEDS.has(node.type)) return '';
  if (node.type === 'break') return ' ';
  if ('value' in node) return node.value;
  if (!('children' in node)) return '';
  const separator = PHRASING_PARENTS.has(node.type) ? '' : ' ';
  return (node.children as Nodes[]).map((child) => plainText(child, options)).join(separator);
}

/** Whitespace runs (including newlines and no-break spaces) collapsed to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * True when the paragraph carries the author's own words, i.e. it is not just an image,
 * a directive or an MDX component (with or without surrounding whitespace).
 */
export function isProseParagraph(paragraph: Paragraph): boolean {
  return /[\p{L}\p{N}]/u.test(plainText(paragraph, { skipEmbeds: true }));
}

/**
 * The first top-level paragraph of prose. Only top-level: a quote or a list item
 * is not where a news story starts.
 */
export function firstProseParagraph(tree: Root): Paragraph | undefined {
  return tree.children.find((node): node is Paragraph => node.type === 'paragraph' && isProseParagraph(node));
}
