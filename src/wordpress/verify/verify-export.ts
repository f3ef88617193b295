/**
 * The fidelity check: an export against the site built from its import. Per post
 * and in total: words kept, images kept, links kept, old URLs resolving in the
 * build (page or redirect page), comments stored by status; and the thresholds a
 * newsroom should hold before switching.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { readWxr } from '../read/wxr-reader.ts';
import type { ExportIndex } from '../read/export-index.ts';
import { termKey } from '../read/export-index.ts';
import { decodeSlug } from '../plan/ids.ts';
import { oldPath } from '../plan/permalinks.ts';
import { normalisePath } from '../../lib/paths.ts';
import { NOT_CONVERSATION } from '../convert/comments.ts';
import type { ImportReport } from '../report.ts';
import type { WordpressMapping } from '../plan/mapping.ts';
import { htmlFacts, keptOf, sourceFacts, total, wordBag, type Facts } from './facts.ts';

export const THRESHOLDS = { urls: 1, words: 0.995, images: 0.99 };

export interface PostFidelity {
  wpId: string;
  kind: 'article' | 'page';
  title: string;
  newPath: string;
  words: [kept: number, total: number];
  images: [kept: number, total: number];
  links: [kept: number, total: number];
  /** Old URLs of this post that do not resolve in the build. */
  brokenUrls: string[];
  withheld: string[];
  /** Words of the WordPress text not found in the built story (the first few). */
  missingWords: string[];
}

export interface Fidelity {
  posts: PostFidelity[];
  words: [number, number];
  images: [number, number];
  links: [number, number];
  urls: { checked: number; resolving: number; broken: string[] };
  comments: Record<string, { exported: number; stored: number }>;
  passwordProtectedPublished: number;
  secondRunChanged: number;
  failures: string[];
}

