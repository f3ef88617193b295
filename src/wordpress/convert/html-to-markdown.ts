/**
 * Post HTML (after wpautop) → Markdown or MDX, through unified:
 * rehype-parse → theme-junk removal and WordPress-specific rewrites on the HTML
 * tree → rehype-remark → (byline lifting, by the caller) → remark-stringify.
 *
 * Nothing the reader saw is dropped: what Markdown cannot say (tables with images,
 * `<ins>`, `<sub>`, `<sup>`, struck text, iframes of unknown players) stays as HTML in
 * the Markdown, written so MDX accepts it too. Only scripts, styles, forms and the ad
 * and share blocks listed in `junkClasses` go, and each is counted for the report.
 */
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Image, Paragraph, PhrasingContent, Root as MdastRoot, RootContent, Html } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import type { State } from 'hast-util-to-mdast';
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

/** Class names (or their start, e.g. `code-block` matches `code-block-3`) of ad slots, share bars and related-post boxes. */
export const DEFAULT_JUNK_CLASSES = ['adsbygoogle', 'sharedaddy', 'jp-relatedposts', 'addtoany', 'code-block', 'td-a-rec', 'td-post-sharing', 'yarpp', 'related-post', 'social-share', 'sharethis', 'advert', 'iklan', 'ads-'];

/** Elements that carry no story: dropped and counted. */
const DROP_TAGS = new Set(['script', 'style', 'noscript', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'svg', 'canvas', 'template']);
/** Players and frames Warta has no component for: kept as HTML. */
const RAW_TAGS = new Set(['iframe', 'video', 'audio', 'object', 'embed']);
/** Inline markup Markdown has no syntax for: kept as HTML around the converted text. */
const INLINE_HTML: Record<string, string> = { ins: 'ins', del: 'del', s: 'del', strike: 'del', sub: 'sub', sup: 'sup' };

