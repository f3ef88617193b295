/**
 * Stories' rendered bodies, kept in files of their own beside Astro's content store.
 *
 * Astro's glob loader keeps every story's rendered HTML in the content store, which Astro
 * serialises into one string on every sync, the build reads whole, and the server carries. That
 * store grows with the whole archive: 61 MB at 10,000 stories, past V8's largest string
 * (2^29 − 24 characters) well before 200,000. So in builds the loader hands a story's rendered
 * body (`rendered`: HTML and the remark plugins' frontmatter) to a file named by its id, and gives
 * the store the rest of the entry, which listings, feeds, sitemaps and the catalog read, with an
 * empty body marked as kept apart. Whatever renders a story's body reads the entry through
 * `withBody`, which puts the file's body back.
 *
 * The file is written whenever Astro renders the story (a new or changed file; an unchanged one
 * keeps its store entry and its file), before the store takes the entry, so a store entry marked
 * as kept apart always has a file with it. The server renders only the archive's stories, so only
 * their files are placed beside it (`placeBodies`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { writeWhole } from './cache-files.ts';

/** The folder in Astro's cache folder, and in the server output, that holds the bodies. */
export const BODIES_FOLDER = 'warta-bodies';

/**
 * Set to `1` by builds (and `astro sync`) for the content sync: every story keeps its body apart.
 * Unset (the dev server): bodies stay in the store, as Astro keeps them.
 */
export const BODIES_APART = 'WARTA_BODIES_APART';

/** Whether the content sync in this process keeps bodies apart (`BODIES_APART`). */
export const bodiesApart = (env: NodeJS.ProcessEnv): boolean => env[BODIES_APART] === '1';

/**
 * The store's `rendered` for an entry whose body is kept apart: an empty body that says so, so a
 * body kept apart is told from one Astro failed to render (which it logs, and leaves undefined).
 */
const KEPT_APART = 'wartaKeptApart';
const keptApartStub = { html: '', metadata: { [KEPT_APART]: true } };

/** What a story's body is rendered from: Astro's `rendered` field of a store entry. */
export interface RenderedBody {
  html: string;
  metadata?: Record<string, unknown>;
}

interface StoreEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: RenderedBody;
  deferredRender?: boolean;
  [key: string]: unknown;
}

/** The bodies' folder in a folder Astro names by URL: its cache folder, or the server output. */
export const bodiesIn = (folder: URL) => path.join(fileURLToPath(folder), BODIES_FOLDER);

const fileOf = (dir: string, id: string) => path.join(dir, `${encodeURIComponent(id)}.json`);

/**
 * Wraps a loader so that, when `apart`, the store it fills keeps no story's rendered body: that
 * body goes to `<cacheDir>/warta-bodies/<id>.json`. The dev server and builds share Astro's cache,
 * so a store entry may hold its body the other way: the loader is shown no entry for such a story,
 * as for a new file, and it is rendered again, so the store entry and the file always agree with
 * `apart`.
 */
