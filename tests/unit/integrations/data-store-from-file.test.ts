import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentDataMeta, dataStoreFromFile, SERVER_STORE, storeIsOneFile } from '../../../src/integrations/data-store-from-file.ts';

const ID = '\0astro:data-layer-content';
const store = JSON.stringify([['Map', 1, 2], 'articles', { title: 'Banjir "besar" di Palembang – 5 Juli' }]);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-store-')), 'data-store.json');
fs.writeFileSync(file, store);

interface Emitted {
  fileName: string;
  source: Uint8Array;
}
interface Loaded {
  code: string;
  meta: unknown;
}

function load(id = ID, environment = 'prerender', storeFile = file) {
  const emitted: Emitted[] = [];
  const plugin = dataStoreFromFile(storeFile);
  const hook = plugin.load as { handler: (this: unknown, id: string) => Loaded | undefined };
  const context = { environment: { name: environment }, emitFile: (f: Emitted) => emitted.push(f) };
  const result = hook.handler.call(context, id);
  return { result, emitted, plugin };
}

describe('dataStoreFromFile', () => {
  it('answers the store module with a read of the store file, which yields the same data', async () => {
    const { result } = load();
    expect(result!.code).toContain(`const file = ${JSON.stringify(file)};`);
    expect(result!.code).not.toContain('Palembang');
    const module = path.join(path.dirname(file), 'module.mjs');
    fs.writeFileSync(module, result!.code);
    expect((await import(module)).default).toEqual(JSON.parse(store));
  });

  it('marks the module as content data, as Astro does, so the incremental build tracks content by its digest', () => {
    expect(load().result!.meta).toEqual(contentDataMeta());
    expect(load(ID, 'ssr').result!.meta).toEqual(contentDataMeta());
  });

  it('asks to load before other plugins, and says whether it answered for every bundle that reads content', () => {
    const { plugin } = load();
    expect((plugin.load as { order?: string }).order).toBe('pre');
    expect(plugin.readsFile()).toBe(true);
    expect(dataStoreFromFile(file).readsFile()).toBe(false);
    // With the archive, the server bundle reads content too.
    const server = dataStoreFromFile(file, { server: true });
    const hook = server.load as { handler: (this: unknown, id: string) => unknown };
    hook.handler.call({ environment: { name: 'prerender' } }, ID);
    expect(server.readsFile()).toBe(false);
    hook.handler.call({ environment: { name: 'ssr' }, emitFile: () => undefined }, ID);
    expect(server.readsFile()).toBe(true);
  });

  it('stops with the store file named when the store is not JSON', async () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-store-')), 'data-store.json');
    fs.writeFileSync(broken, '[["Map"');
    const { result } = load(ID, 'prerender', broken);
    const module = path.join(path.dirname(broken), 'module.mjs');
    fs.writeFileSync(module, result!.code);
    await expect(import(module)).rejects.toThrow(`[warta] could not read the content store ${broken}`);
  });

  it('is used only while the store is one file, not split by experimental.collectionStorage', () => {
    expect(storeIsOneFile(undefined)).toBe(true);
    expect(storeIsOneFile('single-file')).toBe(true);
    expect(storeIsOneFile('chunked')).toBe(false);
  });

  it('leaves other modules to Astro, and the store module too while no content has been synced', () => {
    expect(load('\0astro:content')).toMatchObject({ result: undefined, emitted: [] });
    const missing = load(ID, 'prerender', path.join(path.dirname(file), 'nothing-synced.json'));
    expect(missing.result).toBeUndefined();
    expect(missing.plugin.readsFile()).toBe(false);
  });

  it('gives the server bundle its own copy of the file, read from beside the server code, which yields the same data', async () => {
    const { result, emitted } = load(ID, 'ssr');
    expect(emitted.map((e) => e.fileName)).toEqual([SERVER_STORE]);
    expect(result!.code).not.toContain('Palembang');
    expect(result!.code).not.toContain(file);
    // As deployed: the store at the server folder's root, the chunk that reads it in chunks/.
    const server = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-server-'));
    fs.mkdirSync(path.join(server, 'chunks'));
    fs.writeFileSync(path.join(server, SERVER_STORE), emitted[0]!.source);
    fs.writeFileSync(path.join(server, 'chunks/store.mjs'), result!.code);
    expect((await import(path.join(server, 'chunks/store.mjs'))).default).toEqual(JSON.parse(store));
  });

  it('applies to the prerendered pages, to the server only when it renders content on request, never to the browser', () => {
    const applies = (options?: { server?: boolean }) => dataStoreFromFile(file, options).applyToEnvironment as (environment: { name: string }) => boolean;
    expect(applies()({ name: 'prerender' })).toBe(true);
    expect(applies()({ name: 'ssr' })).toBe(false);
    expect(applies({ server: true })({ name: 'ssr' })).toBe(true);
    expect(applies({ server: true })({ name: 'client' })).toBe(false);
  });
});

// Canary: the plugin answers for a module Astro (7.3) generates. When an upgrade changes what that
// module is, where its file lives or how the incremental build recognises it, this fails first,
// saying where (and the build warns when the plugin no longer answered: tests/site/build-log.test.ts).
describe('Astro’s content store module, as the installed Astro generates it', () => {
  const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const source = (file: string) => fs.readFileSync(path.join(astroDir, 'dist', file), 'utf8');

  it('still has the id the plugin answers for', () => {
    expect(source('content/consts.js')).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(source('content/consts.js')).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;');
  });

  it('is still the JSON.parse of the whole store file, which a build keeps as data-store.json in the cache folder', () => {
    expect(source('content/vite-plugin-content-virtual-mod.js')).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
    expect(source('content/vite-plugin-content-virtual-mod.js')).toContain('dataStoreFile = getDataStoreFile(settings, isDev);');
    expect(source('content/paths.js')).toContain('return new URL(DATA_STORE_FILE, isDev ? settings.dotAstroDir : settings.config.cacheDir);');
    expect(source('content/consts.js')).toContain('const DATA_STORE_FILE = "data-store.json";');
  });

  it('still carries the content-data marker the plugin copies', async () => {
    const metadata = (await import(pathToFileURL(path.join(astroDir, 'dist/core/build/incremental-metadata.js')).href)) as { createContentDataIncrementalMetadata(): unknown };
    expect(metadata.createContentDataIncrementalMetadata()).toEqual(contentDataMeta());
  });

  it('still keeps the store in that one file unless collectionStorage asks for chunks', () => {
    expect(source('content/paths.js')).toContain('if (storage === void 0 || storage === "single-file") {');
  });
});
