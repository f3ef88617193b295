/**
 * One WordPress post or page → the text of its Warta file: body through shortcodes,
 * wpautop and unified; byline lifted under the rules of byline.ts; frontmatter from
 * the plan and the registries. Pure but for the registries it adds people and
 * locations to and the upload copier it is handed.
 */
import type { Root as MdastRoot } from 'mdast';
import { normalisePath, tagSlug } from '../../lib/paths.ts';
import { toZonedIso } from '../../lib/dates.ts';
import type { WxrItem } from '../read/wxr-reader.ts';
import type { ExportIndex } from '../read/export-index.ts';
import type { WordpressMapping } from '../plan/mapping.ts';
import type { Registries } from '../plan/registries.ts';
import type { ImportPlan, PostPlan } from '../plan/plan-import.ts';
import { oldPath } from '../plan/permalinks.ts';
import { articleDocument, pageDocument, type ArticleFrontmatter } from '../write/documents.ts';
import { liftByline, type BylinePatterns } from './byline.ts';
import { markBareEmbeds } from './embeds.ts';
import { htmlToMdast, mdastToMarkdown, type ConvertedBody, type ImageRef } from './html-to-markdown.ts';
import { expandShortcodes, type ShortcodeStats } from './shortcodes.ts';
import { plainText } from './text.ts';
import { wpautop } from './wpautop.ts';

export interface ConvertContext {
  index: ExportIndex;
  plan: ImportPlan;
  mapping: WordpressMapping;
  patterns: BylinePatterns;
  registries: Registries;
  shortcodeStats: ShortcodeStats;
  /** Copies an upload beside the file and returns its relative path, or undefined (no --uploads, not found). */
  copyUpload(url: string, fileDir: string): string | undefined;
  /** Folder of the file being written, absolute. */
  fileDir(plan: PostPlan): string;
}

export interface ConvertedPost {
  /** Final file (`.mdx` when the body has an embed component). */
  file: string;
  text: string;
  body: Omit<ConvertedBody, 'tree'>;
  /** Strings the byline rules took out of the story, verbatim. */
  lifted: string[];
  byline: { dateline: boolean; reporter: boolean; editor: boolean };
  /** `without-size`: a remote featured image of unknown size, put at the top of the body instead. */
  cover: 'none' | 'kept' | 'without-size';
  views: number;
}

