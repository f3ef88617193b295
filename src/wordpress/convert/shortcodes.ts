/**
 * WordPress shortcodes in post bodies. Only the ones we know are touched, as in
 * WordPress, where an unregistered `[name]` stays text: `[caption]` becomes a
 * figure, `[embed]`/`[youtube]` an embed, `[gallery]` a set of figures; shortcodes
 * the newsroom lists as junk (ads, share buttons) are dropped and layout wrappers
 * (page builders) are unwrapped. Everything else that looks like a shortcode is
 * counted so the report can name it.
 */
import { embedFromUrl, embedMarker } from './embeds.ts';

export interface ShortcodeRules {
  /** Removed with their content. `*` at the end matches a prefix (`td_block_*`). */
  drop: string[];
  /** Replaced by their content. */
  unwrap: string[];
}

export const DEFAULT_SHORTCODE_RULES: ShortcodeRules = {
  drop: ['ads', 'adsense', 'ad', 'advert', 'advertisement', 'banner', 'iklan', 'addtoany', 'sharethis', 'social_share', 'ratemypost', 'related_posts', 'jetpack_related_posts', 'wpforms', 'contact-form-7', 'td_block_*', 'quads', 'the_ad', 'the_ad_group'],
  unwrap: ['vc_*', 'et_pb_*', 'su_*', 'fusion_*', 'box', 'highlight', 'dropcap', 'intro', 'lead'],
};

export interface ShortcodeAttachment {
  url: string;
  alt: string;
  caption: string;
  width?: number;
  height?: number;
}

export interface ShortcodeContext {
  rules: ShortcodeRules;
  /** Attachment by WordPress id, for `[gallery ids="…"]`. */
  attachment(id: string): ShortcodeAttachment | undefined;
  /** Ids of the images attached to the post, in WordPress's gallery order (menu order, then id). */
  postAttachments(): string[];
}

export interface ShortcodeStats {
  /** name → how many were turned into content (caption, embed, gallery). */
  handled: Map<string, number>;
  dropped: Map<string, number>;
  unwrapped: Map<string, number>;
  /** Shortcode-looking text we did not know, left as it was. */
  unknown: Map<string, number>;
  /** Gallery image ids the export has no attachment for (the image cannot be shown). */
  missingAttachments: string[];
}

export const emptyStats = (): ShortcodeStats => ({ handled: new Map(), dropped: new Map(), unwrapped: new Map(), unknown: new Map(), missingAttachments: [] });
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** shortcode_parse_atts: name="v", name='v', name=v, and positional values. */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
  let index = 0;
  for (const m of text.replace(/[\u00a0\u200b]/g, ' ').matchAll(re)) {
    if (m[1]) out[m[1].toLowerCase()] = m[2]!;
    else if (m[3]) out[m[3].toLowerCase()] = m[4]!;
    else if (m[5]) out[m[5].toLowerCase()] = m[6]!;
    else out[String(index++)] = m[7] ?? m[8] ?? m[9]!;
  }
  return out;
}

const matches = (list: string[], name: string) => list.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name));
const escapeHtml = (s: string) => s.replace(/&(?!#?\w+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function figure(imgHtml: string, caption: string): string {
  const cap = caption.trim();
  return `\n\n<figure>${imgHtml}${cap ? `<figcaption>${cap}</figcaption>` : ''}</figure>\n\n`;
}

/** `[caption width="640"]<img …> Caption text[/caption]` → `<figure><img …><figcaption>…`. */
function caption(attrs: Record<string, string>, content: string): string {
  const img = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(content);
  if (!img) return content;
  let imgHtml = img[0];
  // The caption's width stands in for an image that lacks one (WordPress does the same).
  if (attrs.width && !/\swidth=/i.test(imgHtml)) imgHtml = imgHtml.replace(/<img\b/i, `<img width="${escapeHtml(attrs.width)}"`);
  const text = attrs.caption ?? content.slice(0, img.index) + content.slice(img.index + img[0].length);
  return figure(imgHtml, text);
}

/**
 * `[gallery ids="…"]` shows those attachments; without `ids` (or `include`) WordPress
 * shows every image attached to the post (gallery_shortcode), less `exclude`.
 */
function gallery(attrs: Record<string, string>, ctx: ShortcodeContext, stats: ShortcodeStats): string {
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const exclude = new Set(list(attrs.exclude));
  const ids = attrs.ids || attrs.include ? list(attrs.ids ?? attrs.include) : ctx.postAttachments().filter((id) => !exclude.has(id));
  const found: ShortcodeAttachment[] = [];
  for (const id of ids) {
    const a = ctx.attachment(id);
    if (a) found.push(a);
    else stats.missingAttachments.push(id);
  }
  return found
    .map((a) => figure(`<img src="${escapeHtml(a.url)}" alt="${escapeHtml(a.alt)}"${a.width && a.height ? ` width="${a.width}" height="${a.height}"` : ''}>`, escapeHtml(a.caption)))
    .join('');
}

function embed(url: string): string {
  const found = embedFromUrl(url);
  return found ? `\n\n${embedMarker(found)}\n\n` : `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
}

const SHORTCODE = /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([^[]*(?:\[(?!\/\2\])[^[]*)*)\[\/\2\])?)(\]?)/g;
const KNOWN = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'youtube', 'video', 'audio', 'playlist']);

/** Replaces the shortcodes of one body; returns the new text and adds to `stats`. */
export function expandShortcodes(text: string, ctx: ShortcodeContext, stats: ShortcodeStats = emptyStats()): string {
  if (!text.includes('[')) return text;
  return text.replace(SHORTCODE, (whole: string, open: string, rawName: string, rawAttrs: string, _self: string, content: string | undefined, close: string) => {
    const name = rawName.toLowerCase();
    // [[name]] is WordPress's escape for a literal shortcode.
    if (open === '[' && close === ']') return whole.slice(1, -1);
    const known = KNOWN.has(name);
    const drop = matches(ctx.rules.drop, name);
    const unwrap = matches(ctx.rules.unwrap, name);
    if (!known && !drop && !unwrap) {
      // Looks like a shortcode (lower-case, with a closing tag or attributes), not "[Baca juga: …]".
      if (/^[a-z][a-z0-9_-]*$/.test(rawName) && (content !== undefined || /=/.test(rawAttrs) || rawAttrs.trim() === '')) bump(stats.unknown, name);
      return whole;
    }
    const attrs = parseAttributes(rawAttrs);
    const inner = content === undefined ? '' : expandShortcodes(content, ctx, stats);
    let out: string;
    if (drop) {
      bump(stats.dropped, name);
      return '';
    }
    if (unwrap) {
      bump(stats.unwrapped, name);
      return inner;
    }
    switch (name) {
      case 'caption':
      case 'wp_caption':
        out = caption(attrs, inner);
        break;
      case 'gallery':
        out = gallery(attrs, ctx, stats);
        break;
      case 'embed':
        out = embed(inner.trim() || attrs.src || attrs.url || '');
        break;
      case 'youtube': {
        // Jetpack writes [youtube https://…] and [youtube=https://…].
        const url = (inner.trim() || attrs.url || attrs['0'] || rawAttrs.replace(/^=/, '')).trim();
        out = embed(url);
        break;
      }
      default: {
        // [video]/[audio]/[playlist]: a link to the file, the one thing a static page can keep.
        const src = attrs.src ?? attrs.mp4 ?? attrs.mp3 ?? attrs.m4a ?? attrs.webm ?? Object.values(attrs).find((v) => /^https?:/.test(v));
        out = src ? embed(src) : '';
      }
    }
    bump(stats.handled, name);
    return out;
  });
}
