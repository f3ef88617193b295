/**
 * The first pass over an export: everything the plan needs before any post is
 * converted (authors, terms, attachments and their sizes, each post's summary, the
 * blog's own clock), without keeping any post body in memory.
 */
import type { WxrItem, WxrSite } from './wxr-reader.ts';
import { readWxr } from './wxr-reader.ts';
import { attachmentSizes } from './php-unserialize.ts';
import { decodeEntities, plainText } from '../convert/text.ts';
import { commonOffset, localDateFields, offsetOf } from '../plan/dates.ts';

export interface Attachment {
  url: string;
  alt: string;
  caption: string;
  title: string;
  width?: number;
  height?: number;
  parent: string;
  menuOrder: number;
}

export interface Author {
  id: string;
  email: string;
  displayName: string;
}

export interface Term {
  taxonomy: string;
  id: string;
  /** As WordPress stores it (non-ASCII percent-encoded). */
  slug: string;
  name: string;
  /** Parent term's slug, for hierarchical category URLs. */
  parent: string;
}

/** What the plan needs of a post or page. */
export interface ItemSummary {
  wpId: string;
  type: 'post' | 'page';
  status: string;
  password: boolean;
  slug: string;
  /** Raw title (may hold HTML). */
  title: string;
  dateGmt: string;
  dateLocal: string;
  local?: ReturnType<typeof localDateFields>;
  link: string;
  categories: string[];
  tags: Array<{ slug: string; name: string }>;
  parent: string;
  menuOrder: number;
}

export interface ExportIndex {
  site: WxrSite;
  authors: Map<string, Author>;
  /** `category:<slug>` / `post_tag:<slug>` → term. */
  terms: Map<string, Term>;
  attachments: Map<string, Attachment>;
  /** Post id → its image attachments' ids, in gallery order. */
  attachmentsByParent: Map<string, string[]>;
  /** Attachment file URL (every generated size) → its pixel size. */
  sizeByUrl: Map<string, { width: number; height: number }>;
  items: ItemSummary[];
  /** post_date − post_date_gmt most posts share, in minutes. */
  offsetMinutes?: number;
  /** Items of other types (menus, blocks, templates, custom types), by type. */
  otherTypes: Map<string, number>;
  repairs: { controlCharacters: number };
}

const IMAGE = /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:[?#].*)?$/i;
export const termKey = (taxonomy: string, slug: string) => `${taxonomy}:${slug}`;

function attachmentOf(it: WxrItem): Attachment {
  const sizes = attachmentSizes(it.meta.get('_wp_attachment_metadata') ?? '');
  return {
    url: it.attachmentUrl || it.link,
    alt: it.meta.get('_wp_attachment_image_alt')?.trim() ?? '',
    caption: plainText(it.excerpt),
    title: decodeEntities(it.title),
    width: sizes.width,
    height: sizes.height,
    parent: it.parent,
    menuOrder: it.menuOrder,
  };
}

export async function indexExport(file: string, onItem?: (done: number) => void): Promise<ExportIndex> {
  const repairs = { controlCharacters: 0 };
  let site: WxrSite | undefined;
  const authors = new Map<string, Author>();
  const terms = new Map<string, Term>();
  const attachments = new Map<string, Attachment>();
  const byParent = new Map<string, Array<{ id: string; order: number }>>();
  const sizeByUrl = new Map<string, { width: number; height: number }>();
  const items: ItemSummary[] = [];
  const otherTypes = new Map<string, number>();
  const offsets = new Map<number, number>();
  let read = 0;

  for await (const record of readWxr(file, { repairs })) {
    if (record.kind === 'site') site = record.site;
    else if (record.kind === 'author') authors.set(record.author.login, { id: record.author.id, email: record.author.email.trim().toLowerCase(), displayName: decodeEntities(record.author.displayName) });
    else if (record.kind === 'term') terms.set(termKey(record.term.taxonomy, record.term.slug), { ...record.term, name: decodeEntities(record.term.name) });
    else if (record.kind === 'item') {
      const it = record.item;
      onItem?.(++read);
      if (it.type === 'attachment') {
        const att = attachmentOf(it);
        attachments.set(it.id, att);
        if (att.width && att.height) sizeByUrl.set(att.url.split(/[?#]/)[0]!, { width: att.width, height: att.height });
        const dir = att.url.slice(0, att.url.lastIndexOf('/') + 1);
        for (const s of attachmentSizes(it.meta.get('_wp_attachment_metadata') ?? '').sizes) sizeByUrl.set(dir + s.file, { width: s.width, height: s.height });
        if (it.parent !== '0' && IMAGE.test(att.url)) {
          const list = byParent.get(it.parent) ?? [];
          list.push({ id: it.id, order: it.menuOrder });
          byParent.set(it.parent, list);
        }
        continue;
      }
      if (it.type !== 'post' && it.type !== 'page') {
        otherTypes.set(it.type || '(none)', (otherTypes.get(it.type || '(none)') ?? 0) + 1);
        continue;
      }
      for (const t of it.terms) {
        const key = termKey(t.taxonomy, t.slug);
        if (!terms.has(key)) terms.set(key, { taxonomy: t.taxonomy, id: '', slug: t.slug, name: decodeEntities(t.name), parent: '' });
      }
      if (it.status === 'publish') {
        const o = offsetOf(it.date, it.dateGmt);
        if (o !== undefined) offsets.set(o, (offsets.get(o) ?? 0) + 1);
      }
      items.push({
        wpId: it.id,
        type: it.type,
        status: it.status,
        password: it.password !== '',
        slug: it.slug,
        title: it.title,
        dateGmt: it.dateGmt,
        dateLocal: it.date,
        local: localDateFields(it.date),
        link: it.link,
        categories: it.terms.filter((t) => t.taxonomy === 'category').map((t) => t.slug),
        tags: it.terms.filter((t) => t.taxonomy === 'post_tag').map((t) => ({ slug: t.slug, name: decodeEntities(t.name).trim() })),
        parent: it.parent,
        menuOrder: it.menuOrder,
      });
    }
  }
  if (!site) throw new Error(`${file}: no channel found; is this a WordPress export?`);
  const attachmentsByParent = new Map([...byParent].map(([parent, list]) => [parent, list.sort((a, b) => a.order - b.order || Number(a.id) - Number(b.id)).map((x) => x.id)]));
  return { site, authors, terms, attachments, attachmentsByParent, sizeByUrl, items, offsetMinutes: commonOffset(offsets), otherTypes, repairs };
}
