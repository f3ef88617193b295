/**
 * Post HTML (after wpautop) → Markdown or MDX, through unified:
 * rehype-parse → theme-junk removal and WordPress-specific rewrites on the HTML
 * tree → rehype-remark → (byline lifting, by the caller) → remark-stringify.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Image, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { embedElement, embedFromUrl, type EmbedComponent } from './embeds.ts';

export interface ImageRef {
  src: string;
  width?: number;
  height?: number;
}

export interface HtmlToMdastOptions {
  /** Title given to embeds (read out before the reader loads them). */
  embedTitle: string;
  /** Rewrites an image source (attachment size lookup, local copy); returns the new source and any known size. */
  image(ref: ImageRef): ImageRef;
  /** Rewrites a link (old WordPress URLs → new paths). */
  link(href: string): string;
  /** Class names (substrings) of theme blocks to drop: ad slots, share bars, related-post boxes. */
  junkClasses?: string[];
}

export const DEFAULT_JUNK_CLASSES = ['adsbygoogle', 'sharedaddy', 'jp-relatedposts', 'addtoany', 'code-block', 'td-a-rec', 'td-post-sharing', 'yarpp', 'related-post', 'social-share', 'sharethis', 'wp-block-buttons', 'advert', 'iklan', 'ads-'];

const DROP_TAGS = new Set(['script', 'style', 'noscript', 'ins', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'link', 'meta', 'object', 'embed', 'audio', 'video', 'canvas', 'template']);

export interface ConvertedBody {
  tree: MdastRoot;
  embeds: Map<EmbedComponent, number>;
  images: number;
}

