import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const TOP = ['src', 'content', 'scripts', 'tests', 'docs', 'public', '.ci', '.github'];

/** Repository paths a document names in backticks (`src/lib/`, `scripts/bench.ts`), placeholders left out. */
function namedPaths(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const names = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!.replace(/[.,;:]+$/, ''));
  return [...new Set(names.filter((n) => TOP.some((top) => n.startsWith(`${top}/`)) && !/[<>*{}]|YYYY|\.\.\./.test(n)))];
}

describe.each(['ARCHITECTURE.md', 'README.md', 'CONTRIBUTING.md'])('%s', (file) => {
  const paths = namedPaths(file);

  it('names only paths that exist in the repository', () => {
    expect(paths.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  it('names every folder under src/', () => {
    const text = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
    const folders = fs.readdirSync(path.join(root, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `src/${d.name}/`);
    expect(folders.filter((f) => !text.includes(`\`${f}`))).toEqual([]);
  });
});
