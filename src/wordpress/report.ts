/** What an import did, for the CLI's summary and the fidelity check. */
import type { FileDecision } from './write/import-state.ts';
import type { WithheldReason } from './plan/plan-import.ts';

export type Counter = Record<FileDecision, number>;
export const counter = (): Counter => ({ new: 0, changed: 0, unchanged: 0, edited: 0, foreign: 0, deleted: 0 });

/** One imported post or page, as the fidelity check follows it. */
export interface ImportedItem {
  wpId: string;
  kind: 'article' | 'page';
  id: string;
  file: string;
  newPath: string;
  oldPath?: string;
  draft: boolean;
  withheld: WithheldReason[];
  /** Text the byline rules moved into the frontmatter. */
  lifted: string[];
}

export interface ImportReport {
  dryRun: boolean;
  articles: Counter;
  pages: Counter;
  /** Other files: people, registries, redirects, mapping, uploads. */
  otherFiles: Counter;
  /** Paths (relative to the project root) left alone because they were edited since the last import. */
  editedFiles: string[];
  /** Paths that exist but were not written by the import (id clash, or an existing file). */
  foreignFiles: string[];
  posts: { total: number; published: number; drafts: number; scheduled: number; trashed: number; autoDrafts: number; otherTypes: Record<string, number> };
  /** Posts WordPress showed (or protected) that are imported as drafts: password, private, untitled, undated. */
  withheld: Array<{ file: string; title: string; reasons: WithheldReason[] }>;
  patterns: { dateline: number; reporter: number; editor: number; reporterFromAuthor: number; editorFromFallback: number; noLocation: number };
  /** Every string the byline rules took out of a story, with its file. */
  lifted: Array<{ file: string; text: string }>;
  created: { people: string[]; categories: string[]; locations: string[] };
  comments: { approved: number; pending: number; spam: number; rejected: number; notConversation: Record<string, number>; onPages: number; onOtherItems: number; stored: number };
  views: number;
  embeds: Record<string, number>;
  shortcodes: { handled: Record<string, number>; dropped: Record<string, number>; unwrapped: Record<string, number>; unknown: Record<string, number> };
  /** Elements kept as HTML in the Markdown, and elements dropped, by tag (or class). */
  html: { kept: Record<string, number>; dropped: Record<string, number> };
  images: { body: number; covers: number; coversWithoutSize: number; copied: number; missingAttachments: number };
  redirects: { paths: number; shortLinks: number; redirectPages: number; permalink: string; keptWordpressPermalink: boolean };
  /** Control characters XML forbids, read as spaces. */
  repairedCharacters: number;
  warnings: string[];
  items: ImportedItem[];
}

export function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    articles: counter(),
    pages: counter(),
    otherFiles: counter(),
    editedFiles: [],
    foreignFiles: [],
    posts: { total: 0, published: 0, drafts: 0, scheduled: 0, trashed: 0, autoDrafts: 0, otherTypes: {} },
    withheld: [],
    patterns: { dateline: 0, reporter: 0, editor: 0, reporterFromAuthor: 0, editorFromFallback: 0, noLocation: 0 },
    lifted: [],
    created: { people: [], categories: [], locations: [] },
    comments: { approved: 0, pending: 0, spam: 0, rejected: 0, notConversation: {}, onPages: 0, onOtherItems: 0, stored: 0 },
    views: 0,
    embeds: {},
    shortcodes: { handled: {}, dropped: {}, unwrapped: {}, unknown: {} },
    html: { kept: {}, dropped: {} },
    images: { body: 0, covers: 0, coversWithoutSize: 0, copied: 0, missingAttachments: 0 },
    redirects: { paths: 0, shortLinks: 0, redirectPages: 0, permalink: '', keptWordpressPermalink: false },
    repairedCharacters: 0,
    warnings: [],
    items: [],
  };
}

export const addTo = (target: Record<string, number>, from: Map<string, number> | Record<string, number>) => {
  for (const [k, v] of from instanceof Map ? from : Object.entries(from)) target[k] = (target[k] ?? 0) + v;
};

const LIFTED_SHOWN = 40;

/** Every lifted string, one per line: file, tab, text (the full list the summary shortens). */
export function liftedTsv(r: ImportReport): string {
  return `file\tlifted\n${r.lifted.map((l) => `${l.file}\t${l.text.replace(/[\t\n]/g, ' ')}`).join('\n')}\n`;
}

