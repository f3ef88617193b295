/**
 * Body images: a Markdown image alone in its paragraph becomes a figure, captioned
 * by the image title,
 *
 *     ![Banjir di Jalan Sudirman](./banjir.jpg "Banjir setinggi lutut. (Foto: ABN)")
 *     -> <figure><img src alt loading decoding><figcaption>Banjir setinggi lutut. (Foto: ABN)</figcaption></figure>
 *
 * and every body image loads lazily and decodes off the main thread.
 *
 * Remote images are never fetched at build time, so their size is unknown and the page
 * would jump when they load. Editors can give it in the URL fragment:
 *
 *     ![…](https://cdn.example.id/foto.jpg#w=1200&h=675)
 *
 * Convention: the fragment is read as `key=value` pairs joined by `&`; when both `w` and
 * `h` are positive whole numbers they become `width`/`height` and are removed from the
 * URL (other fragment pairs stay). A fragment was chosen over a query string because
 * browsers never send it to the server (RFC 3986 §3.5), so a hint cannot change which
 * file a CDN or a signed URL returns. A hint with only one of the two is left as is.
 *
 * Runs before Astro's own image step; images Astro optimises keep these attributes.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

const SIZE_HINT = /^[1-9]\d{0,4}$/;

function isRemote(src: string): boolean {
  return /^(https?:)?\/\//i.test(src);
}

/** Reads and strips a `#w=…&h=…` size hint; undefined when the URL carries none. */
export function readSizeHint(src: string): { src: string; width: number; height: number } | undefined {
  const hash = src.indexOf('#');
  if (hash === -1 || !isRemote(src)) return undefined;
  const pairs = src.slice(hash + 1).split('&');
  const value = (key: string) => pairs.find((pair) => pair.startsWith(`${key}=`))?.slice(key.length + 1);
  const w = value('w');
  const h = value('h');
  if (!w || !h || !SIZE_HINT.test(w) || !SIZE_HINT.test(h)) return undefined;
  const rest = pairs.filter((pair) => !pair.startsWith('w=') && !pair.startsWith('h='));
  return {
    src: src.slice(0, hash) + (rest.length > 0 ? `#${rest.join('&')}` : ''),
    width: Number(w),
    height: Number(h),
  };
}

function isWhitespace(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function isImage(node: ElementContent | undefined): node is Element {
  return node?.type === 'element' && node.tagName === 'img';
}

/** The image of a paragraph holding only an image, or only a link wrapping only an image. */
function loneImage(paragraph: Element): { image: Element; content: Element } | undefined {
  const children = paragraph.children.filter((child) => !isWhitespace(child));
  if (children.length !== 1 || children[0].type !== 'element') return undefined;
  const only = children[0];
  if (only.tagName === 'img') return { image: only, content: only };
  if (only.tagName === 'a') {
    const inner = only.children.filter((child) => !isWhitespace(child));
    if (inner.length === 1 && isImage(inner[0])) return { image: inner[0], content: only };
  }
  return undefined;
}

function prepareImage(image: Element): void {
  const props = image.properties;
  props.loading ??= 'lazy';
  props.decoding ??= 'async';
  if (typeof props.src !== 'string') return;
  const hint = readSizeHint(props.src);
  if (!hint) return;
  props.src = hint.src;
  // An explicit size (from raw HTML or another plugin) wins over the hint.
  if (props.width == null && props.height == null) {
    props.width = hint.width;
    props.height = hint.height;
  }
}

export const rehypeFigure: Plugin<[], Root> = function () {
  return function (tree) {
    visit(tree, 'element', (node) => {
      if (isImage(node)) prepareImage(node);
    });
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || parent === undefined || index === undefined) return;
      const lone = loneImage(node);
      if (!lone) return;
      const { image, content } = lone;
      const caption = typeof image.properties.title === 'string' ? image.properties.title.trim() : '';
      // The caption now says it visibly; a tooltip repeating it adds nothing.
      delete image.properties.title;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: caption
          ? [content, { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] }]
          : [content],
      };
      parent.children[index] = figure;
    });
  };
};
