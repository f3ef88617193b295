import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFolder, mayKeepOutput, pruneOutput, readStamp, stampOf } from '../../../src/lib/output-folder.ts';

let dir: string;
const file = (relative: string, text = relative) => {
  const full = path.join(dir, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
};
/** Dates a file back, as if the previous build wrote it. */
const age = (full: string, msAgo = 60_000) => {
  const then = new Date(Date.now() - msAgo);
  fs.utimesSync(full, then, then);
  return full;
};
const tree = () => fs.globSync('**/*', { cwd: dir, withFileTypes: false }).map((f) => f.split(path.sep).join('/')).sort();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-output-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mayKeepOutput', () => {
  it('keeps the folder when the stamped file is as the finished build left it', () => {
    const list = file('client/warta-articles.json', '[]');
    expect(mayKeepOutput(stampOf(dir, list, 1_000), dir)).toBe(true);
  });

  it('empties a folder another build wrote since (the stamped file changed)', () => {
    const list = file('client/warta-articles.json', '[]');
    const stamp = stampOf(dir, list, 1_000);
    fs.writeFileSync(list, '[{"id":"other-site"}]');
    expect(mayKeepOutput(stamp, dir)).toBe(false);
  });

  it('empties the folder without a stamp (the last build failed or never finished), for another folder, or when the file is gone', () => {
    const list = file('client/warta-articles.json', '[]');
    const stamp = stampOf(dir, list, 1_000);
    expect(mayKeepOutput(undefined, dir)).toBe(false);
    expect(mayKeepOutput(stamp, path.join(dir, 'elsewhere'))).toBe(false);
    fs.rmSync(list);
    expect(mayKeepOutput(stamp, dir)).toBe(false);
  });

  it('reads a stamp back from its file and ignores a damaged one', () => {
    const stamp = stampOf(dir, file('client/warta-articles.json', '[]'), 1_000)!;
    fs.writeFileSync(path.join(dir, 'stamp.json'), JSON.stringify(stamp));
    expect(readStamp(path.join(dir, 'stamp.json'))).toEqual(stamp);
    fs.writeFileSync(path.join(dir, 'stamp.json'), '{"outDir": 3');
    expect(readStamp(path.join(dir, 'stamp.json'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'stamp.json'), '{"outDir": "/x"}');
    expect(readStamp(path.join(dir, 'stamp.json'))).toBeUndefined();
    expect(readStamp(path.join(dir, 'missing.json'))).toBeUndefined();
  });
});

describe('pruneOutput', () => {
  it('deletes what the last build wrote and this one did not, keeps pages left in place and this build’s files, and removes emptied folders', () => {
    const since = Date.now() - 1_000;
    const kept = age(file('client/2024/05/kept-story/index.html'));
    age(file('client/2024/05/removed-story/index.html'));
    age(file('client/_astro/old.1a2b3c.js'));
    age(file('server/chunks/old_9f8e.mjs'));
    age(file('client/sitemap-1.xml'));
    file('client/_astro/new.4d5e6f.js');
    file('client/2024/05/edited-story/index.html');
    const removed = pruneOutput(dir, { keep: new Set([kept]), since });
    expect(removed.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort()).toEqual([
      'client/2024/05/removed-story/index.html',
      'client/_astro/old.1a2b3c.js',
      'client/sitemap-1.xml',
      'server/chunks/old_9f8e.mjs',
    ]);
    expect(tree().filter((f) => f.endsWith('.html') || f.endsWith('.js') || f.endsWith('.mjs') || f.endsWith('.xml'))).toEqual([
      'client/2024/05/edited-story/index.html',
      'client/2024/05/kept-story/index.html',
      'client/_astro/new.4d5e6f.js',
    ]);
    expect(fs.existsSync(path.join(dir, 'client/2024/05/removed-story'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'server'))).toBe(false);
  });

  it('leaves folders it is told to skip, and .git, untouched', () => {
    const since = Date.now() - 1_000;
    age(file('client/pagefind/fragment/old.pf_fragment'));
    age(file('.git/HEAD'));
    expect(pruneOutput(dir, { keep: new Set(), since, skip: new Set([path.join(dir, 'client/pagefind')]) })).toEqual([]);
    expect(tree()).toContain('client/pagefind/fragment/old.pf_fragment');
    expect(fs.existsSync(path.join(dir, '.git/HEAD'))).toBe(true);
  });

  it('does nothing for a folder that does not exist', () => {
    expect(pruneOutput(path.join(dir, 'missing'), { keep: new Set(), since: Date.now() })).toEqual([]);
  });
});

describe('emptyFolder', () => {
  it('empties the folder as Astro does, keeping .git', () => {
    file('client/index.html');
    file('.git/HEAD');
    emptyFolder(dir);
    expect(fs.readdirSync(dir)).toEqual(['.git']);
    emptyFolder(path.join(dir, 'missing'));
  });
});
