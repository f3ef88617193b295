/**
 * "Baca juga" (read also): an editor writes, on its own line,
 *
 *     ::baca-juga{id="banjir-palembang-2025"}
 *
 * and readers get a boxed link to that article, built from the content collection:
 *
 *     <aside class="baca-juga" data-pagefind-ignore><strong>Baca juga:</strong> <a href="/…">Title</a></aside>
 *
 * `data-pagefind-ignore` keeps the other article's title out of this article's search
 * index (Pagefind docs, indexing.md). The directive is parsed by `remark-directive`,
 * which must run earlier; other directives are left for other plugins (and, at the end of
 * the list, for `remark-unhandled-directives`).
 *
 * A bad id fails the file, and so the build: a dead "Baca juga" link is a visible
 * newsroom mistake, and the nearest known id usually is the fix.
 */
import type { Root } from 'mdast';
// Type-only: registers directive nodes and the `hName`/`hProperties`/`hChildren` hints with mdast.
import type {} from 'remark-directive';
import type {} from 'remark-rehype';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { closestMatch } from '../lib/closest.ts';

export const BACA_JUGA_DIRECTIVE = 'baca-juga';

export interface BacaJugaTarget {
  id: string;
  title: string;
  url: string;
}

export interface BacaJugaOptions {
  /** The article an id points to, or undefined when there is none. */
  lookup: (id: string) => BacaJugaTarget | undefined;
  /** Text before the link, from the translations (`article.readAlso`, "Baca juga:"). */
  label: string;
  /** Every valid id, only read when an id is wrong, to suggest the nearest one. */
  knownIds?: () => string[];
}

const EXAMPLE = `::${BACA_JUGA_DIRECTIVE}{id="…"}`;

export const remarkBacaJuga: Plugin<[BacaJugaOptions], Root> = function (options) {
  if (typeof options?.lookup !== 'function') {
    throw new TypeError('remark-baca-juga: the `lookup` option (id -> article) is required');
  }
  const { lookup, label, knownIds } = options;

  return function (tree, file) {
    visit(tree, (node) => {
      if (
        (node.type !== 'leafDirective' && node.type !== 'textDirective' && node.type !== 'containerDirective') ||
        node.name !== BACA_JUGA_DIRECTIVE
      ) {
        return;
      }
      const place = node.position;
      if (node.type !== 'leafDirective') {
        // Inline (`:baca-juga`) or container (`:::baca-juga`) forms would put an <aside> inside
        // a sentence or wrap prose in it; say how to write it instead of guessing.
        return file.fail(`Baca juga: write the link on its own line as ${EXAMPLE}.`, { place, source: 'remark-baca-juga' });
      }
      const id = node.attributes?.id?.trim();
      if (!id) {
        return file.fail(`Baca juga: missing article id. Write it as ${EXAMPLE}.`, { place, source: 'remark-baca-juga' });
      }
      const target = lookup(id);
      if (!target) {
        const suggestion = knownIds ? closestMatch(id, knownIds()) : undefined;
        const fix = suggestion
          ? `Did you mean "${suggestion}"?`
          : 'No known article id is close to it; check the id of the article you mean.';
        return file.fail(`Baca juga: unknown article id "${id}". ${fix}`, { place, source: 'remark-baca-juga' });
      }
      // Rendered by remark-rehype from these hints; the node keeps its type, and `hName`
      // marks it as handled for remark-unhandled-directives.
      node.data = {
        hName: 'aside',
        hProperties: { className: ['baca-juga'], dataPagefindIgnore: true },
        hChildren: [
          { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: label }] },
          { type: 'text', value: ' ' },
          {
            type: 'element',
            tagName: 'a',
            properties: { href: target.url },
            children: [{ type: 'text', value: target.title }],
          },
        ],
      };
    });
  };
};
