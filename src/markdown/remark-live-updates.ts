/**
 * Live coverage updates: each block
 *
 *     :::update[Air mulai surut di Kertapati]{time="2026-11-27T14:30:00+07:00"}
 *     Text of the update.
 *     :::
 *
 * becomes an `<article class="live-update" id="update-20261127-1430">` with its time and
 * headline (a link to its own anchor), and all updates are gathered, newest first, into one
 * `<section class="live-updates">` where the first of them stood. Authors may add an update
 * anywhere (top or bottom); the order comes from the times. The updates also go into the
 * frontmatter bag as `liveUpdates` (anchor, headline, time) for the JSON-LD, the polled
 * JSON and the feeds; rehype-live-updates adds each one's text and HTML.
 *
 * A block without a headline or a readable time fails the file, and so the build, with the
 * fix (`npm run check` reports the same earlier, with the line).
 */
import type { BlockContent, DefinitionContent, Root, RootContent } from 'mdast';
import type { ElementContent } from 'hast';
// Type-only: registers directive nodes and the `hName`/`hProperties`/`hChildren` hints with mdast.
import type {} from 'remark-directive';
import type {} from 'remark-rehype';
import type { Plugin } from 'unified';
import { toZonedIso } from '../lib/dates.ts';
import { formatUpdateTime, parseUpdateTime, UPDATE_DIRECTIVE, updateAnchor, type LiveUpdate } from '../lib/live-updates.ts';
import type { Locale } from '../i18n/translator.ts';
import { astroFrontmatter } from './astro-frontmatter.ts';
import { collapseWhitespace, plainText } from './prose.ts';

export interface LiveUpdatesOptions {
  timeZone: string;
  locale: Locale;
  /** Heading of the updates section ("Perkembangan terkini"). */
  label: string;
}

type Container = Extract<RootContent, { type: 'containerDirective' }>;

const EXAMPLE = ':::update[Judul]{time="2026-11-27T14:30:00+07:00"}';

export const remarkLiveUpdates: Plugin<[LiveUpdatesOptions], Root> = function (options) {
  const { timeZone, locale, label } = options;

  return function (tree, file) {
    const blocks = tree.children.filter((node): node is Container => node.type === 'containerDirective' && node.name === UPDATE_DIRECTIVE);
    if (blocks.length === 0) return;
    const parsed = blocks.map((node) => {
      const [first, ...rest] = node.children;
      const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
      const headline = hasLabel ? collapseWhitespace(plainText(first)) : '';
      const body = hasLabel ? rest : node.children;
      const date = parseUpdateTime(node.attributes?.time, timeZone);
      if (!headline) file.fail(`Live update without a headline: write it in brackets, ${EXAMPLE}.`, { place: node.position, source: 'remark-live-updates' });
      if (!date) {
        file.fail(`Live update "${headline}": time="${node.attributes?.time ?? ''}" is not a date and time with an offset, as in ${EXAMPLE}.`, {
          place: node.position,
          source: 'remark-live-updates',
        });
      }
      return { node, headline, body, date: date! };
    });
    // Newest first; equal times keep the order written.
    const ordered = parsed.map((u, i) => ({ ...u, i })).sort((a, b) => b.date.getTime() - a.date.getTime() || a.i - b.i);
    // Anchors from the oldest up, so an update keeps its anchor when a newer one in the same minute arrives.
    const taken = new Set<string>();
    const anchors = new Map([...ordered].reverse().map((u) => [u, updateAnchor(u.date, timeZone, taken)]));

    const records: LiveUpdate[] = [];
    const articles = ordered.map((u): BlockContent => {
      const id = anchors.get(u)!;
      const iso = toZonedIso(u.date, timeZone);
      // The text and HTML are filled in by rehype-live-updates, after every directive is settled.
      records.push({ id, datePublished: iso, headline: u.headline, text: '' });
      const header: ElementContent = {
        type: 'element',
        tagName: 'header',
        properties: { className: ['live-update__header'] },
        children: [
          { type: 'element', tagName: 'time', properties: { className: ['live-update__time'], dateTime: iso }, children: [{ type: 'text', value: formatUpdateTime(u.date, locale, timeZone) }] },
          {
            type: 'element',
            tagName: 'h3',
            properties: { className: ['live-update__headline'] },
            children: [{ type: 'element', tagName: 'a', properties: { href: `#${id}` }, children: [{ type: 'text', value: u.headline }] }],
          },
        ],
      };
      // The directive node keeps its type; `hName` renders it and marks it handled for
      // remark-unhandled-directives. The header is a childless node that renders from `hChildren`.
      const node = u.node;
      node.children = [{ type: 'paragraph', children: [], data: { hName: 'header', hChildren: header.children as never, hProperties: { className: ['live-update__header'] } } }, ...(u.body as (BlockContent | DefinitionContent)[])];
      node.data = { hName: 'article', hProperties: { className: ['live-update'], id, dataUpdateTime: iso } };
      return node as unknown as BlockContent;
    });

    const section = {
      type: 'blockquote',
      children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: label }], data: { hProperties: { className: ['live-updates__title'] } } }, ...articles],
      data: { hName: 'section', hProperties: { className: ['live-updates'], dataLiveUpdates: '' } },
    } satisfies RootContent;
    const at = tree.children.indexOf(blocks[0]!);
    tree.children = tree.children.filter((node) => !blocks.includes(node as Container));
    tree.children.splice(at, 0, section);
    astroFrontmatter(file.data).liveUpdates = records;
  };
};
