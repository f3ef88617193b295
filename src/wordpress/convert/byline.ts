/**
 * Local portals type the byline into the story: a dateline at the start of the
 * first paragraph (`Liputanabn.com | PALEMBANG –`), the reporter's code at the end
 * (`( Bolok )`) and an `Editor : Mastari` line. Warta prints all three from the
 * frontmatter, so the import lifts them out of the body, under strict rules, because
 * lifting deletes text from the story:
 *
 * - only at the very start of the story (dateline) or its very end (code, editor line);
 * - only text the configured patterns match (regular expressions with named groups
 *   `place`, `code`, `name`), and only plain text: an italic or bold remark, a link or
 *   a code span is never lifted;
 * - every lifted string is returned, verbatim, for the report.
 */
import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';

export interface BylinePatternSource {
  /** Matched at the start of the first paragraph; group `place` is the dateline, e.g. PALEMBANG. */
  dateline: string[];
  /** Matched at the end of the story's last line; group `code` is the reporter code, e.g. Bolok. */
  reporter: string[];
  /** Matched against the story's last line; group `name` is the editor. */
  editor: string[];
  /** Splits a code such as "Bolok/Rina" into a co-byline. */
  coBylineSeparator: string;
}

// A name in a code: up to three words in Latin script, each capitalised ("Rina Oktaviani")
// or a short lower-case agency code ("ant", "rel"). A remark at the end of a story,
// "(public domain)" or "(全文完)", is not a name and stays in the text.
const WORD = String.raw`(?:(?=\p{Script=Latin})\p{Lu}[\p{Script=Latin}.'’-]*|\p{Ll}{2,4})`;
const NAME = String.raw`${WORD}(?: ${WORD}){0,2}`;

export const DEFAULT_BYLINE_PATTERNS: BylinePatternSource = {
  dateline: [
    // "Liputanabn.com | PALEMBANG –", "PALEMBANG, Liputanabn.com –", "PALEMBANG –"; the place in capitals, at most four words.
    String.raw`^\s*(?:[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\s*[|,:]\s*)?(?<place>\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,3})\s*(?:[|,]\s*[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\s*)?[–—-]+\s+`,
  ],
  reporter: [String.raw`(?:^|\s)\(\s*(?<code>${NAME}(?:\s*[/&,]\s*${NAME}){0,3})\s*\)\s*$`],
  editor: [String.raw`^\s*(?:Editor|Redaktur|Penyunting)\s*:\s*(?<name>\p{L}[\p{L}.'’ -]{0,58}?)\s*$`],
  coBylineSeparator: '[/&,]',
};

export interface BylinePatterns {
  dateline: RegExp[];
  reporter: RegExp[];
  editor: RegExp[];
  coByline: RegExp;
}

/** Compiles pattern sources; throws with the pattern that does not compile. */
export function compileBylinePatterns(source: BylinePatternSource): BylinePatterns {
  const compile = (list: string[], group: string) =>
    list.map((p) => {
      let re: RegExp;
      try {
        re = new RegExp(p, 'u');
      } catch (error) {
        throw new Error(`byline pattern /${p}/ does not compile: ${(error as Error).message}`);
      }
      if (!p.includes(`(?<${group}>`)) throw new Error(`byline pattern /${p}/ needs a named group (?<${group}>…)`);
      return re;
    });
  return {
    dateline: compile(source.dateline, 'place'),
    reporter: compile(source.reporter, 'code'),
    editor: compile(source.editor, 'name'),
    coByline: new RegExp(source.coBylineSeparator, 'u'),
  };
}

/**
 * A copy sharing no memory with the post's text: a slice of it would keep the whole
 * chunk of the export the reader read it from alive for as long as the report lives.
 */
const own = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

export interface LiftedByline {
  /** Dateline as typed, e.g. "PALEMBANG". */
  place?: string;
  /** Reporter codes, e.g. ["Bolok"]. */
  codes?: string[];
  editor?: string;
  /** Every string taken out of the story, verbatim, in story order. */
  removed: string[];
}

/**
 * The leading (or trailing) run of a paragraph that is plain text: text nodes, and
 * strong text wrapping only text (portals bold their dateline). Stops at anything else.
 */