export function keepBodiesApart(loader: Loader, apart: boolean): Loader {
  return {
    ...loader,
    load: (context) => {
      const dir = bodiesIn(context.config.cacheDir);
      const own = context.store as unknown as { get(id: string): StoreEntry | undefined; set(entry: StoreEntry): boolean; delete(id: string): void };
      // An MDX story is rendered from its module, not the store, so there is nothing to keep apart;
      // an entry Astro failed to render has no body either way.
      const kept = (entry: StoreEntry) => apart && entry.rendered !== undefined && !entry.deferredRender;
      const misplaced = (entry: StoreEntry) => entry.rendered !== undefined && bodyKeptApart(entry) !== kept(entry);
      const get = (id: string) => {
        const entry = own.get(id);
        return entry && misplaced(entry) ? undefined : entry;
      };
      const set = (entry: StoreEntry) => {
        // The store ignores an entry with an unchanged digest: one kept the other way replaces it.
        const existing = own.get(entry.id);
        if (existing && existing.digest === entry.digest && misplaced(existing)) own.delete(entry.id);
        if (!kept(entry)) {
          // A file exists only for a body kept apart.
          fs.rmSync(fileOf(dir, entry.id), { force: true });
          return own.set(entry);
        }
        writeBody(dir, entry.id, entry.rendered!);
        return own.set({ ...entry, rendered: keptApartStub });
      };
      // Every other method is the store's own, called on the store.
      const store = new Proxy(context.store, {
        get: (target, name) => {
          if (name === 'set') return set;
          if (name === 'get') return get;
          const value = Reflect.get(target, name, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return loader.load({ ...context, store });
    },
  };
}

function writeBody(dir: string, id: string, body: RenderedBody): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = fileOf(dir, id);
  // Whole or not at all: a build stopped mid-write must not leave half a story for the next one.
  writeWhole(file, JSON.stringify(body));
}

/** Whether an entry's body was kept apart (its store entry holds the empty body that says so). */
export function bodyKeptApart(entry: { rendered?: { metadata?: Record<string, unknown> } }): boolean {
  return entry.rendered?.metadata?.[KEPT_APART] === true;
}

/**
 * The entry with its rendered body: the store's own, or the one kept apart in `dir`. `fix` says
 * what to do when the file is missing (the cache folder, or a deployed server folder, lost it).
 */
export function withBody<E extends { id: string; rendered?: RenderedBody }>(entry: E, dir: string, fix = "delete Astro's cache folder (node_modules/.astro, or WARTA_CACHE_DIR) and build again"): E {
  if (!bodyKeptApart(entry)) return entry;
  const file = fileOf(dir, entry.id);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`[warta] the rendered body of story "${entry.id}" is missing (${file}); ${fix}`);
  }
  return { ...entry, rendered: JSON.parse(text) as RenderedBody };
}

/**
 * Puts the bodies of `ids` into `to` (the server output), by hard link where the two folders share
 * a file system, else by copy, and removes any other file there. A body already in place (the same
 * file, or a copy of the same size and time) stays: a warm build touches only changed stories'.
 * Ids without a file (an MDX story, or one Astro failed to render) are skipped. Returns how many are in place.
 */
export function placeBodies(from: string, to: string, ids: Iterable<string>): number {
  fs.mkdirSync(to, { recursive: true });
  const stale = new Set(fs.readdirSync(to));
  let placed = 0;
  for (const id of ids) {
    const source = fileOf(from, id);
    const target = fileOf(to, id);
    const sourceStat = fs.statSync(source, { throwIfNoEntry: false });
    // No body kept apart for this story: a copy beside the server is stale and goes below.
    if (!sourceStat) continue;
    const had = stale.delete(path.basename(target));
    placed++;
    if (had) {
      const targetStat = fs.statSync(target, { throwIfNoEntry: false });
      // The same file (a link), or a copy with the source's size and time. Setting a time keeps whole
      // milliseconds, passed as seconds in a double: it can come back a hair under the millisecond
      // (…122.9999 for …123), so the times are compared to within one.
      const linked = targetStat && targetStat.dev === sourceStat.dev && targetStat.ino === sourceStat.ino;
      const copied = targetStat && targetStat.size === sourceStat.size && Math.abs(targetStat.mtimeMs - sourceStat.mtimeMs) < 1;
      if (linked || copied) continue;
      fs.rmSync(target, { force: true });
    }
    try {
      fs.linkSync(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM') throw error;
      fs.copyFileSync(source, target);
      fs.utimesSync(target, sourceStat.atime, sourceStat.mtime);
    }
  }
  for (const name of stale) fs.rmSync(path.join(to, name), { recursive: true, force: true });
  return placed;
}

/** Removes the bodies of stories that no longer exist (`keep`: every story's id). */
export function pruneBodies(dir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const id = name.endsWith('.json') ? decodeURIComponent(name.slice(0, -'.json'.length)) : undefined;
    if (id !== undefined && keep.has(id)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