const classes = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const attr = (el: Element, name: string) => {
  const v = el.properties?.[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};
const textOf = (node: HastContent | HastRoot): string =>
  node.type === 'text' ? node.value : 'children' in node ? (node.children as HastContent[]).map(textOf).join('') : '';
const isImageFile = (href: string) => /\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i.test(href) || /[?&]attachment_id=|\/attachment\//.test(href);
const positive = (v: string | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

function embedOf(el: Element): { component: EmbedComponent; id: string } | undefined {
  if (el.tagName === 'div' && attr(el, 'dataWartaEmbed')) return { component: attr(el, 'dataWartaEmbed') as EmbedComponent, id: attr(el, 'dataId')! };
  if (el.tagName === 'iframe') return embedFromUrl(attr(el, 'src') ?? '');
  if (el.tagName === 'blockquote') {
    const cls = classes(el);
    if (cls.includes('instagram-media')) return embedFromUrl(attr(el, 'dataInstgrmPermalink') ?? '');
    if (cls.includes('twitter-tweet')) {
      // The last link of an X/Twitter blockquote is the post itself.
      const links: string[] = [];
      const walk = (n: ElementContent) => {
        if (n.type !== 'element') return;
        if (n.tagName === 'a' && attr(n, 'href')) links.push(attr(n, 'href')!);
        n.children.forEach(walk);
      };
      el.children.forEach(walk);
      for (const href of links.reverse()) {
        const e = embedFromUrl(href);
        if (e) return e;
      }
    }
  }
  return undefined;
}

/** Cleans the HTML tree in place: junk out, embeds marked, images sized, links rewritten. */
function cleanTree(tree: HastRoot, options: HtmlToMdastOptions, stats: { embeds: Map<EmbedComponent, number>; images: number }) {
  const junk = options.junkClasses ?? DEFAULT_JUNK_CLASSES;
  const visit = (parent: HastRoot | Element) => {
    const out: ElementContent[] = [];
    for (const node of parent.children as ElementContent[]) {
      if (node.type === 'comment') continue;
      if (node.type !== 'element') {
        out.push(node);
        continue;
      }
      const embed = embedOf(node);
      if (embed) {
        stats.embeds.set(embed.component, (stats.embeds.get(embed.component) ?? 0) + 1);
        out.push({ type: 'element', tagName: 'warta-embed', properties: { component: embed.component, embedId: embed.id }, children: [] });
        continue;
      }
      if (DROP_TAGS.has(node.tagName) || node.tagName === 'iframe') continue;
      if (classes(node).some((c: string) => junk.some((j) => c.includes(j))) || attr(node, 'id')?.startsWith('div-gpt-ad')) continue;
      if (node.tagName === 'img') {
        const src = attr(node, 'src') ?? attr(node, 'dataSrc') ?? attr(node, 'dataLazySrc');
        if (!src) continue;
        const ref = options.image({ src, width: positive(attr(node, 'width')), height: positive(attr(node, 'height')) });
        const hint = ref.width && ref.height && /^https?:/.test(ref.src) && !ref.src.includes('#') ? `#w=${ref.width}&h=${ref.height}` : '';
        node.properties = { src: ref.src + hint, alt: (attr(node, 'alt') ?? '').trim(), ...(attr(node, 'title') ? { title: attr(node, 'title') } : {}) };
        stats.images++;
        out.push(node);
        continue;
      }
      if (node.tagName === 'a') {
        const href = attr(node, 'href');
        visit(node);
        const onlyImage = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === '')).every((c) => c.type === 'element' && c.tagName === 'img');
        // A link around an image to its own full-size file or attachment page is WordPress chrome.
        if (href && onlyImage && node.children.length > 0 && isImageFile(href)) {
          out.push(...node.children);
          continue;
        }
        if (!href || textOf(node).trim() === '' && !onlyImage) {
          out.push(...node.children);
          continue;
        }
        node.properties = { href: options.link(href) };
        out.push(node);
        continue;
      }
      if (node.tagName === 'h1') node.tagName = 'h2';
      visit(node);
      out.push(node);
    }
    parent.children = out;
  };
  visit(tree);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Tables stay HTML (plain CommonMark has none); text only, well-formed so MDX accepts it too. */
function tableHtml(table: Element): string {
  const rows: string[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') {
        const cells = c.children.filter((x): x is Element => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th'));
        rows.push(`<tr>${cells.map((cell) => `<${cell.tagName}>${escapeHtml(textOf(cell).replace(/\s+/g, ' ').trim())}</${cell.tagName}>`).join('')}</tr>`);
      } else walk(c);
    }
  };
  walk(table);
  return `<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** HTML of one post body (already through wpautop and shortcodes) → Markdown tree. */
export function htmlToMdast(html: string, options: HtmlToMdastOptions): ConvertedBody {
  const stats = { embeds: new Map<EmbedComponent, number>(), images: 0 };
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
  cleanTree(hast, options, stats);
  const processor = unified().use(rehypeRemark, {
    handlers: {
      'warta-embed': (_state, node: Element) => ({ type: 'html', value: embedElement({ component: node.properties.component as EmbedComponent, id: String(node.properties.embedId) }, options.embedTitle) }),
      figure: (state, node: Element) => {
        let image: Image | undefined;
        const captionParts: string[] = [];
        const find = (n: ElementContent) => {
          if (n.type !== 'element') return;
          if (n.tagName === 'img' && !image) image = { type: 'image', url: String(n.properties.src), alt: String(n.properties.alt ?? ''), title: null };
          else if (n.tagName === 'figcaption') captionParts.push(textOf(n));
          else n.children.forEach(find);
        };
        node.children.forEach(find);
        if (!image) return state.toFlow(state.all(node));
        const caption = captionParts.join(' ').replace(/\s+/g, ' ').trim();
        if (caption) image.title = caption;
        if (!image.alt) image.alt = caption;
        return { type: 'paragraph', children: [image] } satisfies Paragraph;
      },
      table: (_state, node: Element) => ({ type: 'html', value: tableHtml(node) }),
      // Strikethrough needs GFM, which plain Markdown here does not load: keep the words.
      del: (state, node: Element) => state.all(node) as PhrasingContent[],
      s: (state, node: Element) => state.all(node) as PhrasingContent[],
      strike: (state, node: Element) => state.all(node) as PhrasingContent[],
    },
  });
  const tree = processor.runSync(hast) as MdastRoot;
  dropEmptyParagraphs(tree);
  return { tree, embeds: stats.embeds, images: stats.images };
}

function dropEmptyParagraphs(tree: MdastRoot) {
  tree.children = tree.children.filter((n) => !(n.type === 'paragraph' && n.children.every((c) => (c.type === 'text' && c.value.trim() === '') || c.type === 'break')));
}

/**
 * Markdown (or MDX) text of a tree. In MDX, `{` and `<` in prose would start an
 * expression or a tag, so they are escaped; links are always `[text](url)` because
 * MDX has no `<https://…>` autolinks.
 */
export function mdastToMarkdown(tree: MdastRoot, mdx: boolean): string {
  const unsafe = mdx
    ? [
        { character: '{', inConstruct: 'phrasing' as const },
        { character: '}', inConstruct: 'phrasing' as const },
        { character: '<', inConstruct: 'phrasing' as const },
      ]
    : [];
  const text = unified()
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', resourceLink: true, fences: true, unsafe } as never)
    .stringify(tree as never);
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

export type { RootContent };