export interface ConvertedBody {
  tree: MdastRoot;
  embeds: Map<EmbedComponent, number>;
  images: number;
  /** Elements kept as HTML in the Markdown, by tag. */
  keptHtml: Map<string, number>;
  /** Elements dropped (scripts, forms, ad and share blocks), by tag or class. */
  dropped: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const classes = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const attr = (el: Element, name: string) => {
  const v = el.properties?.[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};
/** Text of a node; line breaks become spaces so the words on either side stay words. */
const textOf = (node: HastContent | HastRoot): string =>
  node.type === 'text' ? node.value : node.type === 'element' && node.tagName === 'br' ? '\n' : 'children' in node ? (node.children as HastContent[]).map(textOf).join('') : '';
const isImageFile = (href: string) => /\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i.test(href) || /[?&]attachment_id=|\/attachment\//.test(href);
const decodable = (url: string) => {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
};
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

type Stats = Omit<ConvertedBody, 'tree'>;

/** What the conversion drops by rule (and counts): scripts, forms, ad slots, share bars. */
export function droppedBy(el: Element, junk: readonly string[] = DEFAULT_JUNK_CLASSES): string | undefined {
  if (DROP_TAGS.has(el.tagName)) return el.tagName;
  const junkClass = classes(el).find((c: string) => junk.some((j) => c === j || c.startsWith(j)));
  if (junkClass) return `.${junkClass}`;
  return attr(el, 'id')?.startsWith('div-gpt-ad') ? '#div-gpt-ad' : undefined;
}

/** Cleans the HTML tree in place: junk out, embeds marked, images sized, links rewritten. */
function cleanTree(tree: HastRoot, options: HtmlToMdastOptions, stats: Stats) {
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
        // A quoted post (X, Instagram) carries its words in the blockquote; they stay on the
        // page as a quote, because the embed shows nothing until the reader loads it.
        if (node.tagName === 'blockquote' && textOf(node).trim() !== '') {
          visit(node);
          out.push({ type: 'element', tagName: 'blockquote', properties: {}, children: node.children });
        }
        continue;
      }
      const dropped = droppedBy(node, junk);
      if (dropped) {
        bump(stats.dropped, dropped);
        continue;
      }
      if (RAW_TAGS.has(node.tagName)) {
        bump(stats.keptHtml, node.tagName);
        out.push({ type: 'element', tagName: 'warta-raw', properties: { html: rawHtml(node, options) }, children: [] });
        continue;
      }
      if (node.tagName === 'img') {
        const src = attr(node, 'src') ?? attr(node, 'dataSrc') ?? attr(node, 'dataLazySrc');
        if (!src) continue;
        const ref = options.image({ src, width: positive(attr(node, 'width')), height: positive(attr(node, 'height')) });
        const hint = ref.width && ref.height && /^https?:/.test(ref.src) && !ref.src.includes('#') ? `#w=${ref.width}&h=${ref.height}` : '';
        node.properties = { src: ref.src + hint, alt: (attr(node, 'alt') ?? '').trim(), ...(attr(node, 'title') ? { title: attr(node, 'title') } : {}) };
        stats.images++;
        if (!decodable(ref.src)) {
          // Astro decodes Markdown image paths and renders the story empty when one is not UTF-8
          // (old uploads named in GBK or Latin-1); as HTML the image is left alone.
          bump(stats.keptHtml, 'img');
          out.push({ type: 'element', tagName: 'warta-raw', properties: { html: mdxSafe(toHtml({ type: 'element', tagName: 'img', properties: { src: ref.src, alt: node.properties.alt, ...(ref.width && ref.height ? { width: ref.width, height: ref.height } : {}) }, children: [] }, { closeSelfClosing: true })) }, children: [] });
          continue;
        }
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
        if (!href || (textOf(node).trim() === '' && !onlyImage)) {
          out.push(...node.children);
          continue;
        }
        node.properties = { href: options.link(href) };
        out.push(node);
        continue;
      }
      if (node.tagName === 'table') {
        visit(node);
        out.push({ type: 'element', tagName: 'warta-raw', properties: { html: tableHtml(node, options.embedTitle) }, children: [] });
        continue;
      }
      if (node.tagName === 'pre') {
        // A code block is text; an image someone put in one (browsers show it) goes right after it.
        visit(node);
        const images: Element[] = [];
        const pull = (el: Element) => {
          el.children = el.children.filter((c) => {
            if (c.type === 'element' && c.tagName === 'img') return !images.push(c);
            if (c.type === 'element') pull(c);
            return true;
          });
        };
        pull(node);
        if (textOf(node).trim() !== '' || images.length === 0) out.push(node);
        if (images.length > 0) out.push({ type: 'element', tagName: 'p', properties: {}, children: images });
        continue;
      }
      if (node.tagName === 'h1') node.tagName = 'h2';
      // Early block galleries are lists; as Markdown lists their captions would become mere tooltips.
      if ((node.tagName === 'ul' || node.tagName === 'ol') && classes(node).some((c) => c === 'wp-block-gallery' || c === 'blocks-gallery-grid')) node.tagName = 'figure';
      visit(node);
      out.push(node);
    }
    parent.children = out;
  };
  visit(tree);
}

/** `{` and `}` would open an MDX expression; as character references they are text in MDX and HTML alike. */
const mdxSafe = (html: string) => html.replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);

const RAW_ATTRIBUTES = new Set(['src', 'width', 'height', 'title', 'allow', 'allowFullScreen', 'controls', 'poster', 'type', 'data']);

/** A player or frame as well-formed HTML with only its content attributes (no scripts, no styles). */
function rawHtml(node: Element, options: HtmlToMdastOptions): string {
  const clean = (el: Element): Element => {
    const properties: Properties = {};
    for (const [k, v] of Object.entries(el.properties ?? {})) if (RAW_ATTRIBUTES.has(k)) properties[k] = k === 'src' && typeof v === 'string' ? options.link(v) : v;
    return { type: 'element', tagName: el.tagName, properties, children: el.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'source' || c.tagName === 'track' || c.tagName === 'param')).map(clean) };
  };
  return mdxSafe(toHtml(clean(node), { closeSelfClosing: true, closeEmptyElements: false }));
}

