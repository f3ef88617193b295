/**
 * A head start for the search index in warm builds.
 *
 * Pagefind cannot update an index: every build reads and writes all stories again, and in a
 * warm build at 10,000 stories that was the whole wall (~28 s after the last article page,
 * against ~13 s for everything Astro did). When the output folder of the last build is kept
 * (kept-output.ts), the pages of stories whose file has not changed since that build started
 * are already on disk, and most will not change. So Pagefind reads them from config:done on, while
 * Astro syncs content and builds its bundles, and after the last page only adds the new and
 * changed stories and writes.
 *
 * "Most will not change" is a guess, so it is checked: a page read early that Astro then
 * rewrites must index the same (`sameForSearch`: only the parts Pagefind reads are compared,
 * so a new related story or footer does not count). If one does not (a template or a site
 * setting changed, or a Baca-juga title inside a story), the early read is thrown away and
 * everything is read again, as without the head start. Astro never rewrites a page Pagefind
 * is still reading, nor writes one it could find: rendering waits for the read (`beforeRewrite`,
 * through `renderAfter`, which wraps Astro's own prerenderer).
 *
 * Measured at 2,000 stories, five alternating runs: a one-story edit built in 14.8–23.6 s with it
 * and 19.6–35.0 s without (docs/performance.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pageFolder } from '../lib/output-folder.ts';
import { sameForSearch } from '../lib/search-projection.ts';
import type { AstroPrerenderer } from 'astro';
import type { BundleWriter } from './pagefind-service.ts';

export interface HeadStartPlan {
  /** Folders (`2026/06/slug`) of kept pages to read now: published stories whose file is unchanged. */
  read: string[];
  /** Kept pages under the glob that must go first: changed, removed or unpublished stories, redirects (Astro renders or restores what it still needs). */
  remove: string[];
}

/**
 * @param kept folders of the pages under the article glob in the kept output
 * @param published the published stories now: their folder and whether their file changed since the last build started
 */
export function planHeadStart(kept: string[], published: { folder: string; changed: boolean }[]): HeadStartPlan {
  const unchanged = new Set(published.filter((p) => !p.changed).map((p) => p.folder));
  return { read: kept.filter((f) => unchanged.has(f)), remove: kept.filter((f) => !unchanged.has(f)) };
}

export type HeadStartResult = { ok: true; read: number; added: number } | { ok: false; reason: string };

export interface HeadStart {
  /**
   * Astro is about to render the page at this folder: for a page read early, notes its current
   * text (for the check in `finish`). Returns the promise to wait for before any page is written.
   */
  beforeRewrite(folder: string): Promise<void>;
  /** Settles when Pagefind has read the kept pages. Never rejects: a failure makes `finish` report it. */
  ready: Promise<void>;
  /**
   * Every page is on disk (`pathnames`: the published stories'). Checks the pages read early,
   * adds the others and writes; or, when a check fails, stops the service without writing
   * and says why (the caller then indexes everything again).
   */
  finish(pathnames: string[]): Promise<HeadStartResult>;
}

/**
 * Removes `plan.remove`, notes each page to read (size and time; its text is kept only if Astro
 * rewrites it), and has `writer` read them by `glob` (which, after the removals, matches
 * exactly `plan.read`).
 */
export function startHeadStart(site: string, glob: string, plan: HeadStartPlan, writer: Promise<BundleWriter>): HeadStart {
  const file = (folder: string) => path.join(site, folder, 'index.html');
  for (const folder of plan.remove) fs.rmSync(file(folder), { force: true });
  const readSet = new Set(plan.read);
  /** What each page read early looked like then; its text only once Astro is about to rewrite it (see `beforeRewrite`). */
  const before = new Map<string, { mtimeMs: number; size: number; html?: string }>();
  for (const folder of plan.read) {
    const stat = fs.statSync(file(folder));
    before.set(folder, { mtimeMs: stat.mtimeMs, size: stat.size });
  }
  let failure: unknown;
  const ready = writer.then((w) => w.add(glob)).catch((error: unknown) => {
    failure = error;
  });

  return {
    beforeRewrite(folder) {
      // Astro writes the page after rendering it, so the last build's text is still on disk here.
      const was = before.get(folder);
      if (was && was.html === undefined) {
        try {
          was.html = fs.readFileSync(file(folder), 'utf8');
        } catch {
          // Already gone (Astro replaced the folder): finish() notices and reads every page again.
        }
      }
      // Every page waits, not only those read early: Pagefind's glob would also find a new page written meanwhile.
      return ready;
    },
    ready,
    async finish(pathnames) {
      await ready;
      const w = await writer.catch(() => undefined);
      const stop = async (reason: string): Promise<HeadStartResult> => {
        await w?.discard();
        return { ok: false, reason };
      };
      if (failure || !w) return stop(`reading the kept pages failed: ${failure instanceof Error ? failure.message : String(failure)}`);
      for (const [folder, was] of before) {
        let stat: fs.Stats;
        try {
          stat = fs.statSync(file(folder));
        } catch {
          return stop(`${folder}/ was read early and is gone`);
        }
        if (stat.mtimeMs === was.mtimeMs && stat.size === was.size) continue;
        if (was.html === undefined || !sameForSearch(was.html, fs.readFileSync(file(folder), 'utf8'))) return stop(`${folder}/ changed for search since the last build`);
      }
      before.clear(); // the old pages' text is no longer needed
      // New and changed stories.
      const others = [...new Set(pathnames.map(pageFolder))].filter((folder) => !readSet.has(folder) && fs.existsSync(file(folder)));
      for (const folder of others) await w.addFile(`/${folder}/`, fs.readFileSync(file(folder), 'utf8'));
      await w.write();
      return { ok: true, read: readSet.size, added: others.length };
    },
  };
}

/**
 * Astro's own prerenderer (set through `setPrerenderer`), each page rendered only once the head
 * start lets it (`beforeRewrite`): the same pages, rendered by the same code, in the same order.
 */
export function renderAfter(base: AstroPrerenderer, head: Pick<HeadStart, 'beforeRewrite'>): AstroPrerenderer {
  return {
    name: `${base.name} (after the search head start)`,
    setup: base.setup && (() => base.setup!()),
    getStaticPaths: () => base.getStaticPaths(),
    render: (request, options) => head.beforeRewrite(pageFolder(decodeURI(new URL(request.url).pathname))).then(() => base.render(request, options)),
    collectStaticImages: base.collectStaticImages && (() => base.collectStaticImages!()),
    teardown: base.teardown && (() => base.teardown!()),
  };
}
