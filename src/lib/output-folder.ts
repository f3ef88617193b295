/**
 * Keeping the output folder between builds.
 *
 * Astro empties its output folder at the start of every build; with incremental builds
 * it then copies every unchanged page back from its cache (16,000 files at 10,000
 * stories, ~14 s of a warm build). With `vite.build.emptyOutDir: false` it leaves a page
 * that is already there in place ("cached") — but it never deletes anything, so a removed
 * story's page, an old hashed script or a sitemap the site no longer needs would stay
 * online. These are the rules that make keeping the folder safe:
 *
 * - keep it only when the last build that wrote it finished and used the same cache
 *   (`OutputStamp`): a build that failed half way, or a build of other content into the
 *   same folder, leaves pages Astro's cache does not describe, so the folder is emptied;
 * - after the pages are written, delete every file the build neither wrote nor kept
 *   as a page (`pruneOutput`);
 * - before search reads article folders, delete the pages of stories that are gone
 *   (`stalePages`), or Pagefind would index them.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Written to the cache folder when a build finishes; read and deleted when the next one starts. */
export interface OutputStamp {
  /** The output folder (absolute). */
  outDir: string;
  /** A file every build rewrites (warta-articles.json), and what it looked like at the end of that build. */
  file: string;
  mtimeMs: number;
  size: number;
  /** When that build started: content files changed since were not in it. */
  startedAt: number;
}

/** The stamp for `file` as it is now (written by a build that started at `startedAt`), or undefined when it does not exist. */
export function stampOf(outDir: string, file: string, startedAt: number): OutputStamp | undefined {
  const stat = statOrUndefined(file);
  return stat && { outDir: path.resolve(outDir), file: path.resolve(file), mtimeMs: stat.mtimeMs, size: stat.size, startedAt };
}

/**
 * Whether the output folder still holds exactly what the stamped build left: same folder,
 * and the file it stamped untouched since (another build into this folder rewrites it).
 */
export function mayKeepOutput(stamp: OutputStamp | undefined, outDir: string): boolean {
  if (!stamp || path.resolve(outDir) !== stamp.outDir) return false;
  const now = stampOf(stamp.outDir, stamp.file, stamp.startedAt);
  return now !== undefined && now.mtimeMs === stamp.mtimeMs && now.size === stamp.size;
}

export function readStamp(file: string): OutputStamp | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<OutputStamp>;
    const valid = typeof value.outDir === 'string' && typeof value.file === 'string' && typeof value.mtimeMs === 'number' && typeof value.size === 'number' && typeof value.startedAt === 'number';
    return valid ? (value as OutputStamp) : undefined;
  } catch {
    return undefined;
  }
}

/** Empties `dir` but keeps the names in `keep` (Astro keeps `.git`, for sites deployed from a git checkout of the output). */
export function emptyFolder(dir: string, keep: ReadonlySet<string> = new Set(['.git'])): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!keep.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

export interface PruneOptions {
  /** Files this build kept in place (Astro's "cached" pages): old, but wanted. Absolute paths. */
  keep: ReadonlySet<string>;
  /** When this build started: files written since are this build's own. */
  since: number;
  /** Folders someone else owns and cleans (the search bundle, written while this runs). Absolute paths. */
  skip?: ReadonlySet<string>;
}

/**
 * Deletes every file under `dir` older than `since` that is not in `keep`, then the folders
 * left empty. Returns the deleted files (absolute paths).
 */
export function pruneOutput(dir: string, options: PruneOptions): string[] {
  const removed: string[] = [];
  const walk = (folder: string): boolean => {
    let empty = true;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (options.skip?.has(full) || entry.name === '.git') empty = false;
        else if (walk(full)) fs.rmdirSync(full);
        else empty = false;
        continue;
      }
      const stat = statOrUndefined(full);
      if (stat && stat.mtimeMs < options.since && !options.keep.has(full)) {
        fs.rmSync(full, { force: true });
        removed.push(full);
      } else empty = false;
    }
    return empty;
  };
  if (fs.existsSync(dir)) walk(dir);
  return removed;
}

/**
 * Files under `site` matching `glob` (article folders, e.g. `{2023,2024}/*\/*\/index.html`)
 * that are not the page of one of `pathnames` (`/2024/05/slug/`): pages of stories that
 * were removed or renamed since the kept build.
 */
export function stalePages(site: string, glob: string, pathnames: Iterable<string>): string[] {
  const wanted = new Set<string>();
  for (const pathname of pathnames) wanted.add(pageFolder(decodeURI(pathname)));
  return fs
    .globSync(glob, { cwd: site })
    .filter((file) => !wanted.has(pageFolder(decodeURI(file))))
    .map((file) => path.join(site, file));
}

/** Folder key of a page path or file: `/2026/06/slug/` and `2026/06/slug/index.html` → `2026/06/slug`. */
export function pageFolder(pathOrFile: string): string {
  return pathOrFile.replace(/\\/g, '/').replace(/\/index\.html$/, '').replace(/^\/+|\/+$/g, '');
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