const CELL_TAGS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img', 'strong', 'b', 'em', 'i', 'code', 'br', 'sub', 'sup', 'del', 's', 'strike', 'ins', 'p', 'ul', 'ol', 'li', 'span']);
const CELL_ATTRIBUTES: Record<string, string[]> = { a: ['href'], img: ['src', 'alt', 'title'], th: ['colSpan', 'rowSpan', 'scope'], td: ['colSpan', 'rowSpan'] };

/**
 * Tables stay HTML (CommonMark has none, and GFM tables hold no lists or line breaks):
 * head, body and foot kept apart, cells with their links, images and emphasis
 * (already rewritten by cleanTree), other markup unwrapped to its text.
 */
function tableHtml(table: Element, embedTitle: string): string {
  const clean = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((n): ElementContent[] => {
      if (n.type === 'text') return [n];
      if (n.type !== 'element') return [];
      // Frames and embeds in a cell were already written as HTML (cleanTree); they go in as they are.
      if (n.tagName === 'warta-raw') return [{ type: 'raw', value: String(n.properties.html) } as unknown as ElementContent];
      if (n.tagName === 'warta-embed') return [{ type: 'raw', value: embedElement({ component: n.properties.component as EmbedComponent, id: String(n.properties.embedId) }, embedTitle) } as unknown as ElementContent];
      if (n.tagName === 'table') return [{ type: 'element', tagName: 'table', properties: {}, children: clean(n.children) }];
      if (!CELL_TAGS.has(n.tagName)) return clean(n.children);
      const properties: Properties = {};
      for (const k of CELL_ATTRIBUTES[n.tagName] ?? []) if (n.properties[k] !== undefined) properties[k] = n.properties[k];
      return [{ type: 'element', tagName: n.tagName, properties, children: clean(n.children) }];
    });
  const out: Element = { type: 'element', tagName: 'table', properties: {}, children: [] };
  // Rows directly under <table> get the <tbody> HTML parsers would give them.
  let loose: Element | undefined;
  for (const c of clean(table.children)) {
    if (c.type === 'element' && c.tagName === 'tr') {
      if (!loose) out.children.push((loose = { type: 'element', tagName: 'tbody', properties: {}, children: [] }));
      loose.children.push(c);
    } else if (c.type === 'element') {
      loose = undefined;
      out.children.push(c);
    }
  }
  const html = toHtml(out, { closeSelfClosing: true, allowDangerousHtml: true });
  // One line: MDX reads a table that opens and closes on its line as one element, and Markdown as one HTML block.
  return mdxSafe(html);
}

const CAPTION_TAGS = new Set(['a', 'em', 'i', 'strong', 'b', 'br', 'code', 'sub', 'sup']);

/** The figure's caption when it holds a link (a Markdown image title is plain text and would lose it). */
function captionWithLinks(figure: Element): Element | undefined {
  let caption: Element | undefined;
  const find = (n: ElementContent) => {
    if (n.type !== 'element' || caption) return;
    if (n.tagName === 'figcaption') caption = n;
    else n.children.forEach(find);
  };
  figure.children.forEach(find);
  if (!caption) return undefined;
  let hasLink = false;
  const clean = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((n): ElementContent[] => {
      if (n.type === 'text') return [n];
      if (n.type !== 'element') return [];
      if (!CAPTION_TAGS.has(n.tagName)) return clean(n.children);
      if (n.tagName === 'a') hasLink = true;
      return [{ type: 'element', tagName: n.tagName, properties: n.tagName === 'a' ? { href: n.properties.href } : {}, children: clean(n.children) }];
    });
  const children = clean(caption.children);
  return hasLink ? { type: 'element', tagName: 'figcaption', properties: {}, children } : undefined;
}

