/**
 * Puts directives no plugin handled back as the text the author typed.
 *
 * `remark-directive` reads any `:name` as a text directive — including the `:30` in
 * "pukul 10:30" and the `:tinggi` in "rasio:tinggi" — and remark-rehype renders an
 * unhandled directive as an empty `<div>`, so ordinary Indonesian prose loses its times
 * and scores. A directive counts as handled when a plugin set `data.hName` on it (the
 * convention from remark-directive's readme); this plugin must therefore run after every
 * directive plugin.
 *
 * The text comes from the source (`file.value` sliced at the node's position), so the
 * author's exact spelling of attributes survives; the label's children are kept as nodes,
 * so `rasio:tinggi[**x**]` still renders the bold. Without positions (trees built by
 * other plugins) the directive is rebuilt from its name, label and attributes.
 *
 * Known limit: a GFM autolink that starts right after the colon (bare `mailto:a@b.c`)
 * is not re-linked, because autolinks are found while parsing, before this runs.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
// Type-only: registers the directive node types with mdast.
import type {} from 'remark-directive';
// Type-only: registers the `hName` hint with mdast.
import type {} from 'remark-rehype';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

type TextDirective = Extract<Nodes, { type: 'textDirective' }>;
type LeafDirective = Extract<Nodes, { type: 'leafDirective' }>;
type ContainerDirective = Extract<Nodes, { type: 'containerDirective' }>;

type Directive = TextDirective | LeafDirective | ContainerDirective;

const MARKER: Record<Directive['type'], string> = { textDirective: ':', leafDirective: '::', containerDirective: ':::' };

function isDirective(node: { type: string }): node is Directive {
  return node.type in MARKER;
}

/** `{key="value"}` rebuilt from parsed attributes, for nodes without a source position. */
function attributesText(attributes: Directive['attributes']): string {
  const entries = Object.entries(attributes ?? {}).filter(([, value]) => value != null);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => (value === '' ? key : `${key}="${value}"`)).join(' ')}}`;
}

/** The slice of source text for a node, when it really is that node's text. */
function sourceOf(node: Directive, source: string | undefined): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (source === undefined || start === undefined || end === undefined) return undefined;
  const text = source.slice(start, end);
  return text.startsWith(MARKER[node.type] + node.name) ? text : undefined;
}

/** The directive as phrasing content: `:name[` + label children + `]{attrs}`, or `:name{attrs}`. */
function restoreInline(node: TextDirective | LeafDirective, source: string | undefined): PhrasingContent[] {
  const text = (value: string): Text => ({ type: 'text', value });
  const raw = sourceOf(node, source);
  const label = node.children;
  if (label.length === 0) {
    return [text(raw ?? `${MARKER[node.type]}${node.name}${attributesText(node.attributes)}`)];
  }
  const first = label[0].position?.start.offset;
  const last = label[label.length - 1].position?.end.offset;
  const start = node.position?.start.offset;
  if (raw !== undefined && first !== undefined && last !== undefined && start !== undefined) {
    return [text(raw.slice(0, first - start)), ...label, text(raw.slice(last - start))];
  }
  return [text(`${MARKER[node.type]}${node.name}[`), ...label, text(`]${attributesText(node.attributes)}`)];
}

/** A container's opening line as text, its content as it was, and its closing fence. */
function restoreContainer(node: ContainerDirective, source: string | undefined): RootContent[] {
  const [maybeLabel, ...rest] = node.children;
  const hasLabel = maybeLabel?.type === 'paragraph' && maybeLabel.data?.directiveLabel === true;
  const body = hasLabel ? rest : node.children;
  const raw = sourceOf(node, source);
  const openingLine = raw?.split('\n', 1)[0];
  let opening: Paragraph;
  if (openingLine !== undefined && !hasLabel) {
    opening = { type: 'paragraph', children: [{ type: 'text', value: openingLine }] };
  } else {
    const label = hasLabel ? (maybeLabel as Paragraph).children : [];
    const restored = restoreInline({ type: 'textDirective', name: node.name, attributes: node.attributes, children: label }, undefined);
    // restoreInline uses the text marker; a container's is three colons.
    const head = restored[0] as Text;
    restored[0] = { type: 'text', value: '::' + head.value };
    opening = { type: 'paragraph', children: restored };
  }
  const closed = raw !== undefined && /\n\s*:{3,}\s*$/u.test(raw);
  const closing: Paragraph[] = closed ? [{ type: 'paragraph', children: [{ type: 'text', value: ':::' }] }] : [];
  return [opening, ...(body as RootContent[]), ...closing];
}

export const remarkUnhandledDirectives: Plugin<[], Root> = function () {
  return function (tree, file) {
    const source = typeof file.value === 'string' ? file.value : file.value ? new TextDecoder().decode(file.value) : undefined;
    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || node.data?.hName || parent === undefined || index === undefined) return;
      let replacement: RootContent[];
      if (node.type === 'textDirective') {
        replacement = restoreInline(node, source);
      } else {
        // A block directive with an unknown name is most likely a typo (`::bacajuga`):
        // show it as text, and warn so checks that read file.messages can report it.
        file.message(`Unknown directive "${MARKER[node.type]}${node.name}"; it is shown as plain text.`, {
          place: node.position,
          source: 'remark-unhandled-directives',
        });
        replacement =
          node.type === 'leafDirective'
            ? [{ type: 'paragraph', children: restoreInline(node, source) }]
            : restoreContainer(node, source);
      }
      (parent.children as RootContent[]).splice(index, 1, ...replacement);
      // Revisit from the same index: restored label/children may hold directives too.
      return [SKIP, index];
    });
  };
};