/** A link's target on the new site when it pointed at the old one (its `?p=`, its old path). */
export function linkRewriter(plan: ImportPlan): (href: string) => string {
  const host = (() => {
    try {
      return new URL(plan.baseUrl).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  })();
  return (href) => {
    let url: URL;
    try {
      url = new URL(href, plan.baseUrl);
    } catch {
      return href;
    }
    if (url.hostname.replace(/^www\./, '') !== host) return href;
    const p = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    if (p && plan.posts.has(p)) return plan.posts.get(p)!.newPath + url.hash;
    const old = oldPath(url.href.split('#')[0]!, plan.baseUrl);
    const target = old ? plan.oldToNew.get(normalisePath(old)) : undefined;
    return target ? target + url.hash : href;
  };
}

export function convertPost(it: WxrItem, plan: PostPlan, ctx: ConvertContext, link: (href: string) => string): ConvertedPost {
  const { index, mapping, registries } = ctx;
  const fileDir = ctx.fileDir(plan);
  const sizeOf = (url: string) => {
    const clean = url.split(/[?#]/)[0]!;
    // The attachment's own metadata first; a size in the file name only when the export has none.
    const known = index.sizeByUrl.get(clean);
    if (known) return known;
    const m = /-(\d{2,5})x(\d{2,5})\.\w+$/.exec(clean);
    return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
  };
  const imageRef = (ref: ImageRef): ImageRef => {
    const local = ctx.copyUpload(ref.src, fileDir);
    if (local) return { src: local };
    const known = index.sizeByUrl.get(ref.src.split(/[?#]/)[0]!);
    const size = known ?? (ref.width && ref.height ? { width: ref.width, height: ref.height } : sizeOf(ref.src));
    return { src: ref.src, ...size };
  };

  const title = plan.title || plainText(it.content).split(' ').slice(0, 8).join(' ') || `(${plan.id})`;
  let html = expandShortcodes(
    it.content,
    {
      rules: mapping.shortcodes,
      attachment: (id) => {
        const a = index.attachments.get(id);
        return a && { url: a.url, alt: a.alt || a.title, caption: a.caption, width: a.width, height: a.height };
      },
      postAttachments: () => index.attachmentsByParent.get(it.id) ?? [],
    },
    ctx.shortcodeStats,
  );
  html = markBareEmbeds(html).text;
  html = wpautop(html);
  const body = htmlToMdast(html, { embedTitle: title, image: imageRef, link });
  const { tree, ...bodyStats } = body;
  const mdx = body.embeds.size > 0;
  const file = mdx ? plan.file.replace(/\.md$/, '.mdx') : plan.file;

  if (plan.kind === 'page') {
    const text = pageDocument({ title, ...(it.menuOrder ? { order: it.menuOrder } : {}) }, mdastToMarkdown(tree as MdastRoot, mdx));
    return { file, text, body: bodyStats, lifted: [], byline: { dateline: false, reporter: false, editor: false }, cover: 'none', views: 0 };
  }

  const lifted = liftByline(tree, ctx.patterns);
  const location = lifted.place ? registries.locationFor(lifted.place) : registries.defaultLocation();
  const reporter = lifted.codes?.length ? lifted.codes.map((c) => registries.bylinePerson(mapping.reporters, c, 'reporter')) : [registries.authorPerson(it.creator, 'reporter')];
  const editor = lifted.editor
    ? registries.bylinePerson(mapping.editors, lifted.editor, 'editor')
    : mapping.defaults.editor
      ? registries.ensurePerson(mapping.defaults.editor, mapping.defaults.editor, mapping.defaults.editor, 'editor')
      : registries.authorPerson(it.creator, 'editor');

  const tags: string[] = [];
  // A Warta article has one section: the post's other categories are kept as tags, so no grouping is lost.
  const secondary = it.terms.filter((x) => x.taxonomy === 'category' && registries.categoryOfTerm(x.slug) && registries.categoryOfTerm(x.slug) !== plan.category);
  for (const t of [...secondary, ...it.terms.filter((x) => x.taxonomy === 'post_tag')]) {
    const name = plainText(t.name);
    if (!name) continue;
    if (!(name in mapping.tags)) mapping.tags[name] = name;
    const mapped = mapping.tags[name];
    if (mapped && tagSlug(mapped) && !tags.includes(mapped)) tags.push(mapped);
  }

  let cover: ArticleFrontmatter['cover'];
  let coverState: ConvertedPost['cover'] = 'none';
  const thumb = it.meta.get('_thumbnail_id')?.trim();
  const att = thumb ? index.attachments.get(thumb) : undefined;
  if (att) {
    const local = ctx.copyUpload(att.url, fileDir);
    const size = att.width && att.height ? { width: att.width, height: att.height } : sizeOf(att.url);
    const alt = att.alt || att.caption || att.title || title;
    if (local) cover = { src: local, alt, ...(att.caption ? { caption: att.caption } : {}) };
    else if (size) cover = { src: att.url, alt, width: size.width, height: size.height, ...(att.caption ? { caption: att.caption } : {}) };
    else {
      // A remote cover needs its size (the build never fetches it); without one the picture opens the story instead.
      tree.children.unshift({ type: 'paragraph', children: [{ type: 'image', url: att.url, alt, title: att.caption || null }] });
    }
    coverState = cover ? 'kept' : 'without-size';
  }

  let views = 0;
  for (const key of mapping.viewMetaKeys) {
    const n = Number(it.meta.get(key)?.trim());
    if (Number.isFinite(n) && n > views) views = Math.floor(n);
  }

  const summary = plainText(it.excerpt);
  const fm: ArticleFrontmatter = {
    title,
    date: toZonedIso(plan.date!, ctx.plan.site.timeZone),
    ...(location ? { location } : {}),
    reporter,
    editor,
    category: plan.category!,
    tags,
    ...(summary ? { summary } : {}),
    ...(cover ? { cover } : {}),
    ...(plan.draft ? { draft: true } : {}),
    ...(it.sticky ? { headline: true } : {}),
    aliases: plan.aliases,
  };
  return {
    file,
    text: articleDocument(fm, mdastToMarkdown(tree, mdx)),
    body: bodyStats,
    lifted: lifted.removed,
    byline: { dateline: !!lifted.place, reporter: !!lifted.codes?.length, editor: !!lifted.editor },
    cover: coverState,
    views,
  };
}
