import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dataStoreFromFile, SERVER_STORE } from '../../../src/integrations/data-store-from-file.ts';

const ID = '\0astro:data-layer-content';
const store = JSON.stringify([['Map', 1, 2], 'articles', { title: 'Banjir "besar" di Palembang – 5 Juli' }]);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-store-')), 'data-store.json');
fs.writeFileSync(file, store);
/** What Astro's content plugin generates for the module (vite-plugin-content-virtual-mod.js). */
const astroCode = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

interface Emitted {
  fileName: string;
  source: Uint8Array;
}

function transform(code: string, id = ID, environment = 'prerender') {
  const warnings: string[] = [];
  const emitted: Emitted[] = [];
  const plugin = dataStoreFromFile(file);
  const hook = plugin.transform as { handler: (this: unknown, code: string, id: string) => { code: string } | undefined };
  const context = { warn: (m: string) => warnings.push(m), environment: { name: environment }, emitFile: (f: Emitted) => emitted.push(f) };
  const result = hook.handler.call(context, code, id);
  return { result, warnings, emitted };
}

describe('dataStoreFromFile', () => {
  it('replaces the bundled store with a read of the same file, which yields the same data', async () => {
    const { result } = transform(astroCode(store));
    expect(result!.code).toContain(`readFileSync(${JSON.stringify(file)}, 'utf8')`);
    expect(result!.code).not.toContain('Palembang');
    const module = path.join(path.dirname(file), 'module.mjs');
    fs.writeFileSync(module, result!.code);
    expect((await import(module)).default).toEqual(JSON.parse(store));
  });

  it('leaves the module as Astro made it when the file holds something else, and says so', () => {
    const { result, warnings } = transform(astroCode(store.replace('besar', 'kecil')));
    expect(result).toBeUndefined();
    expect(warnings[0]).toMatch(/differs from .*data-store\.json/);
  });

  it('leaves other modules alone, and a store module of another shape too, with a warning', () => {
    expect(transform(astroCode(store), '\0astro:content')).toEqual({ result: undefined, warnings: [], emitted: [] });
    const other = transform('export default {"articles":[]}');
    expect(other.result).toBeUndefined();
    expect(other.warnings[0]).toMatch(/not the JSON\.parse of .*data-store\.json/);
  });

  it('gives the server bundle its own copy of the file, read from beside the server code, which yields the same data', async () => {
    const { result, emitted } = transform(astroCode(store), ID, 'ssr');
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

// Canary: the plugin leans on how Astro (7.3) bundles the content store. When an upgrade changes
// that, the plugin steps aside with a warning and builds slow down; this fails first, saying where.
describe('Astro’s content store module, as the installed Astro generates it', () => {
  const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const source = (file: string) => fs.readFileSync(path.join(astroDir, 'dist/content', file), 'utf8');

  it('still has the id the plugin filters on', () => {
    expect(source('consts.js')).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(source('consts.js')).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;');
  });

  it('is still the JSON.parse of the whole store file, the shape the plugin replaces', () => {
    expect(source('vite-plugin-content-virtual-mod.js')).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });
});