/** Path → file in the built site, following one redirect page; undefined when nothing answers there. */
export function resolveInBuild(client: string, urlPath: string): string | undefined {
  const rel = decodeSlug(urlPath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  const candidates = rel === '' ? ['index.html'] : [path.join(rel, 'index.html'), rel, `${rel.replace(/\/$/, '')}.html`];
  for (const c of candidates) {
    const abs = path.join(client, c);
    if (!abs.startsWith(client) || !fs.existsSync(abs) || !fs.statSync(abs).isFile()) continue;
    const html = fs.readFileSync(abs, 'utf8');
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/i.exec(html);
    if (!refresh) return abs;
    const target = decodeSlug(refresh[1]!.replace(/&amp;/g, '&'));
    const next = path.join(client, target.replace(/^\/+/, ''), 'index.html');
    return fs.existsSync(next) ? next : undefined;
  }
  return undefined;
}

function find(node: Root | RootContent, test: (el: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if (node.type === 'element' || node.type === 'root') {
    for (const c of node.children) {
      const hit = find(c, test);
      if (hit) return hit;
    }
  }
  return undefined;
}
const hasClass = (el: Element, c: string) => Array.isArray(el.properties.className) && el.properties.className.includes(c);

/** Words and links of the built story's text, images of the whole article (cover included). */
export function builtFacts(html: string, base: string, kind: 'article' | 'page'): Facts {
  const tree = fromHtml(html);
  const article = find(tree, (el) => el.tagName === 'article');
  if (!article) return { words: new Map(), images: new Set(), links: new Map() };
  const body = kind === 'article' ? find(article, (el) => hasClass(el, 'article-body')) : { ...article, children: article.children.filter((c) => !(c.type === 'element' && c.tagName === 'h1')) };
  const facts = htmlFacts(body ? toHtml(body) : '', base);
  const all = htmlFacts(toHtml(article), base);
  return { words: facts.words, links: facts.links, images: all.images };
}

export interface VerifyInput {
  file: string;
  index: ExportIndex;
  mapping: WordpressMapping;
  report: ImportReport;
  /** The built site's static files (dist/client). */
  client: string;
  /** Comments in the store by status. */
  stored: Record<string, number>;
  secondRun: ImportReport;
}

export async function verifyExport(input: VerifyInput): Promise<Fidelity> {
  const { index, report, client, mapping } = input;
  const base = index.site.baseUrl;
  const items = new Map(report.items.map((i) => [i.wpId, i]));
  const posts: PostFidelity[] = [];
  const urlsChecked: string[] = [];
  const broken: string[] = [];
  const exported: Record<string, number> = { approved: 0, pending: 0, spam: 0, rejected: 0 };
  const STATUS: Record<string, string> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'rejected', 'post-trashed': 'rejected' };
  let passwordProtectedPublished = 0;
  const liveCategories = new Set<string>();
  const liveTags = new Set<string>();

  const checkUrl = (u: string, owner?: PostFidelity) => {
    urlsChecked.push(u);
    if (!resolveInBuild(client, u)) {
      broken.push(u);
      owner?.brokenUrls.push(u);
    }
  };
  const shortLinks = (() => {
    const f = path.join(client, 'wordpress/shortlinks.json');
    return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, string>) : {};
  })();

  for await (const record of readWxr(input.file)) {
    if (record.kind !== 'item') continue;
    const it = record.item;
    for (const c of it.comments) if (!NOT_CONVERSATION.has(c.type)) exported[STATUS[c.approved] ?? 'pending']!++;
    if (it.type !== 'post' && it.type !== 'page') continue;
    const imported = items.get(it.id);
    if (!imported) continue;
    const published = it.status === 'publish';
    const builtFile = imported.draft ? undefined : resolveInBuild(client, imported.newPath);
    if (it.password && published && resolveInBuild(client, imported.newPath)) passwordProtectedPublished++;
    if (!published || imported.draft) {
      if (imported.withheld.length > 0) posts.push({ wpId: it.id, kind: imported.kind, title: it.title, newPath: imported.newPath, words: [0, 0], images: [0, 0], links: [0, 0], brokenUrls: [], withheld: imported.withheld, missingWords: [] });
      continue;
    }
    const source = sourceFacts(it, index);
    const built = builtFile ? builtFacts(fs.readFileSync(builtFile, 'utf8'), base, imported.kind) : { words: new Map<string, number>(), images: new Set<string>(), links: new Map<string, number>() };
    // Text moved into the frontmatter (dateline, reporter code, editor line) is kept, not lost.
    for (const l of imported.lifted) wordBag(l, built.words);
    const missingWords = [...source.words].filter(([w, n]) => (built.words.get(w) ?? 0) < n).map(([w]) => w).slice(0, 12);
    const post: PostFidelity = {
      wpId: it.id,
      kind: imported.kind,
      title: it.title,
      newPath: imported.newPath,
      words: [keptOf(source.words, built.words), total(source.words)],
      images: [[...source.images].filter((k) => built.images.has(k)).length, source.images.size],
      links: [keptOf(source.links, built.links), total(source.links)],
      brokenUrls: [],
      withheld: [],
      missingWords,
    };
    posts.push(post);
    // The post's own URL, and its short link.
    const old = oldPath(it.link, base);
    if (old) checkUrl(normalisePath(old), post);
    const key = imported.kind === 'page' ? 'page_id' : 'p';
    const target = shortLinks[it.id];
    urlsChecked.push(`/?${key}=${it.id}`);
    if (!target || !resolveInBuild(client, target)) {
      broken.push(`/?${key}=${it.id}`);
      post.brokenUrls.push(`/?${key}=${it.id}`);
    }
    if (imported.kind === 'article') {
      for (const t of it.terms) {
        if (t.taxonomy === 'category') liveCategories.add(t.slug);
        if (t.taxonomy === 'post_tag') liveTags.add(t.slug);
      }
    }
  }
  for (const slug of liveCategories) {
    const chain: string[] = [];
    let s: string | undefined = slug;
    for (let guard = 0; s && guard < 10; guard++) {
      chain.unshift(decodeSlug(s));
      s = index.terms.get(termKey('category', s))?.parent || undefined;
    }
    checkUrl(`${mapping.wordpressUrls.categoryBase}${chain.join('/')}/`);
  }
  for (const slug of liveTags) checkUrl(`${mapping.wordpressUrls.tagBase}${decodeSlug(slug)}/`);

  const sum = (f: (p: PostFidelity) => [number, number]) => posts.reduce<[number, number]>((a, p) => [a[0] + f(p)[0], a[1] + f(p)[1]], [0, 0]);
  const words = sum((p) => p.words);
  const images = sum((p) => p.images);
  const links = sum((p) => p.links);
  const comments = Object.fromEntries(Object.keys(exported).map((s) => [s, { exported: exported[s]!, stored: input.stored[s] ?? 0 }]));
  const r2 = input.secondRun;
  const secondRunChanged = r2.articles.new + r2.articles.changed + r2.pages.new + r2.pages.changed + r2.otherFiles.new + r2.otherFiles.changed + r2.comments.stored;
  const pct = (x: [number, number]) => (x[1] === 0 ? 1 : x[0] / x[1]);
  const failures: string[] = [];
  const urlShare = urlsChecked.length === 0 ? 1 : (urlsChecked.length - broken.length) / urlsChecked.length;
  if (urlShare < THRESHOLDS.urls) failures.push(`old URLs: ${urlsChecked.length - broken.length}/${urlsChecked.length} resolve (need 100 %)`);
  if (pct(words) < THRESHOLDS.words) failures.push(`words: ${(pct(words) * 100).toFixed(2)} % kept (need ≥ 99.5 %)`);
  if (pct(images) < THRESHOLDS.images) failures.push(`images: ${(pct(images) * 100).toFixed(2)} % kept (need ≥ 99 %)`);
  if (passwordProtectedPublished > 0) failures.push(`${passwordProtectedPublished} password-protected posts published (need 0)`);
  for (const [s, c] of Object.entries(comments)) if (c.stored !== c.exported) failures.push(`comments ${s}: ${c.stored} stored of ${c.exported} exported`);
  if (secondRunChanged > 0) failures.push(`second run: ${secondRunChanged} files or comments new or changed (need 0)`);
  return { posts, words, images, links, urls: { checked: urlsChecked.length, resolving: urlsChecked.length - broken.length, broken }, comments, passwordProtectedPublished, secondRunChanged, failures };
}