/** A captioned image as HTML, its size hint turned back into attributes. */
function figureHtml(img: Element, caption: Element): string {
  const src = String(img.properties.src);
  const hint = /#w=(\d+)&h=(\d+)$/.exec(src);
  const image: Element = { type: 'element', tagName: 'img', properties: { src: hint ? src.slice(0, hint.index) : src, alt: img.properties.alt ?? '', ...(hint ? { width: Number(hint[1]), height: Number(hint[2]) } : {}) }, children: [] };
  return mdxSafe(toHtml({ type: 'element', tagName: 'figure', properties: {}, children: [image, caption] }, { closeSelfClosing: true }));
}

/** Elements with this tag under `el`, in document order. */
function descendants(el: Element, tag: string): Element[] {
  const found: Element[] = [];
  const look = (n: ElementContent) => {
    if (n.type !== 'element') return;
    if (n.tagName === tag) found.push(n);
    else n.children.forEach(look);
  };
  el.children.forEach(look);
  return found;
}

/** Caption text: the figcaptions under `el` (or only its own when not `deep`), line breaks kept. */
function captionOf(el: Element, deep: boolean): string {
  const captions = deep ? descendants(el, 'figcaption') : el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  return captions
    .map((c) => textOf(c))
    .join(' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** One image per item of a figure: a gallery becomes all of its images, each with its own caption. */
function figureImages(node: Element): { images: Array<{ img: Element; caption: string }>; caption: string } {
  const imgs = descendants(node, 'img');
  // One image: every caption in the figure is its caption.
  if (imgs.length <= 1) return { images: imgs.map((img) => ({ img, caption: captionOf(node, true) })), caption: '' };
  // A gallery: each inner figure (or list item) holds one image and its own caption; the gallery's caption is its direct child.
  const images: Array<{ img: Element; caption: string }> = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'img') images.push({ img: c, caption: '' });
      else if ((c.tagName === 'figure' || c.tagName === 'li') && c.children.length > 0) {
        const inner = descendants(c, 'img');
        if (inner.length === 1) images.push({ img: inner[0]!, caption: captionOf(c, true) });
        else walk(c);
      } else if (c.tagName !== 'figcaption') walk(c);
    }
  };
  walk(node);
  return { images, caption: captionOf(node, false) };
}

/** HTML of one post body (already through wpautop and shortcodes) → Markdown tree. */
export function htmlToMdast(html: string, options: HtmlToMdastOptions): ConvertedBody {
  const stats: Stats = { embeds: new Map(), images: 0, keptHtml: new Map(), dropped: new Map() };
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
  cleanTree(hast, options, stats);
  const inline = (tag: string) => (state: State, node: Element) =>
    [{ type: 'html', value: `<${tag}>` } as Html, ...(state.all(node) as PhrasingContent[]), { type: 'html', value: `</${tag}>` } as Html] as PhrasingContent[];
  const processor = unified().use(rehypeRemark, {
    handlers: {
      'warta-embed': (_state, node: Element) => ({ type: 'html', value: embedElement({ component: node.properties.component as EmbedComponent, id: String(node.properties.embedId) }, options.embedTitle) }),
      'warta-raw': (_state, node: Element) => ({ type: 'html', value: String(node.properties.html) }),
      figure: (state, node: Element) => {
        const { images, caption } = figureImages(node);
        if (images.length === 0) return state.toFlow(state.all(node));
        const linked = images.length === 1 ? captionWithLinks(node) : undefined;
        if (linked) return { type: 'html', value: figureHtml(images[0]!.img, linked) };
        const out: Paragraph[] = images.map(({ img, caption: c }) => {
          const image: Image = { type: 'image', url: String(img.properties.src), alt: String(img.properties.alt ?? ''), title: c || null };
          if (!image.alt && c) image.alt = c.replace(/\s+/g, ' ');
          return { type: 'paragraph', children: [image] };
        });
        if (caption) out.push({ type: 'paragraph', children: [{ type: 'text', value: caption.replace(/\s+/g, ' ') }] });
        return out;
      },
      ...Object.fromEntries(Object.entries(INLINE_HTML).map(([from, to]) => [from, inline(to)])),
    },
  });
  const tree = processor.runSync(hast) as MdastRoot;
  dropEmptyParagraphs(tree);
  return { tree, ...stats };
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
