/**
 * `npm run import:wordpress -- <export.xml> [--uploads <dir>] [--dry-run] [--content <dir>] [--public <dir>] [--no-comments]`
 *
 * Imports a WordPress export (WXR) into Warta content, and its comments and view
 * counts into the comment store (DATABASE_URL or WARTA_DB_PATH, as the server).
 * The work is in src/server/import/wordpress-import.ts; this file parses arguments and
 * prints progress and the summary.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importWordpress, type ImportReport } from '../src/server/import/wordpress-import.ts';
import { WxrSyntaxError } from '../src/lib/wordpress/wxr-reader.ts';
import { contentDir } from '../src/lib/site-config.ts';
import { loadSettings, SettingsError } from '../src/server/settings.ts';
import { openStorage } from '../src/server/storage/open-storage.ts';
import type { Storage } from '../src/server/storage/storage.ts';

const USAGE = 'usage: npm run import:wordpress -- <export.xml> [--uploads <wp-content/uploads>] [--dry-run] [--content <dir>] [--public <dir>] [--no-comments]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      uploads: { type: 'string' },
      content: { type: 'string' },
      public: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'no-comments': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`import-wordpress: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const file = path.resolve(args.positionals[0]!);
const dryRun = args.values['dry-run'];
const started = Date.now();
const tty = process.stderr.isTTY;
let lastDraw = 0;
const progress = ({ phase, done, total }: { phase: string; done: number; total: number }) => {
  if (!tty) return;
  const now = Date.now();
  if (now - lastDraw < 100) return;
  lastDraw = now;
  const seconds = ((now - started) / 1000).toFixed(1);
  const count = total ? `${done}/${total} posts` : `${done} items`;
  process.stderr.write(`\r${phase === 'reading' ? 'reading  ' : 'importing'} ${count} · ${seconds} s   `);
};

let storage: Storage | undefined;
try {
  if (!dryRun && !args.values['no-comments']) {
    // The store needs no secret for an import; a placeholder keeps the one settings schema usable.
    const settings = loadSettings({ WARTA_SECRET: 'import-does-not-use-the-secret-0000', ...process.env });
    storage = await openStorage(settings);
  }
  const report = await importWordpress({
    file,
    contentDir: args.values.content ? path.resolve(args.values.content) : contentDir(),
    publicDir: args.values.public ? path.resolve(args.values.public) : undefined,
    uploadsDir: args.values.uploads ? path.resolve(args.values.uploads) : undefined,
    dryRun,
    storage,
    onProgress: progress,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(summary(report, (Date.now() - started) / 1000));
} catch (error) {
  if (tty) process.stderr.write('\r\x1b[K');
  if (error instanceof WxrSyntaxError) console.error(`import-wordpress: the export is not well-formed XML, nothing was written:\n  ${error.message}`);
  else if (error instanceof SettingsError) console.error(error.message);
  else console.error(`import-wordpress: ${error instanceof Error ? error.message : String(error)}\nNothing was written.`);
  process.exitCode = 1;
} finally {
  await storage?.close();
}

function summary(r: ImportReport, seconds: number): string {
  const c = (x: ImportReport['articles']) => `${x.new} new, ${x.changed} changed, ${x.unchanged} unchanged, ${x.edited} locally edited (left alone)${x.foreign ? `, ${x.foreign} clashing with existing files (left alone)` : ''}${x.deleted ? `, ${x.deleted} deleted locally (left deleted)` : ''}`;
  const top = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `[${k}] ×${v}`).join(', ') || 'none';
  const p = r.patterns;
  const lines = [
    `${r.dryRun ? 'Dry run (nothing written)' : 'WordPress import'} in ${seconds.toFixed(1)} s`,
    `articles: ${c(r.articles)}`,
    `pages: ${c(r.pages)}`,
    `other files: ${c(r.otherFiles)}`,
    `posts: ${r.posts.total} (${r.posts.published} published, ${r.posts.scheduled} scheduled, ${r.posts.drafts} drafts); skipped ${r.posts.trashed} trashed, ${r.posts.autoDrafts} auto-drafts, ${r.posts.otherTypes} other items`,
    `bylines: dateline ${p.dateline}/${p.dateline + p.locationFromDefault}, reporter code ${p.reporter} (author used for ${p.reporterFromAuthor}), editor line ${p.editor} (fallback for ${p.editorFromFallback})`,
    `created: ${r.created.people.length} people, ${r.created.categories.length} categories, ${r.created.locations.length} locations`,
    `comments: ${r.comments.approved} approved, ${r.comments.pending} pending, ${r.comments.spam} spam, ${r.comments.rejected} trashed; ${r.comments.pingbacks} pingbacks skipped; ${r.dryRun ? 'not stored (dry run)' : `${r.comments.stored} new in the store`}`,
    `view counts: ${r.views} articles`,
    `embeds: ${Object.entries(r.embeds).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}; images: ${r.images.body} in bodies, ${r.images.covers} covers, ${r.images.copied} copied from uploads${r.images.coversWithoutSize ? `, ${r.images.coversWithoutSize} covers dropped (size unknown; pass --uploads)` : ''}`,
    `shortcodes: converted ${top(r.shortcodes.handled)}; dropped ${top(r.shortcodes.dropped)}; unwrapped ${top(r.shortcodes.unwrapped)}; unknown, left as text ${top(r.shortcodes.unknown)}`,
    `redirects: ${r.redirects.paths} old paths, ${r.redirects.shortLinks} ?p= links; permalink ${r.redirects.permalink}${r.redirects.keptWordpressPermalink ? " (WordPress's structure kept)" : ''}`,
  ];
  for (const f of r.editedFiles) lines.push(`  locally edited, left alone: ${f}`);
  for (const f of r.foreignFiles) lines.push(`  exists and was not written by the import, left alone: ${f}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
