import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../../src/lib/content-check.ts';
import { formatProblem } from '../../../src/lib/content-problems.ts';
import { checkEntry, type CheckSources } from '../../../src/editor/check.ts';

/*
 * Check-on-save: for each story, the editor's check and `npm run check` (loadContent on a
 * content folder holding that story as the editor writes it) must refuse the same things
 * with the same messages.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const demo = loadContent(path.join(root, 'content'), root);
const sources: CheckSources = {
  locale: 'id',
  timeZone: demo.site.timeZone,
  people: [...demo.people.keys()],
  categories: [...demo.categories.keys()],
  locations: [...demo.locations.keys()],
};

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-editor-check-'));
fs.cpSync(path.join(root, 'content'), scratch, { recursive: true, filter: (src) => !src.includes(`${path.sep}articles`) && !src.includes(`${path.sep}pages`) });
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const FILE = 'articles/2026/12/banjir-kertapati.md';
const valid = {
  title: 'Banjir Rendam Kertapati',
  date: '2026-12-06T09:30:00+07:00',
  location: 'palembang',
  reporter: ['bolok'],
  editor: 'mastari',
  category: 'peristiwa',
  body: 'Hujan deras sejak pagi merendam puluhan rumah di Kertapati.\n',
};

/** What `npm run check` says about the story, without the file:line prefix the editor cannot show. */
function checkCliMessages(entry: Record<string, unknown>): string[] {
  const { body, ...frontmatter } = entry;
  const abs = path.join(scratch, FILE);
  fs.rmSync(path.join(scratch, 'articles'), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, `---\n${yaml.dump(frontmatter)}---\n${body ?? ''}`);
  const index = loadContent(scratch, scratch);
  return index.problems
    .filter((p) => p.severity === 'error' && p.key !== 'error.imageMissing')
    .map((p) => formatProblem({ ...p, line: undefined }, 'id'));
}

const cases: Array<[string, Record<string, unknown>]> = [
  ['a story without a reporter', { ...valid, reporter: undefined }],
  ['an unknown location', { ...valid, location: 'plembang' }],
  ['a date without an offset', { ...valid, date: '2026-12-06T09:30:00' }],
  ['a photo without alt text', { ...valid, cover: { src: './banjir.jpg' } }],
  ['an unknown editor and an empty headline', { ...valid, editor: 'nobody', title: '' }],
  ['a search headline over 110 characters', { ...valid, seoTitle: 'x'.repeat(111) }],
];

describe('the editor refuses what npm run check refuses, in the same words', () => {
  test.each(cases)('%s', (_name, entry) => {
    const clean = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    const editor = checkEntry(clean, `content/${FILE}`, sources);
    expect(editor.length).toBeGreaterThan(0);
    expect(editor).toEqual(checkCliMessages(clean).map((m) => m.replace(/^\S+/, `content/${FILE}`)));
  });

  test('names the missing reporter as the check does', () => {
    const { reporter: _, ...noReporter } = valid;
    expect(checkEntry(noReporter, `content/${FILE}`, sources)).toEqual([`content/${FILE}  reporter: wajib diisi. Tambahkan "reporter:" ke frontmatter.`]);
  });

  test('leaves out fields left empty, as the editor does when it writes the file', () => {
    expect(checkEntry({ ...valid, summary: '', location: null, tags: [], cover: { src: '', alt: '' }, corrections: [{ date: '', text: '' }] }, `content/${FILE}`, sources)).toEqual([]);
  });

  test('lets a valid story through, warnings (no cover) included', () => {
    expect(checkEntry(valid, `content/${FILE}`, sources)).toEqual([]);
    expect(checkCliMessages(valid)).toEqual([]);
  });
});