/** The summary the CLI prints. */
export function summary(r: ImportReport, seconds: number): string {
  const c = (x: Counter) => `${x.new} new, ${x.changed} changed, ${x.unchanged} unchanged, ${x.edited} locally edited (left alone)${x.foreign ? `, ${x.foreign} clashing with existing files (left alone)` : ''}${x.deleted ? `, ${x.deleted} deleted locally (left deleted)` : ''}`;
  const top = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `[${k}] ×${v}`).join(', ') || 'none';
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
  const p = r.patterns;
  const others = Object.values(r.posts.otherTypes).reduce((a, b) => a + b, 0);
  const lines = [
    `${r.dryRun ? 'Dry run (nothing written)' : 'WordPress import'} in ${seconds.toFixed(1)} s`,
    `articles: ${c(r.articles)}`,
    `pages: ${c(r.pages)}`,
    `other files: ${c(r.otherFiles)}`,
    `posts: ${r.posts.total} (${r.posts.published} published, ${r.posts.scheduled} scheduled, ${r.posts.drafts} drafts); skipped ${r.posts.trashed} trashed, ${r.posts.autoDrafts} auto-drafts, ${others} other items${others ? ` (${list(r.posts.otherTypes)})` : ''}`,
    `withheld as drafts: ${r.withheld.length}${r.withheld.length ? ' (listed below: password-protected, private, untitled or with a date that cannot be read)' : ''}`,
    `bylines: dateline ${p.dateline}/${p.dateline + p.noLocation} (${p.noLocation} without a dateline print none), reporter code ${p.reporter} (author used for ${p.reporterFromAuthor}), editor line ${p.editor} (fallback for ${p.editorFromFallback}); ${r.lifted.length} strings lifted (listed below)`,
    `created: ${r.created.people.length} people, ${r.created.categories.length} categories, ${r.created.locations.length} locations`,
    `comments: ${r.comments.approved} approved, ${r.comments.pending} pending, ${r.comments.spam} spam, ${r.comments.rejected} trashed (${r.comments.onPages} on pages, ${r.comments.onOtherItems} on items that are no article or page); not conversation, skipped: ${list(r.comments.notConversation)}; ${r.dryRun ? 'not stored (dry run)' : `${r.comments.stored} new in the store`}`,
    `view counts: ${r.views} articles`,
    `embeds: ${list(r.embeds)}; images: ${r.images.body} in bodies, ${r.images.covers} covers, ${r.images.copied} copied from uploads${r.images.coversWithoutSize ? `, ${r.images.coversWithoutSize} featured images of unknown size put at the top of their story instead of the cover (pass --uploads to make them covers)` : ''}${r.images.missingAttachments ? `, ${r.images.missingAttachments} gallery images not in the export` : ''}`,
    `html: kept as HTML ${list(r.html.kept)}; dropped ${list(r.html.dropped)}`,
    `shortcodes: converted ${top(r.shortcodes.handled)}; dropped ${top(r.shortcodes.dropped)}; unwrapped ${top(r.shortcodes.unwrapped)}; unknown, left as text ${top(r.shortcodes.unknown)}`,
    `redirects: ${r.redirects.paths} old paths (${r.redirects.redirectPages} as pages in public/), ${r.redirects.shortLinks} ?p= links; permalink ${r.redirects.permalink}${r.redirects.keptWordpressPermalink ? " (WordPress's structure kept)" : ''}`,
  ];
  if (r.repairedCharacters) lines.push(`repaired: ${r.repairedCharacters} control characters XML forbids were read as spaces`);
  for (const w of r.withheld) lines.push(`  withheld (${w.reasons.join(', ')}), imported as draft: ${w.file} "${w.title}"`);
  // A large archive lifts thousands of bylines: the first ones here, all of them in content/wordpress/lifted.tsv.
  for (const l of r.lifted.slice(0, LIFTED_SHOWN)) lines.push(`  lifted from ${l.file}: "${l.text}"`);
  if (r.lifted.length > LIFTED_SHOWN) lines.push(`  … ${r.lifted.length - LIFTED_SHOWN} more lifted strings, every one in content/wordpress/lifted.tsv`);
  for (const f of r.editedFiles) lines.push(`  locally edited, left alone: ${f}`);
  for (const f of r.foreignFiles) lines.push(`  exists and was not written by the import, left alone: ${f}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