function edgeTexts(p: Paragraph, fromEnd: boolean): Text[] {
  const out: Text[] = [];
  const order = fromEnd ? [...p.children].reverse() : p.children;
  for (const node of order) {
    if (node.type === 'text') out.push(node);
    else if (node.type === 'strong' && !fromEnd && node.children.every((c) => c.type === 'text')) out.push(...(node.children as Text[]));
    else break;
  }
  return fromEnd ? out.reverse() : out;
}

/** Removes `count` characters from the start of the texts (they are the paragraph's leading plain text). */
function cutStart(texts: Text[], count: number) {
  let left = count;
  for (const t of texts) {
    const take = Math.min(left, t.value.length);
    t.value = t.value.slice(take);
    left -= take;
    if (left === 0) break;
  }
}

function cutEnd(texts: Text[], count: number) {
  let left = count;
  for (const t of [...texts].reverse()) {
    const take = Math.min(left, t.value.length);
    t.value = t.value.slice(0, t.value.length - take);
    left -= take;
    if (left === 0) break;
  }
}

/** Drops emptied text/strong nodes and the spaces and line breaks left at the paragraph's edges. */
function tidy(p: Paragraph) {
  const empty = (n: PhrasingContent) => (n.type === 'text' && n.value === '') || (n.type === 'strong' && n.children.every((c) => c.type === 'text' && c.value.trim() === ''));
  p.children = p.children.filter((n) => !empty(n));
  const first = p.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  for (;;) {
    const last = p.children.at(-1);
    if (last?.type === 'break') p.children.pop();
    else if (last?.type === 'text' && last.value.trim() === '') p.children.pop();
    else break;
  }
  const last = p.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  p.children = p.children.filter((n) => !empty(n));
}

const isEmptyParagraph = (p: Paragraph) => p.children.length === 0;

/** The children after the paragraph's last hard break: its last line. */
function lastLineStart(p: Paragraph): number {
  for (let i = p.children.length - 1; i >= 0; i--) if (p.children[i]!.type === 'break') return i + 1;
  return 0;
}

/** Finds, records and removes the dateline, reporter code and editor line. Mutates `tree`. */
export function liftByline(tree: Root, patterns: BylinePatterns): LiftedByline {
  const found: LiftedByline = { removed: [] };
  const last = () => {
    const node = tree.children.at(-1);
    return node?.type === 'paragraph' ? node : undefined;
  };

  // The dateline opens the story: only the first block, and only when it is a paragraph.
  const first = tree.children[0];
  if (first?.type === 'paragraph') {
    const texts = edgeTexts(first, false);
    const text = texts.map((t) => t.value).join('');
    for (const re of patterns.dateline) {
      const m = re.exec(text);
      if (m?.groups?.place && m.index === 0) {
        found.place = own(m.groups.place.replace(/\s+/g, ' ').replace(/\.$/, '').trim());
        found.removed.push(own(m[0].trim()));
        cutStart(texts, m[0].length);
        tidy(first);
        if (isEmptyParagraph(first)) tree.children.shift();
        break;
      }
    }
  }

  // The end of the story: an editor line and a reporter code, in either order, each at most once.
  for (let round = 0; round < 2; round++) {
    const p = last();
    if (!p) break;
    let lifted = false;
    const start = lastLineStart(p);
    const lineNodes = p.children.slice(start);
    if (!found.editor && lineNodes.every((n) => n.type === 'text' || (n.type === 'strong' && n.children.every((c) => c.type === 'text')))) {
      const line = lineNodes.map((n) => (n.type === 'text' ? n.value : n.type === 'strong' ? n.children.map((c) => (c as Text).value).join('') : '')).join('');
      for (const re of patterns.editor) {
        const m = re.exec(line);
        if (m?.groups?.name) {
          found.editor = own(m.groups.name.trim());
          found.removed.push(own(line.trim()));
          p.children = p.children.slice(0, start);
          lifted = true;
          break;
        }
      }
    }
    if (!lifted && !found.codes) {
      const texts = edgeTexts(p, true);
      const text = texts.map((t) => t.value).join('');
      for (const re of patterns.reporter) {
        const m = re.exec(text);
        if (m?.groups?.code) {
          found.codes = m.groups.code.split(patterns.coByline).map((c) => own(c.trim())).filter(Boolean);
          found.removed.push(own(m[0].trim()));
          cutEnd(texts, m[0].length);
          lifted = true;
          break;
        }
      }
    }
    if (!lifted) break;
    tidy(p);
    if (isEmptyParagraph(p)) tree.children.pop();
  }
  return found;
}
