/**
 * Streaming reader for WordPress eXtended RSS (WXR) exports: RSS 2.0 with the
 * `wp:`, `content:`, `excerpt:` and `dc:` namespaces (wp-admin/includes/export.php).
 * saxes parses the file chunk by chunk; only one channel child (an item, an author,
 * a term) is held in memory at a time, so a 500 MB export reads in bounded memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

export interface WxrSite {
  title: string;
  link: string;
  description: string;
  language: string;
  /**
   * Where the blog's own URLs live: `wp:base_blog_url`, else the channel link, else
   * `wp:base_site_url`. WordPress.com exports give `https://wordpress.com/` as the site
   * URL and the blog's address only as the blog URL and the link.
   */
  baseUrl: string;
  /** `wp:base_site_url` as written (the network's address on WordPress.com). */
  siteUrl: string;
  /** `wp:wxr_version`; empty in exports older than WXR 1.0. */
  wxrVersion: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
}

export interface WxrTerm {
  /** `category`, `post_tag` or a custom taxonomy. */
  taxonomy: string;
  /** `wp:term_id`; the id of last resort for a name nothing readable can be made of. */
  id: string;
  slug: string;
  name: string;
  parent: string;
}

export interface WxrComment {
  id: string;
  author: string;
  email: string;
  url: string;
  date: string;
  dateGmt: string;
  content: string;
  /** `1`, `0`, `spam`, `trash`. */
  approved: string;
  /** `''`/`comment`, `pingback`, `trackback`. */
  type: string;
  parent: string;
  userId: string;
}

export interface WxrItem {
  /** Line of the `<item>` tag, for messages. */
  line: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  date: string;
  dateGmt: string;
  slug: string;
  status: string;
  /** `wp:post_password`: a password-protected post (never published as is). */
  password: string;
  type: string;
  parent: string;
  menuOrder: number;
  sticky: boolean;
  attachmentUrl: string;
  terms: Array<{ taxonomy: string; slug: string; name: string }>;
  meta: Map<string, string>;
  comments: WxrComment[];
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** A file that is not well-formed XML; names the line. */
export class WxrSyntaxError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'WxrSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/** A readable file that is not a WordPress export (an RSS feed, a sitemap, an empty file, a folder). */
export class WxrInputError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'WxrInputError';
  }
}

const HOW_TO_EXPORT = 'export the site in WordPress with Tools → Export → All content and give that .xml file';

interface Node {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
  line: number;
}

/**
 * A copy of a string that shares no memory with the parser's input. saxes hands out
 * slices of each chunk, and V8 keeps a whole chunk alive while any slice of it lives:
 * the ids, slugs and dates the import keeps for every post would otherwise pin the
 * entire file in memory.
 */
const own = (s: string) => (s === '' ? s : Buffer.from(s, 'utf8').toString('utf8'));
const child = (node: Node, name: string) => node.children.find((c) => c.name === name);
const text = (node: Node, name: string) => own(child(node, name)?.text.trim() ?? '');
// Bodies keep their whitespace: wpautop reads single and double newlines. They are
// converted and dropped per item, so they need no copy.
const raw = (node: Node, name: string) => child(node, name)?.text ?? '';

/**
 * Hand-made and very old exports may lack `wp:post_id`; WordPress's own short link
 * (`?p=19`, in the link or the guid) still names the post, else its line in the file does.
 */
function idFromLink(url: string): string | undefined {
  return /[?&](?:p|page_id|attachment_id)=(\d+)/.exec(url)?.[1];
}