const pctText = ([k, t]: [number, number]) => (t === 0 ? '–' : `${((k / t) * 100).toFixed(t >= 1000 ? 2 : 1)} %`);

/** The table the CLI prints: every post below 100 % (or all with `all`), then the totals. */
export function fidelityText(name: string, f: Fidelity, all = false): string {
  const lines: string[] = [];
  const shown = f.posts.filter((p) => all || p.withheld.length > 0 || p.brokenUrls.length > 0 || p.words[0] < p.words[1] || p.images[0] < p.images[1] || p.links[0] < p.links[1]);
  if (shown.length > 0) lines.push('post | words | images | links | notes');
  for (const p of shown) {
    const notes = [
      p.withheld.length ? `withheld as draft (${p.withheld.join(', ')})` : '',
      p.brokenUrls.length ? `not resolving: ${p.brokenUrls.join(' ')}` : '',
      p.missingWords.length && p.words[0] < p.words[1] ? `missing: ${p.missingWords.join(' ')}` : '',
    ].filter(Boolean);
    lines.push(`${p.newPath} | ${pctText(p.words)} | ${p.images[1] ? `${p.images[0]}/${p.images[1]}` : '–'} | ${p.links[1] ? `${p.links[0]}/${p.links[1]}` : '–'} | ${notes.join('; ')}`);
  }
  const c = Object.entries(f.comments).map(([s, x]) => `${s} ${x.stored}/${x.exported}`).join(', ');
  lines.push(
    `${name}: ${f.posts.length} posts and pages; words ${pctText(f.words)} (${f.words[0]}/${f.words[1]}); images ${pctText(f.images)} (${f.images[0]}/${f.images[1]}); links ${pctText(f.links)} (${f.links[0]}/${f.links[1]}); old URLs ${f.urls.resolving}/${f.urls.checked} resolve; comments stored/exported: ${c}; password-protected published: ${f.passwordProtectedPublished}; second run: ${f.secondRunChanged} changed`,
  );
  const termUrls = f.urls.broken.filter((u) => !f.posts.some((p) => p.brokenUrls.includes(u)));
  if (termUrls.length > 0) lines.push(`category and tag URLs not resolving: ${termUrls.slice(0, 40).join(' ')}${termUrls.length > 40 ? ` … ${termUrls.length - 40} more` : ''}`);
  lines.push(f.failures.length === 0 ? 'PASS: every threshold met' : `FAIL:\n${f.failures.map((x) => `  - ${x}`).join('\n')}`);
  return lines.join('\n');
}
