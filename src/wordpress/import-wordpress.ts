/**
 * The WordPress import, in four steps over two streaming passes of the WXR file:
 *
 * 1. read: an index of authors, terms, attachments and post summaries (read/);
 * 2. plan: the site, every post's id, path and draft state, every redirect (plan/);
 * 3. convert: one post at a time, body and frontmatter (convert/);
 * 4. write: files staged and moved into place at the end, then comments and view
 *    counts into the store (write/), through the narrow interface of store.ts.
 *
 * scripts/import-wordpress.ts wires the real store in and prints the report.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { SiteSchema, type Site } from '../schemas/site.ts';
import { absoluteUrl } from '../lib/paths.ts';
import { indexExport } from './read/export-index.ts';
import { readWxr } from './read/wxr-reader.ts';
import { parseMapping, serializeMapping } from './plan/mapping.ts';
import { Registries } from './plan/registries.ts';
import { planImport } from './plan/plan-import.ts';
import { compileBylinePatterns } from './convert/byline.ts';
import { convertPost, linkRewriter, type ConvertContext } from './convert/convert-post.ts';
import { mapComments } from './convert/comments.ts';
import { emptyStats } from './convert/shortcodes.ts';
import { addTo, emptyReport, liftedTsv, type ImportReport } from './report.ts';
import type { WordpressStore } from './store.ts';
import { parseState, serializeState, type ImportState } from './write/import-state.ts';
import { appendRegistry, personDocument, redirectPage } from './write/documents.ts';
import { netlifyRedirects, shortLinkMap, shortLinkScript, vercelRedirects } from './write/redirects.ts';
import { encodePath } from './plan/permalinks.ts';
import { Writer } from './write/writer.ts';

export interface ImportOptions {
  /** The WXR file. */
  file: string;
  /** Content folder (`content/`). */
  contentDir: string;
  /** Static files folder (`public/`); default: `public` beside the content folder. */
  publicDir?: string;
  /** A copy of `wp-content/uploads`: referenced images are copied and linked locally. */
  uploadsDir?: string;
  dryRun?: boolean;
  /** Where comments and view counts go; none in a dry run (or when the caller skips them). */
  store?: WordpressStore;
  /** Zone for a new site.yaml when the export's own clock gives none. */
  timeZone?: string;
  onProgress?(progress: { phase: 'reading' | 'converting'; done: number; total: number }): void;
}

export type { ImportReport } from './report.ts';

const readText = (abs: string) => (fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined);

