/**
 * Keeps the output folder of the last build instead of letting Astro empty it, so a warm
 * build leaves its unchanged pages where they are rather than copying them back from
 * Astro's cache; then deletes what this build did not write. The rules are in
 * `lib/output-folder.ts`. Called from the warta integration's hooks (it owns
 * `warta-articles.json`, the file the stamp watches); `WARTA_KEEP_OUTPUT=0` turns it off.
 *
 * It relies on undocumented Astro behaviour (7.3): with Vite's `emptyOutDir` off, a page the
 * incremental build would restore is left in place ("cached") and listed in build:done's
 * `assets`. This must move in lockstep with Astro; its canary is the warm build in
 * tests/site/incremental-build.test.ts ("leaves unchanged pages in the kept output folder").
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { switchFromEnv } from '../lib/build-env.ts';
import { emptyFolder, mayKeepOutput, pruneOutput, readStamp, stampOf, type OutputStamp } from '../lib/output-folder.ts';

export interface KeptOutput {
  /** At config:setup: the Vite settings for `updateConfig` (in a build, Astro must not empty the folder itself). */
  setup(command: string): { build?: { emptyOutDir: false } };
  /** At config:done: decides whether the folder is kept and deletes the stamp (a build that stops half way leaves none). */
  configDone(config: AstroConfig): void;
  /** At build:start: keep the folder if the stamp allowed it, else empty it as Astro would. */
  start(logger: AstroIntegrationLogger): void;
  /** From config:done: the last build's stamp when its output folder is kept, else undefined. */
  readonly kept: OutputStamp | undefined;
  /**
   * At build:done, once `stampedFile` is written: prune. `dir` is the static site, `assets` Astro's
   * page files, `managed` folders other parts of the build keep up to date themselves.
   */
  finish(dir: string, assets: Map<string, URL[]>, stampedFile: string, logger: AstroIntegrationLogger, managed?: string[]): void;
  /**
   * Writes the stamp that lets the next build keep the folder. Called once the search bundle is
   * written and checked, the last part of the folder a build completes: a folder is kept only
   * when all of it is.
   */
  seal(): void;
}

export function keptOutput(env: NodeJS.ProcessEnv): KeptOutput {
  let enabled = false;
  let outDir = '';
  let stampFile = '';
  let since = 0;
  let kept: OutputStamp | undefined;
  /** The stamp `seal` writes, taken when the warta integration has written its list. */
  let sealed: OutputStamp | undefined;
  return {
    get kept() {
      return kept;
    },
    setup(command) {
      enabled = command === 'build' && switchFromEnv(env, 'WARTA_KEEP_OUTPUT', true, { on: 'keep unchanged pages in the output folder, the default', off: 'empty it on every build' });
      return enabled ? { build: { emptyOutDir: false } } : {};
    },
    configDone(config) {
      outDir = fileURLToPath(config.outDir);
      stampFile = fileURLToPath(new URL('warta-output.json', config.cacheDir));
      const stamp = enabled ? readStamp(stampFile) : undefined;
      kept = mayKeepOutput(stamp, outDir) ? stamp : undefined;
      sealed = undefined;
      if (!enabled) return;
      // This counts as the build's start: content files changed since are not in it. A file's
      // mtime comes from the kernel's coarser clock and can read a few milliseconds earlier than
      // Date.now() at the moment it was written; a second's margin keeps a file this build wrote
      // from looking older than the build (and being pruned), at worst keeping a stale one longer.
      since = Date.now() - 1000;
      // Gone until this build finishes: if it fails half way, the next build starts from an empty folder.
      fs.rmSync(stampFile, { force: true });
    },
    start(logger) {
      if (!enabled) return;
      if (kept) {
        logger.info('keeping the output folder of the last build: unchanged pages stay in place');
      } else {
        emptyFolder(outDir);
      }
    },
    finish(dir, assets, stampedFile, logger, managed = []) {
      if (!enabled) return;
      const keep = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
      // Search replaces its bundle whole after this.
      const removed = pruneOutput(outDir, { keep, since, skip: new Set([path.join(dir, 'pagefind'), ...managed.map((m) => path.resolve(m))]) });
      if (removed.length > 0) logger.info(`removed ${removed.length} files this build no longer writes from the output folder`);
      sealed = stampOf(outDir, stampedFile, since);
    },
    seal() {
      if (!sealed) return;
      fs.mkdirSync(path.dirname(stampFile), { recursive: true });
      fs.writeFileSync(stampFile, JSON.stringify(sealed));
      sealed = undefined;
    },
  };
}
