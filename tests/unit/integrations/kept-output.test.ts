import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptOutput } from '../../../src/integrations/kept-output.ts';
import { readStamp, stampOf } from '../../../src/lib/output-folder.ts';

let dir: string;
let outDir: string;
let stampFile: string;
let config: AstroConfig;
const logged: string[] = [];
const logger = { info: (message: string) => logged.push(message) } as unknown as AstroIntegrationLogger;

/** A finished build's output folder and the stamp it left. */
function lastBuild(): string {
  const list = path.join(outDir, 'client', 'warta-articles.json');
  fs.mkdirSync(path.dirname(list), { recursive: true });
  fs.writeFileSync(list, '[]');
  fs.writeFileSync(path.join(outDir, 'client', 'index.html'), '<h1>old</h1>');
  fs.writeFileSync(stampFile, JSON.stringify(stampOf(outDir, list, Date.now() - 60_000)));
  return list;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-kept-'));
  outDir = path.join(dir, 'dist');
  const cacheDir = path.join(dir, 'cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  stampFile = path.join(cacheDir, 'warta-output.json');
  config = { outDir: pathToFileURL(outDir + '/'), cacheDir: pathToFileURL(cacheDir + '/') } as unknown as AstroConfig;
  logged.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('keptOutput', () => {
  it('keeps a finished build’s folder, and deletes its stamp at config:done, before the build changes anything', () => {
    lastBuild();
    const output = keptOutput({});
    expect(output.setup('build')).toEqual({ build: { emptyOutDir: false } });
    output.configDone(config);
    expect(output.kept).toBeDefined();
    // A build stopped from here on must leave no stamp: the next one then empties the folder.
    expect(fs.existsSync(stampFile)).toBe(false);
    output.start(logger);
    expect(fs.existsSync(path.join(outDir, 'client', 'index.html'))).toBe(true);
    expect(logged).toContain('keeping the output folder of the last build: unchanged pages stay in place');
  });

  it('empties the folder at build:start when the last build left no stamp', () => {
    lastBuild();
    fs.rmSync(stampFile);
    const output = keptOutput({});
    output.setup('build');
    output.configDone(config);
    expect(output.kept).toBeUndefined();
    output.start(logger);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('writes the stamp only when sealed, with this build’s start', () => {
    const list = lastBuild();
    const output = keptOutput({});
    output.setup('build');
    const before = Date.now();
    output.configDone(config);
    output.start(logger);
    fs.writeFileSync(list, '[{"id":"a"}]');
    output.finish(path.join(outDir, 'client'), new Map(), list, logger);
    expect(fs.existsSync(stampFile)).toBe(false);
    output.seal();
    const stamp = readStamp(stampFile);
    expect(stamp?.file).toBe(list);
    expect(stamp?.startedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(stamp?.startedAt).toBeLessThanOrEqual(Date.now());
  });

  it('leaves the stamp and the folder alone outside builds and when WARTA_KEEP_OUTPUT=0', () => {
    lastBuild();
    for (const [env, command] of [[{}, 'dev'], [{ WARTA_KEEP_OUTPUT: '0' }, 'build']] as const) {
      const output = keptOutput(env);
      expect(output.setup(command)).toEqual({});
      output.configDone(config);
      output.start(logger);
      expect(output.kept).toBeUndefined();
      expect(fs.existsSync(stampFile)).toBe(true);
    }
  });
});