export async function importWordpress(options: ImportOptions): Promise<ImportReport> {
  const contentDir = path.resolve(options.contentDir);
  const root = path.dirname(contentDir);
  const publicDir = path.resolve(options.publicDir ?? path.join(root, 'public'));
  const report = emptyReport(options.dryRun ?? false);
  const wpDir = path.join(contentDir, 'wordpress');
  const mappingFile = path.join(wpDir, 'mapping.yaml');
  const stateFile = path.join(wpDir, 'state.json');
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

  // ---- 1. Read ----------------------------------------------------------------------
  const index = await indexExport(options.file, (done) => options.onProgress?.({ phase: 'reading', done, total: 0 }));
  report.repairedCharacters = index.repairs.controlCharacters;
  report.posts.otherTypes = Object.fromEntries(index.otherTypes);

  // ---- 2. Plan ----------------------------------------------------------------------
  const state: ImportState = parseState(readText(stateFile));
  const mappingText = readText(mappingFile);
  const mapping = parseMapping(mappingText, rel(mappingFile));
  const patterns = compileBylinePatterns(mapping.patterns);
  const siteText = readText(path.join(contentDir, 'site.yaml'));
  let existingSite: Site | undefined;
  if (siteText !== undefined) {
    const parsed = SiteSchema.safeParse(yaml.load(siteText, { schema: yaml.CORE_SCHEMA }));
    if (!parsed.success) throw new Error(`${rel(path.join(contentDir, 'site.yaml'))} is not valid; run npm run check and fix it before importing`);
    existingSite = parsed.data;
  }
  const owned = new Set(Object.keys(state.files));
  const takenIds = new Set<string>();
  for (const f of fs.existsSync(contentDir) ? fs.globSync('{articles/**/*.{md,mdx},pages/*.{md,mdx}}', { cwd: contentDir }) : []) {
    if (!owned.has(rel(path.join(contentDir, f)))) takenIds.add(path.basename(f).replace(/\.mdx?$/, ''));
  }
  const registries = new Registries(contentDir, mapping, index);
  const plan = planImport({ index, mapping, registries, state, existingSite, takenIds, contentDir, root, defaultTimeZone: options.timeZone ?? 'Asia/Jakarta' });
  report.posts.trashed = plan.skipped.trashed;
  report.posts.autoDrafts = plan.skipped.autoDrafts;
  report.redirects = { paths: plan.redirects.length, shortLinks: plan.shortLinks.length, redirectPages: plan.redirectPages.length, permalink: plan.site.permalink, keptWordpressPermalink: plan.inferredPermalink !== undefined && plan.inferredPermalink === plan.site.permalink };

  // ---- 3. Convert (and stage) -------------------------------------------------------
  const writer = new Writer(root, state, report);
  try {
    const stats = emptyStats();
    const link = linkRewriter(plan);
    const ctx: ConvertContext = {
      index,
      plan,
      mapping,
      patterns,
      registries,
      shortcodeStats: stats,
      copyUpload: (url, fromDir) => writer.copyUpload(options.uploadsDir, contentDir, url, fromDir),
      fileDir: (p) => path.dirname(path.join(root, p.file)),
    };
    const newsroom = { userIds: new Set([...index.authors.values()].map((a) => a.id).filter(Boolean)), emails: new Set([...index.authors.values()].map((a) => a.email).filter(Boolean)) };
    const views: Array<{ articleId: string; views: number }> = [];
    const stateArticleFiles = new Map<string, string>();
    for (const f of Object.keys(state.files)) if (f.includes('/articles/')) stateArticleFiles.set(path.basename(f).replace(/\.mdx?$/, ''), f);
    const total = plan.posts.size;
    let converted = 0;

    for await (const record of readWxr(options.file)) {
      if (record.kind !== 'item') continue;
      const it = record.item;
      const p = plan.posts.get(it.id);
      if (it.comments.length > 0) {
        // Comments of pages and of items that become nothing are kept in the store too, under their own ids.
        const articleId = p ? (p.kind === 'page' ? `page:${p.id}` : p.id) : `wordpress:${it.type || 'item'}:${it.id}`;
        const { comments, skipped } = mapComments(it.comments, { articleId, sourcePrefix: plan.sourcePrefix, clock: plan.clock, newsroom });
        addTo(report.comments.notConversation, skipped);
        for (const c of comments) report.comments[c.status]++;
        if (p?.kind === 'page') report.comments.onPages += comments.length;
        else if (!p) report.comments.onOtherItems += comments.length;
        writer.queueComments(comments);
      }
      if (!p || (it.type !== 'post' && it.type !== 'page')) continue;
      options.onProgress?.({ phase: 'converting', done: ++converted, total });
      const out = convertPost(it, p, ctx, link);
      addTo(report.embeds, out.body.embeds);
      addTo(report.html.kept, out.body.keptHtml);
      addTo(report.html.dropped, out.body.dropped);
      report.images.body += out.body.images;
      for (const text of out.lifted) report.lifted.push({ file: out.file, text });
      if (p.withheld.length > 0) report.withheld.push({ file: out.file, title: p.title, reasons: p.withheld });
      report.items.push({ wpId: p.wpId, kind: p.kind, id: p.id, file: out.file, newPath: p.newPath, oldPath: p.oldPath, draft: p.draft, withheld: p.withheld, lifted: out.lifted });
      if (p.kind === 'page') {
        writer.stage(out.file, out.text, report.pages);
        state.posts[p.wpId] = p.id;
        continue;
      }
      report.posts.total++;
      if (p.draft) report.posts.drafts++;
      else if (it.status === 'future') report.posts.scheduled++;
      else report.posts.published++;
      const b = report.patterns;
      if (out.byline.dateline) b.dateline++;
      else b.noLocation++;
      if (out.byline.reporter) b.reporter++;
      else b.reporterFromAuthor++;
      if (out.byline.editor) b.editor++;
      else b.editorFromFallback++;
      if (out.cover === 'kept') report.images.covers++;
      if (out.cover === 'without-size') report.images.coversWithoutSize++;
      if (out.views > 0) views.push({ articleId: p.id, views: out.views });
      // The article moved (new month, or .md ↔ .mdx): the old file goes if untouched.
      const previous = state.posts[p.wpId] === p.id ? stateArticleFiles.get(p.id) : undefined;
      if (previous && previous !== out.file) writer.removeIfUntouched(previous);
      writer.stage(out.file, out.text, report.articles);
      state.posts[p.wpId] = p.id;
    }
    report.views = views.length;
    report.images.missingAttachments = stats.missingAttachments.length;
    for (const key of ['handled', 'dropped', 'unwrapped', 'unknown'] as const) report.shortcodes[key] = Object.fromEntries([...stats[key]].sort((a, b) => b[1] - a[1]));

    // ---- 4. Write: registries, people, site, redirects, mapping, state --------------
    if (plan.siteDoc) writer.stage(rel(path.join(contentDir, 'site.yaml')), plan.siteDoc, report.otherFiles);
    report.created.categories = registries.newCategories.map((c) => c.id);
    report.created.locations = registries.newLocations.map((l) => l.id);
    for (const [name, entries] of [['categories.yaml', registries.newCategories], ['locations.yaml', registries.newLocations]] as const) {
      const f = rel(path.join(contentDir, name));
      // An empty registry is a file too: Astro's file loader reports a missing one as an error.
      if (entries.length === 0 && writer.read(f) === undefined) writer.stage(f, '[]\n', report.otherFiles);
      if (entries.length === 0) continue;
      writer.staging.write(f, appendRegistry(writer.read(f), entries as Array<Record<string, string>>));
      report.otherFiles.changed++;
    }
    for (const [id, person] of [...registries.people].sort(([a], [b]) => a.localeCompare(b))) {
      const f = rel(path.join(contentDir, 'people', `${id}.yaml`));
      if (person.existing && !state.files[f]) continue;
      const roles = ['reporter', 'editor', 'photographer'].filter((r) => person.roles.has(r));
      writer.stage(f, personDocument({ name: person.name, code: person.code, roles }), report.otherFiles, { silentForeign: true });
    }
    report.created.people = registries.createdPeople.filter((id) => !registries.people.get(id)?.existing);

    const redirectsFile = rel(path.join(publicDir, '_redirects'));
    writer.stage(redirectsFile, netlifyRedirects(writer.read(redirectsFile) ?? '', plan.redirects), report.otherFiles, { silentForeign: true });
    writer.stage(rel(path.join(publicDir, 'wordpress/shortlinks.json')), shortLinkMap(plan.shortLinks), report.otherFiles);
    writer.stage(rel(path.join(publicDir, 'wordpress/shortlinks.js')), shortLinkScript('/wordpress/shortlinks.json'), report.otherFiles);
    writer.stage(rel(path.join(wpDir, 'vercel-redirects.json')), vercelRedirects(plan.redirects, plan.shortLinks, plan.pageWpIds), report.otherFiles);
    for (const r of plan.redirectPages) {
      // Static hosts serve folders by their decoded names; the file sits where the old path points.
      const file = rel(path.join(publicDir, ...r.from.split('/').filter(Boolean), 'index.html'));
      writer.stage(file, redirectPage(encodePath(r.to), absoluteUrl(plan.site.url, r.to), plan.site.locale), report.otherFiles);
    }

    writer.stage(rel(path.join(wpDir, 'lifted.tsv')), liftedTsv(report), report.otherFiles);

    const mappingNext = serializeMapping(mapping);
    const mappingChanged = mappingText === undefined || JSON.stringify(parseMapping(mappingText, rel(mappingFile))) !== JSON.stringify(parseMapping(mappingNext, rel(mappingFile)));
    if (mappingChanged) {
      writer.staging.write(rel(mappingFile), mappingNext);
      report.otherFiles[mappingText === undefined ? 'new' : 'changed']++;
    }
    const stateNext = serializeState({ version: 1, posts: state.posts, files: Object.fromEntries(writer.writtenFiles) });
    if (stateNext !== readText(stateFile)) writer.staging.write(rel(stateFile), stateNext);

    if (report.dryRun) return report;
    await writer.commit(options.store, views);
    return report;
  } catch (error) {
    writer.discard();
    throw error;
  }
}
