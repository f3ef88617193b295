/**
 * What a reader gets of a story, counted the same way on both sides of the move:
 * the Unicode words of its text (Intl.Segmenter, so Chinese and Thai count as words
 * too), the images it references, and its links (by their text, since the import
 * rewrites their targets).
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { WxrItem } from '../read/wxr-reader.ts';
import type { ExportIndex } from '../read/export-index.ts';
import { decodeEntities } from '../convert/text.ts';
import { droppedBy } from '../convert/html-to-markdown.ts';

export interface Facts {
  words: Map<string, number>;
  /** Normalised image keys (see imageKey). */
  images: Set<string>;
  /** Link texts, normalised, with their counts. */
  links: Map<string, number>;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** The words of a text: URLs are not prose and are left out (an embed replaces its URL). */
export function wordBag(text: string, into: Map<string, number> = new Map()): Map<string, number> {
  const clean = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[’‘`´]/g, "'");
  for (const s of segmenter.segment(clean)) if (s.isWordLike) bump(into, s.segment);
  return into;
}

export const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** How many of `source`'s items `built` has (each counted at most as often as the source has it). */
export function keptOf(source: Map<string, number>, built: Map<string, number>): number {
  let kept = 0;
  for (const [k, n] of source) kept += Math.min(n, built.get(k) ?? 0);
  return kept;
}

/**
 * An image's identity across the move: host without www, decoded path without the
 * query (WordPress.com's `?w=604`), the fragment (Warta's size hint) and WordPress's
 * `-800x450` size suffix, so a resized copy of the same upload is the same image.
 */
export function imageKey(url: string, base: string): string | undefined {
  let u: URL;
  try {
    u = new URL(decodeEntities(url.trim()), base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep the encoded path
  }
  return `${u.hostname.replace(/^www\./, '')}${p.replace(/-\d{2,5}x\d{2,5}(?=\.\w+$)/, '')}`;
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg)$/i;
const linkText = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'iframe', 'video', 'audio']);

/** Text of a hast subtree as a reader sees it: blocks and line breaks separate words, inline markup does not. */
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template')) return '';
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  const inner = node.children.map(textOf).join('');
  return node.type === 'element' && BLOCK.has(node.tagName) ? ` ${inner} ` : inner;
}

function walk(node: Root | RootContent, visit: (el: Element) => void) {
  if (node.type === 'element') visit(node);
  if (node.type === 'element' || node.type === 'root') for (const c of node.children) walk(c, visit);
}

/** Removes what the import drops by rule (and reports): a story's facts are what is left. */
function withoutDropped(node: Root | Element) {
  node.children = node.children.filter((c) => !(c.type === 'element' && droppedBy(c)));
  for (const c of node.children) if (c.type === 'element') withoutDropped(c);
}

/** Words, images and links of an HTML fragment (the built story, or a WordPress body with `source`). */
export function htmlFacts(html: string, base: string, facts: Facts = { words: new Map(), images: new Set(), links: new Map() }, source = false): Facts {
  const tree = fromHtml(html, { fragment: true });
  if (source) withoutDropped(tree);
  wordBag(textOf(tree), facts.words);
  walk(tree, (el) => {
    const src = el.properties.src ?? el.properties.dataSrc;
    if (el.tagName === 'img' && typeof src === 'string') {
      const k = imageKey(src, base);
      if (k) facts.images.add(k);
    }
    if (el.tagName === 'a' && typeof el.properties.href === 'string') {
      const text = linkText(textOf(el));
      if (text) bump(facts.links, text);
      else if (IMAGE_FILE.test(el.properties.href.split(/[?#]/)[0]!)) {
        // A link to an image file around an image: WordPress's "link to media file", the image is what counts.
      }
    }
  });
  return facts;
}

const SHORTCODE_TAG = /\[\/?[a-z][a-z0-9_-]*(?:[\s=][^\]]*)?\]/g;

/**
 * The facts of a WordPress post as its readers saw them, less what the import drops by
 * rule and reports (scripts, forms, ad slots, share bars): the body's text (block
 * comments and shortcode tags are markup, their content is text), its images
 * (block galleries hold theirs in their HTML), the images of its `[gallery]`
 * shortcodes (by attachment id, or the post's attachments when it names none) and
 * its featured image.
 */
export function sourceFacts(it: WxrItem, index: ExportIndex): Facts {
  const base = index.site.baseUrl;
  const html = it.content.replace(/<!--[\s\S]*?-->/g, ' ').replace(SHORTCODE_TAG, ' ');
  const facts = htmlFacts(html, base, undefined, true);
  const addAttachment = (id: string) => {
    const a = index.attachments.get(id.trim());
    const k = a ? imageKey(a.url, base) : undefined;
    if (k) facts.images.add(k);
  };
  for (const m of it.content.matchAll(/\[gallery\b([^\]]*)\]/g)) {
    const ids = /\b(?:ids|include)\s*=\s*["']?([\d,\s]+)/.exec(m[1]!);
    const list = ids ? ids[1]!.split(',') : (index.attachmentsByParent.get(it.id) ?? []);
    for (const id of list) addAttachment(id);
  }
  const thumb = it.meta.get('_thumbnail_id');
  if (thumb) addAttachment(thumb);
  return facts;
}
