/**
 * Local portals type the byline into the story: a dateline at the start of the
 * first paragraph (`Liputanabn.com | PALEMBANG –`), the reporter's code at the end
 * (`( Bolok )`) and an `Editor : Mastari` line. Warta prints all three from the
 * frontmatter, so the import lifts them out of the body. The patterns are regular
 * expressions with named groups (`place`, `code`, `name`), configurable per portal.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface BylinePatternSource {
  /** Matched at the start of the first paragraph; group `place` is the dateline, e.g. PALEMBANG. */
  dateline: string[];
  /** Matched at the end of the story; group `code` is the reporter code, e.g. Bolok. */
  reporter: string[];
  /** Matched against whole lines near the end; group `name` is the editor. */
  editor: string[];
  /** Splits a code such as "Bolok/Rina" into a co-byline. */
  coBylineSeparator: string;
}

export const DEFAULT_BYLINE_PATTERNS: BylinePatternSource = {
  dateline: [
    // "Liputanabn.com | PALEMBANG –", "PALEMBANG, Liputanabn.com –", "PALEMBANG –"
    String.raw`^\s*(?:[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\s*[|,:]\s*)?(?<place>\p{Lu}[\p{Lu}\s.'’-]*?\p{Lu}\.?)\s*(?:[|,]\s*[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\s*)?[–—-]+\s*`,
  ],
  reporter: [String.raw`\(\s*(?<code>[\p{L}][\p{L}.'’ /&,-]{0,38}?)\s*\)\s*$`],
  editor: [String.raw`^\s*(?:Editor|Redaktur|Penyunting)\s*:\s*(?<name>[\p{L}][\p{L}.'’ -]{0,58}?)\s*$`],
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

export interface LiftedByline {
  /** Dateline as typed, upper case, e.g. "PALEMBANG". */
  place?: string;
  /** Reporter codes, e.g. ["Bolok"]. */
  codes?: string[];
  editor?: string;
}

type Parent = { children: PhrasingContent[] };

/** Removes `count` characters of text from the start (or end) of a paragraph, across nested phrasing. */
function trimChars(parent: Parent, count: number, fromEnd: boolean): number {
  let left = count;
  const order = fromEnd ? [...parent.children].reverse() : [...parent.children];
  for (const node of order) {
    if (left <= 0) break;
    if (node.type === 'text') {
      const take = Math.min(left, node.value.length);
      node.value = fromEnd ? node.value.slice(0, node.value.length - take) : node.value.slice(take);
      left -= take;
    } else if ('children' in node) {
      left = trimChars(node as Parent, left, fromEnd);
    }
  }
  parent.children = parent.children.filter((n) => !(n.type === 'text' && n.value === '') && !('children' in n && (n as Parent).children.length === 0 && n.type !== 'link'));
  return left;
}

function tidy(p: Paragraph) {
  // Leading/trailing breaks and spaces left where a byline was.
  while (p.children[0]?.type === 'break') p.children.shift();
  while (p.children.at(-1)?.type === 'break') p.children.pop();
  const first = p.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = p.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  p.children = p.children.filter((n) => !(n.type === 'text' && n.value === ''));
}

const lineText = (nodes: PhrasingContent[]) => toString({ type: 'paragraph', children: nodes });
const isEmpty = (p: Paragraph) => lineText(p.children).trim() === '' && !p.children.some((c) => c.type === 'image');

/** Splits a paragraph's children into lines at hard breaks. */
function lines(p: Paragraph): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const c of p.children) {
    if (c.type === 'break') out.push([]);
    else out.at(-1)!.push(c);
  }
  return out;
}

function joinLines(ls: PhrasingContent[][]): PhrasingContent[] {
  return ls.flatMap((l, i) => (i === 0 ? l : [{ type: 'break' } as PhrasingContent, ...l]));
}

/** Finds, records and removes the dateline, reporter code and editor line. Mutates `tree`. */
export function liftByline(tree: Root, patterns: BylinePatterns): LiftedByline {
  const found: LiftedByline = {};
  const paragraphs = () => tree.children.filter((n): n is Paragraph => n.type === 'paragraph');

  const first = paragraphs()[0];
  if (first) {
    const text = toString(first);
    for (const re of patterns.dateline) {
      const m = re.exec(text);
      if (m?.groups?.place && m.index === 0) {
        found.place = m.groups.place.replace(/\s+/g, ' ').replace(/\.$/, '').trim();
        trimChars(first, m[0].length, false);
        tidy(first);
        break;
      }
    }
  }

  // The editor line sits in one of the last paragraphs, often after the code on its own line.
  for (const p of paragraphs().slice(-3)) {
    const ls = lines(p);
    const keep = ls.filter((l) => {
      if (found.editor) return true;
      for (const re of patterns.editor) {
        const m = re.exec(lineText(l));
        if (m?.groups?.name) {
          found.editor = m.groups.name.trim();
          return false;
        }
      }
      return true;
    });
    if (keep.length !== ls.length) {
      p.children = joinLines(keep);
      tidy(p);
    }
  }
  tree.children = tree.children.filter((n) => !(n.type === 'paragraph' && isEmpty(n)));

  const last = paragraphs().at(-1);
  if (last) {
    const text = toString(last);
    for (const re of patterns.reporter) {
      const m = re.exec(text);
      if (m?.groups?.code) {
        found.codes = m.groups.code.split(patterns.coByline).map((c) => c.trim()).filter(Boolean);
        trimChars(last, m[0].length, true);
        tidy(last);
        break;
      }
    }
    if (isEmpty(last)) tree.children = tree.children.filter((n) => n !== last);
  }
  return found;
}
