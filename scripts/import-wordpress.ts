/**
 * `npm run import:wordpress -- <export.xml> [--uploads <dir>] [--dry-run] [--content <dir>] [--public <dir>] [--no-comments]`
 *
 * Imports a WordPress export (WXR) into Warta content, and its comments and view
 * counts into the comment store (DATABASE_URL or WARTA_DB_PATH, as the server).
 * The import is src/wordpress/; this file parses arguments, wires the store in and prints.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importWordpress } from '../src/wordpress/import-wordpress.ts';
import { summary } from '../src/wordpress/report.ts';
import { WxrInputError, WxrSyntaxError } from '../src/wordpress/read/wxr-reader.ts';
import { contentDir } from '../src/lib/site-config.ts';
import { loadSettings, SettingsError } from '../src/server/settings.ts';
import { openStorage } from '../src/server/storage/open-storage.ts';
import { storeFor } from './wordpress-store.ts';
import type { Storage } from '../src/server/storage/storage.ts';

const USAGE = 'usage: npm run import:wordpress -- <export.xml> [--uploads <wp-content/uploads>] [--dry-run] [--content <dir>] [--public <dir>] [--no-comments]';
const options = { uploads: { type: 'string' }, content: { type: 'string' }, public: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'no-comments': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } as const;
let args: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
  args = parseArgs({ allowPositionals: true, options });
} catch (error) {
  console.error(`import-wordpress: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const started = Date.now();
const tty = process.stderr.isTTY;
let lastDraw = 0;
const progress = ({ phase, done, total }: { phase: string; done: number; total: number }) => {
  if (!tty || Date.now() - lastDraw < 100) return;
  lastDraw = Date.now();
  process.stderr.write(`\r${phase === 'reading' ? 'reading  ' : 'importing'} ${total ? `${done}/${total} posts` : `${done} items`} · ${((lastDraw - started) / 1000).toFixed(1)} s   `);
};

let storage: Storage | undefined;
try {
  if (!args.values['dry-run'] && !args.values['no-comments']) {
    // The store needs no secret for an import; a placeholder keeps the one settings schema usable.
    storage = await openStorage(loadSettings({ WARTA_SECRET: 'import-does-not-use-the-secret-0000', ...process.env }));
  }
  const report = await importWordpress({
    file: path.resolve(args.positionals[0]!),
    contentDir: args.values.content ? path.resolve(args.values.content) : contentDir(),
    publicDir: args.values.public ? path.resolve(args.values.public) : undefined,
    uploadsDir: args.values.uploads ? path.resolve(args.values.uploads) : undefined,
    dryRun: args.values['dry-run'],
    store: storage && storeFor(storage),
    onProgress: progress,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(summary(report, (Date.now() - started) / 1000));
} catch (error) {
  if (tty) process.stderr.write('\r\x1b[K');
  if (error instanceof WxrSyntaxError) console.error(`import-wordpress: the export is not well-formed XML, nothing was written:\n  ${error.message}`);
  else if (error instanceof WxrInputError) console.error(`import-wordpress: not a WordPress export, nothing was written:\n  ${error.message}`);
  else if (error instanceof SettingsError) console.error(error.message);
  else console.error(`import-wordpress: ${error instanceof Error ? error.message : String(error)}\nNothing was written.`);
  process.exitCode = 1;
} finally {
  await storage?.close();
}