function toItem(node: Node): WxrItem {
  const meta = new Map<string, string>();
  for (const m of node.children.filter((c) => c.name === 'wp:postmeta')) meta.set(text(m, 'wp:meta_key'), own(raw(m, 'wp:meta_value')));
  return {
    line: node.line,
    title: own(raw(node, 'title').trim()),
    link: text(node, 'link'),
    creator: text(node, 'dc:creator'),
    content: raw(node, 'content:encoded'),
    excerpt: raw(node, 'excerpt:encoded'),
    id: text(node, 'wp:post_id') || idFromLink(text(node, 'link')) || idFromLink(text(node, 'guid')) || `line-${node.line}`,
    date: text(node, 'wp:post_date'),
    dateGmt: text(node, 'wp:post_date_gmt'),
    slug: text(node, 'wp:post_name'),
    status: text(node, 'wp:status'),
    password: text(node, 'wp:post_password'),
    type: text(node, 'wp:post_type'),
    parent: text(node, 'wp:post_parent') || '0',
    menuOrder: Number(text(node, 'wp:menu_order')) || 0,
    sticky: text(node, 'wp:is_sticky') === '1',
    attachmentUrl: text(node, 'wp:attachment_url'),
    terms: node.children
      .filter((c) => c.name === 'category')
      .map((c) => ({ taxonomy: own(c.attributes.domain ?? 'category'), slug: own(c.attributes.nicename ?? ''), name: own(c.text.trim()) })),
    meta,
    comments: node.children
      .filter((c) => c.name === 'wp:comment')
      .map((c) => ({
        id: text(c, 'wp:comment_id'),
        author: raw(c, 'wp:comment_author').trim(),
        email: text(c, 'wp:comment_author_email'),
        url: text(c, 'wp:comment_author_url'),
        date: text(c, 'wp:comment_date'),
        dateGmt: text(c, 'wp:comment_date_gmt'),
        content: raw(c, 'wp:comment_content'),
        approved: text(c, 'wp:comment_approved'),
        type: text(c, 'wp:comment_type'),
        parent: text(c, 'wp:comment_parent') || '0',
        userId: text(c, 'wp:comment_user_id') || '0',
      })),
  };
}

function toRecord(node: Node): WxrRecord | undefined {
  switch (node.name) {
    case 'item':
      return { kind: 'item', item: toItem(node) };
    case 'wp:author':
      return {
        kind: 'author',
        author: {
          id: text(node, 'wp:author_id'),
          login: text(node, 'wp:author_login'),
          email: text(node, 'wp:author_email'),
          displayName: own(raw(node, 'wp:author_display_name').trim()) || text(node, 'wp:author_login'),
        },
      };
    case 'wp:category':
      return { kind: 'term', term: { taxonomy: 'category', id: text(node, 'wp:term_id'), slug: text(node, 'wp:category_nicename'), name: own(raw(node, 'wp:cat_name').trim()), parent: text(node, 'wp:category_parent') } };
    case 'wp:tag':
      return { kind: 'term', term: { taxonomy: 'post_tag', id: text(node, 'wp:term_id'), slug: text(node, 'wp:tag_slug'), name: own(raw(node, 'wp:tag_name').trim()), parent: '' } };
    case 'wp:term':
      return { kind: 'term', term: { taxonomy: text(node, 'wp:term_taxonomy'), id: text(node, 'wp:term_id'), slug: text(node, 'wp:term_slug'), name: own(raw(node, 'wp:term_name').trim()), parent: text(node, 'wp:term_parent') } };
    default:
      return undefined;
  }
}

const SITE_FIELDS: Record<string, keyof WxrSite> = {
  title: 'title',
  link: 'link',
  description: 'description',
  language: 'language',
  'wp:base_site_url': 'siteUrl',
  'wp:base_blog_url': 'baseUrl',
  'wp:wxr_version': 'wxrVersion',
};

/** Characters XML 1.0 forbids (control characters but tab and newlines) that real exports contain. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export interface WxrReadOptions {
  chunkSize?: number;
  /**
   * Filled while reading: control characters XML forbids (WordPress writes them
   * unescaped when a post holds one) are read as spaces and counted here.
   */
  repairs?: { controlCharacters: number };
}

/**
 * Reads a WXR file record by record. The site record comes when the first item,
 * author or term starts (WordPress writes the channel's own fields first).
 * Throws WxrSyntaxError with the line and column of the first XML error, including
 * a file that ends before its elements are closed (a truncated download), and
 * WxrInputError for a file that is not an export at all (empty, a folder, an RSS
 * feed, a sitemap), before yielding anything.
 */
