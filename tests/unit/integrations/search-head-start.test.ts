import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { planHeadStart, renderAfter, startHeadStart } from '../../../src/integrations/search-head-start.ts';
import { pageFolder } from '../../../src/lib/output-folder.ts';
import type { BundleWriter } from '../../../src/integrations/pagefind-service.ts';

let site: string;
const GLOB = '2026/*/*/index.html';
const page = (body: string, related = 'Cerita lain') =>
  `<html lang="id"><body><div data-pagefind-body><p>${body}</p></div><section data-pagefind-ignore>${related}</section></body></html>`;
const write = (folder: string, html: string, msAgo = 0) => {
  const file = path.join(site, folder, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  if (msAgo) fs.utimesSync(file, new Date(Date.now() - msAgo), new Date(Date.now() - msAgo));
};
/** A Pagefind stand-in logging each call; `add` reads the files its glob matches, as Pagefind would. */
function fakeWriter(log: string[], options: { failAdd?: boolean } = {}): Promise<BundleWriter> {
  return Promise.resolve({
    add: async (glob) => {
      if (options.failAdd) throw new Error('service died');
      log.push(`add ${fs.globSync(glob, { cwd: site }).map(pageFolder).sort().join(' ')}`);
    },
    addFile: async (url) => void log.push(`addFile ${url}`),
    write: async () => void log.push('write'),
    discard: async () => void log.push('discard'),
  });
}

beforeEach(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-head-'));
});
afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

describe('planHeadStart', () => {
  it('reads the kept pages of published stories whose file is unchanged, and removes every other kept page', () => {
    const plan = planHeadStart(
      ['2026/06/same', '2026/06/edited', '2026/05/removed', '2026/05/old-alias'],
      [
        { folder: '2026/06/same', changed: false },
        { folder: '2026/06/edited', changed: true },
        { folder: '2026/06/new', changed: true },
      ],
    );
    expect(plan).toEqual({ read: ['2026/06/same'], remove: ['2026/06/edited', '2026/05/removed', '2026/05/old-alias'] });
  });
});

describe('startHeadStart', () => {
  const setUp = (log: string[], options?: { failAdd?: boolean }) => {
    write('2026/06/a', page('Banjir'), 60_000);
    write('2026/06/b', page('Kebakaran'), 60_000);
    write('2026/06/edited', page('Versi lama'), 60_000);
    return startHeadStart(site, GLOB, { read: ['2026/06/a', '2026/06/b'], remove: ['2026/06/edited'] }, fakeWriter(log, options));
  };

  it('reads the unchanged pages at once, then adds only the new and changed ones and writes', async () => {
    const log: string[] = [];
    const head = setUp(log);
    await head.ready;
    expect(log).toEqual(['add 2026/06/a 2026/06/b']);
    expect(fs.existsSync(path.join(site, '2026/06/edited/index.html'))).toBe(false);
    // Astro: renders the edited and a new story, rewrites b with a new related story (same for search).
    await head.beforeRewrite('2026/06/edited');
    await head.beforeRewrite('2026/06/b');
    write('2026/06/edited', page('Versi baru'));
    write('2026/06/new', page('Berita baru'));
    write('2026/06/b', page('Kebakaran', 'Berita baru'));
    const result = await head.finish(['/2026/06/a/', '/2026/06/b/', '/2026/06/edited/', '/2026/06/new/']);
    expect(result).toEqual({ ok: true, read: 2, added: 2 });
    expect(log).toEqual(['add 2026/06/a 2026/06/b', 'addFile /2026/06/edited/', 'addFile /2026/06/new/', 'write']);
  });

  it('throws the early read away, without writing, when a page read early now indexes differently', async () => {
    const log: string[] = [];
    const head = setUp(log);
    await head.beforeRewrite('2026/06/b');
    write('2026/06/b', page('Kebakaran hebat'));
    const result = await head.finish(['/2026/06/a/', '/2026/06/b/']);
    expect(result).toEqual({ ok: false, reason: '2026/06/b/ changed for search since the last build' });
    expect(log).toEqual(['add 2026/06/a 2026/06/b', 'discard']);
  });

  it('throws the early read away when a page read early was rewritten without notice', async () => {
    const log: string[] = [];
    const head = setUp(log);
    await head.ready;
    write('2026/06/a', page('Banjir', 'Lain'));
    expect(await head.finish(['/2026/06/a/', '/2026/06/b/'])).toEqual({ ok: false, reason: '2026/06/a/ changed for search since the last build' });
  });

  it('reports a failed early read instead of failing the render that waits for it', async () => {
    const log: string[] = [];
    const head = setUp(log, { failAdd: true });
    await expect(head.ready).resolves.toBeUndefined();
    const result = await head.finish(['/2026/06/a/']);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('service died') });
    expect(log).toEqual(['discard']);
  });
});

describe('renderAfter', () => {
  it('renders each page with Astro’s own prerenderer, only once the head start has let it', async () => {
    const events: string[] = [];
    let release!: () => void;
    const read = new Promise<void>((resolve) => (release = resolve)).then(() => void events.push('search read the kept pages'));
    const base: AstroPrerenderer = {
      name: 'default',
      getStaticPaths: async () => [],
      render: async (request) => {
        events.push(`render ${new URL(request.url).pathname}`);
        return new Response('<html></html>');
      },
    };
    const asked: string[] = [];
    const wrapped = renderAfter(base, { beforeRewrite: (folder) => (asked.push(folder), read) });
    const rendering = wrapped.render(new Request('http://localhost/2024/06/lama/'), {} as Parameters<AstroPrerenderer['render']>[1]);
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual([]);
    release();
    expect(await ((await rendering) as Response).text()).toBe('<html></html>');
    expect(events).toEqual(['search read the kept pages', 'render /2024/06/lama/']);
    expect(asked).toEqual(['2024/06/lama']);
  });
});
