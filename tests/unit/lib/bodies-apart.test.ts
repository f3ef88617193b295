import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { BODIES_FOLDER, bodiesApart, keepBodiesApart, placeBodies, pruneBodies, withBody } from '../../../src/lib/bodies-apart.ts';

/**
 * A store with private state, as Astro's is (its methods work only when called on it), that
 * ignores an entry whose digest it already holds, as Astro's does.
 */
class Store {
  #entries = new Map<string, Record<string, unknown>>();
  set(entry: Record<string, unknown>): boolean {
    if (this.#entries.get(entry.id as string)?.digest === entry.digest) return false;
    this.#entries.set(entry.id as string, entry);
    return true;
  }
  get(id: string) {
    return this.#entries.get(id);
  }
  delete(id: string) {
    this.#entries.delete(id);
  }
  keys() {
    return [...this.#entries.keys()];
  }
}

const old = { id: 'jembatan dibuka', data: { title: 'Jembatan', date: new Date('2023-05-01T00:00:00Z') }, digest: 'a', rendered: { html: '<p>Jembatan dibuka lagi.</p>', metadata: { frontmatter: { readingTime: 2 }, imagePaths: [] } } };
const recent = { id: 'banjir', data: { title: 'Banjir', date: new Date('2024-02-01T00:00:00Z') }, digest: 'b', rendered: { html: '<p>Banjir surut.</p>', metadata: {} } };

/** What the store holds of a story whose body is kept apart: an empty body marked so. */
const keptApart = (entry: typeof old | typeof recent) => ({ ...entry, rendered: { html: '', metadata: { wartaKeptApart: true } } });

let cacheDir: string;
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bodies-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

/**
 * Runs a loader over `entries` as Astro's glob loader treats a file: an entry the store shows with
 * the same digest is left as it is; any other is rendered (here: given) and set.
 */
async function load(entries: Record<string, unknown>[], apart: boolean, store = new Store()) {
  const seen: string[] = [];
  const loader: Loader = {
    name: 'test',
    load: async ({ store: s }) => {
      for (const entry of entries) if (s.get(entry.id as string)?.digest !== entry.digest) s.set(entry as never);
      seen.push(...s.keys());
    },
  };
  await keepBodiesApart(loader, apart).load({ store, config: { cacheDir: pathToFileURL(cacheDir + path.sep) } } as unknown as LoaderContext);
  return { store, seen, dir: path.join(cacheDir, BODIES_FOLDER) };
}

describe('keeping stories’ bodies apart from the content store', () => {
  it('gives the store every story without its rendered body, and keeps each body in a file of its own', async () => {
    const { store, dir } = await load([old, recent], true);
    expect(store.get(old.id)).toEqual(keptApart(old));
    expect(store.get(recent.id)).toEqual(keptApart(recent));
    expect(JSON.parse(fs.readFileSync(path.join(dir, `${encodeURIComponent(old.id)}.json`), 'utf8'))).toEqual(old.rendered);
    expect(fs.readdirSync(dir).sort()).toEqual(['banjir.json', `${encodeURIComponent(old.id)}.json`]);
  });

  it('hands every other store method through to the store itself', async () => {
    const { seen } = await load([old, recent], true);
    expect(seen).toEqual([old.id, recent.id]);
  });

  it('keeps apart the body of a story the dev server left in the store, though its file is unchanged', async () => {
    const { store } = await load([old, recent], false);
    expect(store.get(old.id)).toEqual(old);
    const { dir } = await load([old, recent], true, store);
    expect(store.get(old.id)).toEqual(keptApart(old));
    expect(withBody(store.get(old.id) as typeof old, dir)).toEqual(old);
  });

  it('puts a kept body back in the store for the dev server, though its file is unchanged', async () => {
    const { store } = await load([old], true);
    await load([old], false, store);
    expect(store.get(old.id)).toEqual(old);
  });

  it('leaves an MDX story to Astro, which renders its module itself', async () => {
    const mdx = { id: 'wawancara', data: { date: new Date('2023-05-01T00:00:00Z') }, digest: 'm', deferredRender: true };
    const { store, dir } = await load([mdx], true);
    expect(store.get(mdx.id)).toEqual(mdx);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('changes nothing when bodies stay in the store', async () => {
    const { store } = await load([old], false);
    expect(store.get(old.id)).toEqual(old);
    expect(fs.existsSync(path.join(cacheDir, BODIES_FOLDER))).toBe(false);
  });

  it('puts the kept body back for rendering, and prefers the store’s own', async () => {
    const { store, dir } = await load([old, recent], true);
    expect(withBody(store.get(old.id) as typeof old, dir)).toEqual(old);
    expect(withBody(recent, '/nowhere')).toBe(recent);
    // A story Astro failed to render (it logs why): no body, and none kept apart.
    const failed = { id: 'rusak', data: {} };
    expect(withBody(failed, '/nowhere')).toBe(failed);
  });

  it('leaves a story Astro failed to render as it is, with no file, sync after sync', async () => {
    const failed = { ...old, rendered: undefined };
    const { store, dir } = await load([failed], true);
    expect(store.get(old.id)).toEqual(failed);
    expect(fs.existsSync(dir)).toBe(false);
    // The next sync: the same file, so the loader keeps what the store shows.
    const again = await load([failed], true, store);
    expect(again.store.get(old.id)).toEqual(failed);
  });

  it('removes the kept file once the body is back in the store', async () => {
    const { store, dir } = await load([old], true);
    await load([old], false, store);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('names the story, the missing file and the fix when a kept body is gone', async () => {
    const { store, dir } = await load([old], true);
    fs.rmSync(dir, { recursive: true });
    expect(() => withBody(store.get(old.id) as typeof old, dir)).toThrow(
      `[warta] the rendered body of story "jembatan dibuka" is missing (${path.join(dir, 'jembatan%20dibuka.json')}); delete Astro's cache folder (node_modules/.astro, or WARTA_CACHE_DIR) and build again`,
    );
  });

  it('says what to do in the place it is read, such as the deployed server', async () => {
    const { store } = await load([old], true);
    expect(() => withBody(store.get(old.id) as typeof old, '/srv/dist/server/warta-bodies', 'deploy the whole dist/server/ folder again')).toThrow(
      '[warta] the rendered body of story "jembatan dibuka" is missing (/srv/dist/server/warta-bodies/jembatan%20dibuka.json); deploy the whole dist/server/ folder again',
    );
  });

  it('keeps bodies apart only when the build says so', () => {
    expect(bodiesApart({ WARTA_BODIES_APART: '1' })).toBe(true);
    expect(bodiesApart({})).toBe(false);
    expect(bodiesApart({ WARTA_BODIES_APART: '0' })).toBe(false);
  });
});

describe('placing the bodies beside the server', () => {
  it('places the listed stories’ bodies, skips a story with none kept apart (an MDX one), and removes what was there', async () => {
    const mdx = { id: 'wawancara', data: {}, digest: 'm', deferredRender: true };
    const { dir } = await load([old, recent, mdx], true);
    const server = path.join(cacheDir, 'server', BODIES_FOLDER);
    fs.mkdirSync(server, { recursive: true });
    fs.writeFileSync(path.join(server, 'dihapus.json'), '{}');
    expect(placeBodies(dir, server, [old.id, mdx.id])).toBe(1);
    expect(fs.readdirSync(server)).toEqual([`${encodeURIComponent(old.id)}.json`]);
    expect(withBody(keptApart(old), server)).toEqual(old);
  });

  it('leaves a body already in place, and replaces the body of a story that changed', async () => {
    const { store, dir } = await load([old], true);
    const server = path.join(cacheDir, 'server', BODIES_FOLDER);
    placeBodies(dir, server, [old.id]);
    const target = path.join(server, `${encodeURIComponent(old.id)}.json`);
    const first = fs.statSync(target).ino;
    expect(placeBodies(dir, server, [old.id])).toBe(1);
    expect(fs.statSync(target).ino).toBe(first);
    const corrected = { ...old, digest: 'a2', rendered: { html: '<p>Jembatan dibuka lagi, kata dinas.</p>', metadata: {} } };
    await load([corrected], true, store);
    placeBodies(dir, server, [old.id]);
    expect(withBody(keptApart(old), server).rendered).toEqual(corrected.rendered);
  });

  it('copies bodies to a server folder on another file system, where a link cannot go, and leaves unchanged copies alone', async () => {
    // Twenty stories: a copy whose time came back a hair under the millisecond was made again for about one in two.
    const stories = Array.from({ length: 20 }, (_, n) => ({ ...old, id: `jembatan ${n}`, rendered: { ...old.rendered, html: `<p>Jembatan ${n} dibuka lagi.</p>` } }));
    const ids = stories.map((s) => s.id);
    const { store, dir } = await load(stories, true);
    // /dev/shm is a tmpfs, the cache folder is on disk: linking across them fails with EXDEV.
    const shm = fs.mkdtempSync('/dev/shm/warta-bodies-');
    try {
      expect(fs.statSync(shm).dev, 'the test needs /dev/shm on a file system of its own').not.toBe(fs.statSync(dir).dev);
      const server = path.join(shm, BODIES_FOLDER);
      expect(placeBodies(dir, server, ids)).toBe(20);
      const fileOf = (folder: string, id: string) => path.join(folder, `${encodeURIComponent(id)}.json`);
      expect(withBody(keptApart(stories[7]!), server)).toEqual(stories[7]);
      const copies = ids.map((id) => fs.statSync(fileOf(server, id)));
      expect(copies.map((c, n) => c.ino === fs.statSync(fileOf(dir, ids[n]!)).ino)).not.toContain(true);
      placeBodies(dir, server, ids);
      // Not copied again: each the same file (a new copy would have a new inode), unchanged since.
      expect(ids.map((id) => `${fs.statSync(fileOf(server, id)).ino}@${fs.statSync(fileOf(server, id)).ctimeMs}`)).toEqual(copies.map((c) => `${c.ino}@${c.ctimeMs}`));
      const corrected = { ...stories[7]!, digest: 'a2', rendered: { html: '<p>Jembatan dibuka lagi, kata dinas.</p>', metadata: {} } };
      await load([...stories.slice(0, 7), corrected, ...stories.slice(8)], true, store);
      placeBodies(dir, server, ids);
      expect(withBody(keptApart(stories[7]!), server).rendered).toEqual(corrected.rendered);
    } finally {
      fs.rmSync(shm, { recursive: true, force: true });
    }
  });

  it('removes the copy of a body that went back into the store', async () => {
    const { store, dir } = await load([old], true);
    const server = path.join(cacheDir, 'server', BODIES_FOLDER);
    placeBodies(dir, server, [old.id]);
    await load([old], false, store);
    expect(placeBodies(dir, server, [old.id])).toBe(0);
    expect(fs.readdirSync(server)).toEqual([]);
  });

  it('removes the bodies of stories that no longer exist, and keeps the others', async () => {
    const { dir } = await load([old, recent], true);
    expect(pruneBodies(dir, new Set([old.id]))).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([`${encodeURIComponent(old.id)}.json`]);
  });
});
