/**
 * GitHub Flavored Markdown, as remark-gfm registers it, but a document that cannot hold a
 * literal autolink is parsed without that extension.
 *
 * Parsing is three quarters of the Markdown time of a build, and GFM's autolink-literal
 * extension alone more than doubles it: micromark tries its email construct at the start of
 * every word, and its mdast step runs two regular expressions over all text (measured: 1,500
 * synthetic stories parse in 0.64 s plain, 1.75 s with autolink literals, 0.94 s with tables).
 * A literal autolink needs `www.`, `http://`, `https://` or an `@` (emails, `mailto:`,
 * `xmpp:`), any case: a document with none of them parses to the same tree without it.
 * Documents with one parse exactly as before. A unit test and a corpus comparison check the
 * HTML is byte-identical to Astro's own `gfm: true`.
 *
 * Used with `gfm: false` on the processor (Astro would add remark-gfm itself), after
 * remark-parse, whose parser it wraps. Without a parser to wrap (another processor), every
 * document gets full GFM.
 */
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'unified';

/** What every literal autolink contains (micromark-extension-gfm-autolink-literal, mdast-util-gfm-autolink-literal). */
const AUTOLINK_TRIGGER = /www\.|https?:\/\/|@/i;

export function mayHoldAutolink(doc: string): boolean {
  return AUTOLINK_TRIGGER.test(doc);
}

export const remarkGfmLean: Plugin<[], Root> = function () {
  const data = this.data();
  remarkGfm.call(this);
  // remark-gfm pushed one syntax extension and one list of mdast extensions: GFM whole.
  const fullSyntax = data.micromarkExtensions!.at(-1)!;
  const fullMdast = data.fromMarkdownExtensions!.at(-1)!;
  // The same, without autolink literals (same order as micromark-extension-gfm and mdast-util-gfm).
  const leanSyntax = combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]);
  const leanMdast = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];

  const parse = this.parser;
  if (typeof parse !== 'function') return;
  this.parser = (doc, file) => {
    if (mayHoldAutolink(doc)) return parse(doc, file);
    // remark-parse reads the extension lists when it parses: swap GFM's for the lean one meanwhile.
    const { micromarkExtensions, fromMarkdownExtensions } = data;
    data.micromarkExtensions = micromarkExtensions!.map((e) => (e === fullSyntax ? leanSyntax : e));
    data.fromMarkdownExtensions = fromMarkdownExtensions!.map((e) => (e === fullMdast ? leanMdast : e));
    try {
      return parse(doc, file);
    } finally {
      data.micromarkExtensions = micromarkExtensions;
      data.fromMarkdownExtensions = fromMarkdownExtensions;
    }
  };
};