export async function* readWxr(file: string, options: WxrReadOptions = {}): AsyncGenerator<WxrRecord> {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new WxrInputError(name, `no such file; ${HOW_TO_EXPORT}`);
  }
  if (stat.isDirectory()) throw new WxrInputError(name, `is a folder, not an export file; ${HOW_TO_EXPORT}`);
  // WordPress.com and some hosts hand the export out compressed; the XML is inside.
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head[0] === 0x50 && head[1] === 0x4b) throw new WxrInputError(name, 'is a zip archive: unzip it first and import the .xml file inside (WordPress.com sends exports as .zip)');
  if (head[0] === 0x1f && head[1] === 0x8b) throw new WxrInputError(name, 'is gzip-compressed: run gunzip on it first and import the .xml file it gives');
  const parser = new SaxesParser({ position: true });
  const queue: WxrRecord[] = [];
  const stack: Node[] = [];
  const site: WxrSite = { title: '', link: '', description: '', language: '', baseUrl: '', siteUrl: '', wxrVersion: '' };
  let siteSent = false;
  let sawRss = false;
  let sawChannel = false;
  let sawContent = false;
  let first = true;

  const sendSite = () => {
    if (siteSent) return;
    siteSent = true;
    site.baseUrl ||= site.link || site.siteUrl;
    queue.push({ kind: 'site', site: { ...site } });
  };

  parser.on('opentag', (tag) => {
    const depth = stack.length;
    if (depth === 0) {
      if (tag.name === 'urlset' || tag.name === 'sitemapindex') throw new WxrInputError(name, `is a sitemap (<${tag.name}>), not a WordPress export; ${HOW_TO_EXPORT}`);
      if (tag.name === 'feed') throw new WxrInputError(name, `is an Atom feed, not a WordPress export; ${HOW_TO_EXPORT}`);
      if (tag.name !== 'rss') throw new WxrInputError(name, `<${tag.name}> is not a WordPress export: WXR files start with <rss>; ${HOW_TO_EXPORT}`);
      sawRss = true;
    }
    if (depth === 1 && tag.name === 'channel') sawChannel = true;
    // Depth 2 are the channel's children: the records we emit.
    if (depth === 2 && toRecordName.has(tag.name)) sendSite();
    stack.push({ name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [], line: parser.line });
  });
  const addText = (t: string) => {
    // Text matters only inside the channel's children; whitespace between records is dropped.
    if (stack.length >= 3) stack[stack.length - 1]!.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const node = stack.pop()!;
    const depth = stack.length;
    if (depth > 2) {
      stack[depth - 1]!.children.push(node);
    } else if (depth === 2) {
      // A plain RSS feed has <item>s too: without WordPress's own fields it is not an export.
      if (node.name === 'item' && !site.wxrVersion && !node.children.some((c) => c.name === 'wp:post_type' || c.name === 'wp:post_id')) {
        throw new WxrInputError(name, `is an RSS feed, not a WordPress export (its items have no wp:post_id); ${HOW_TO_EXPORT}`);
      }
      // A finished channel child: emit it and let it go (never kept on the channel).
      const record = toRecord(node);
      if (record) queue.push(record);
      else if (node.name in SITE_FIELDS && !siteSent) site[SITE_FIELDS[node.name]!] = node.text.trim();
    }
  });

  const fail = (error: unknown): never => {
    if (error instanceof WxrSyntaxError || error instanceof WxrInputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // saxes prefixes "line:column: "; we put the file name in front and keep the reason.
    const reason = message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');
    const open = stack.map((n) => `<${n.name}> (line ${n.line})`).slice(-1)[0];
    const hint = /unclosed|premature|end of/i.test(reason) && open ? `; the file ends inside ${open}: the export is truncated, export it again` : '';
    throw new WxrSyntaxError(name, parser.line, parser.column, `${reason}${hint}`);
  };

  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: options.chunkSize ?? 256 * 1024 });
  try {
    for await (const raw of stream) {
      let chunk = raw as string;
      if (first) {
        // A byte-order mark is allowed before the XML declaration; saxes reads it as text.
        chunk = chunk.replace(/^\uFEFF/, '');
        first = false;
      }
      if (!sawContent && chunk.trim() !== '') sawContent = true;
      chunk = chunk.replace(FORBIDDEN, () => {
        if (options.repairs) options.repairs.controlCharacters++;
        return ' ';
      });
      try {
        parser.write(chunk);
      } catch (error) {
        fail(error);
      }
      while (queue.length > 0) yield queue.shift()!;
    }
    if (!sawContent) throw new WxrInputError(name, `is empty; ${HOW_TO_EXPORT}`);
    try {
      parser.close();
    } catch (error) {
      fail(error);
    }
  } finally {
    stream.destroy();
  }
  if (!sawRss || !sawChannel) throw new WxrInputError(name, `no <rss><channel> found: this is not a WordPress export (WXR); ${HOW_TO_EXPORT}`);
  if (!site.wxrVersion && !siteSent) throw new WxrInputError(name, `is an RSS feed without WordPress's wp: fields, not a WordPress export; ${HOW_TO_EXPORT}`);
  sendSite();
  while (queue.length > 0) yield queue.shift()!;
}

const toRecordName = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term']);
