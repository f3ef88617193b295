import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { articleSchema } from '../../../src/schemas/article.ts';
import { loadContent } from '../../../src/lib/content-check.ts';
import { SLUG_MAX_LENGTH } from '../../../src/schemas/id.ts';
import { editorConfig, fieldsWithoutEditorField, EDITOR_FIELDS, type EditorSources } from '../../../src/editor/config.ts';
import { editorPageData, editorRepo } from '../../../src/editor/page-data.ts';

/*
 * The editor's configuration is generated from the article schema and the demo's registries;
 * these tests hold it to them, so a schema or registry change the editor does not follow fails.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const demo = loadContent(path.join(root, 'content'), root);
const schema = articleSchema({ timeZone: demo.site.timeZone });

type Field = { name: string; label: string; widget: string; required: boolean; hint?: string; options?: { label: string; value: string }[]; fields?: Field[]; [k: string]: unknown };

function sources(overrides: Partial<EditorSources> = {}): EditorSources {
  return {
    site: demo.site,
    people: demo.people.values(),
    categories: demo.categories.values(),
    locations: demo.locations.values(),
    tags: ['banjir', 'pilkada'],
    ...overrides,
  };
}
const configOf = (s = sources()) => editorConfig(s) as { collections: { fields: Field[] }[]; [k: string]: unknown };
const fieldsOf = (s = sources()) => configOf(s).collections[0]!.fields;
const field = (name: string, s = sources()) => fieldsOf(s).find((f) => f.name === name)!;

describe('fields follow the article schema', () => {
  test('every schema field, nested ones included, has an editor field', () => {
    expect(fieldsWithoutEditorField(schema.shape, configOf())).toEqual([]);
  });

  test('a field added to the schema without an editor field is named', () => {
    const grown = schema.extend({ paywall: z.boolean().default(false), cover: z.strictObject({ src: z.string(), alt: z.string(), focus: z.string() }).optional() });
    expect(fieldsWithoutEditorField(grown.shape, configOf())).toEqual(['cover.focus', 'paywall']);
  });

  test('the editor has no field the schema does not know, besides the story itself', () => {
    expect(EDITOR_FIELDS.filter((name) => name !== 'body').sort()).toEqual(Object.keys(schema.shape).sort());
  });

  test('labels say "(wajib)" exactly on the fields the schema requires', () => {
    const requiredBySchema = Object.entries(schema.shape)
      .filter(([, s]) => !(s as z.ZodType).safeParse(undefined).success)
      .map(([name]) => name)
      .sort();
    const marked = fieldsOf()
      .filter((f) => f.label.endsWith(' (wajib)'))
      .map((f) => f.name)
      .sort();
    expect(marked).toEqual(requiredBySchema);
    expect(field('cover').fields!.filter((f) => f.label.endsWith(' (wajib)')).map((f) => f.name)).toEqual(['src', 'alt']);
  });

  test("Sveltia's own required check stays off so the content check's message is the one shown", () => {
    const all = (fields: Field[]): Field[] => fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
    expect(all(fieldsOf()).every((f) => f.required === false)).toBe(true);
  });

  test('labels and hints are in Indonesian, from the translations', () => {
    expect(field('title').label).toBe('Judul (wajib)');
    expect(field('reporter').hint).toBe('Satu reporter atau lebih; kodenya dicetak di akhir berita.');
    expect(field('location').hint).toBe('Memberi dateline, misalnya "Liputan ABN | PALEMBANG –". Kosongkan untuk opini.');
    expect(field('tags').hint).toBe('Pisahkan dengan koma. Yang sering dipakai: banjir, pilkada.');
    expect(field('cover').fields!.find((f) => f.name === 'alt')!.hint).toMatch(/^Wajib bila ada foto/);
  });

  test('booleans for draft, headline, breaking and advertorial default to off', () => {
    for (const name of ['draft', 'headline', 'breaking', 'advertorial']) expect(field(name)).toMatchObject({ widget: 'boolean', default: false });
  });

  test('dates are entered in the site zone and stored with its offset', () => {
    for (const f of [field('date'), field('updated'), field('corrections').fields![0]!, field('retracted').fields![0]!]) {
      expect(f).toMatchObject({ widget: 'datetime', input_timezone: 'Asia/Jakarta', output_utc: false });
    }
    expect(field('date').hint).toContain('Asia/Jakarta');
  });
});

describe('choices follow the registries', () => {
  test('reporters and editors are chosen from content/people by role', () => {
    const reporters = [...demo.people.values()].filter((p) => p.roles.includes('reporter'));
    const editors = [...demo.people.values()].filter((p) => p.roles.includes('editor'));
    expect(field('reporter')).toMatchObject({ widget: 'select', multiple: true });
    expect(field('reporter').options!.map((o) => o.value)).toEqual(reporters.map((p) => p.id));
    expect(field('editor').options!.map((o) => o.value)).toEqual(editors.map((p) => p.id));
    expect(field('reporter').options![0]!.label).toBe(`${reporters[0]!.name} (${reporters[0]!.code})`);
  });

  test('a category added to the registry appears as a choice', () => {
    const before = field('category').options!;
    expect(before.map((o) => o.value)).toEqual([...demo.categories.keys()]);
    const added = sources({ categories: [...demo.categories.values(), { id: 'lingkungan', name: 'Lingkungan' }] });
    expect(field('category', added).options!.at(-1)).toEqual({ label: 'Lingkungan', value: 'lingkungan' });
  });

  test('locations are choices by name, stored by id', () => {
    expect(field('location').options).toContainEqual({ label: 'Ogan Ilir', value: 'ogan-ilir' });
    expect(field('location').options!.length).toBe(demo.locations.size);
  });

  test('tag suggestions are the most used tags of the archive', () => {
    const data = editorPageData({ site: demo.site, people: demo.people, categories: [...demo.categories.values()], locations: demo.locations, allArticles: demo.articles }, {});
    const hint = ((data.config.collections as { fields: Field[] }[])[0]!.fields.find((f) => f.name === 'tags')!.hint)!;
    const counts = new Map<string, number>();
    for (const a of demo.articles) for (const t of a.data.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const mostUsed = [...counts].filter(([, n]) => n === top).map(([t]) => t).sort((a, b) => a.localeCompare(b))[0]!;
    expect(hint).toContain(`Yang sering dipakai: ${mostUsed}`);
  });
});

describe('the GitHub workflow', () => {
  test('stories go through the editorial workflow: each a branch and pull request until the redaktur publishes', () => {
    const repo = { name: 'liputanabn/portal', branch: 'main' };
    expect(configOf(sources({ repo }))).toMatchObject({
      publish_mode: 'editorial_workflow',
      backend: { name: 'github', repo: 'liputanabn/portal', branch: 'main', base_url: 'https://liputanabn.com', auth_endpoint: 'api/auth' },
      output: { omit_empty_optional_fields: true },
    });
  });

  test('stories are written as content/articles/YYYY/MM/<slug>.md with photos beside them', () => {
    expect(configOf().collections[0]).toMatchObject({ folder: 'content/articles', path: '{{year}}/{{month}}/{{slug}}', extension: 'md', media_folder: '..', public_folder: '.' });
  });

  test('file names from a headline are cut at the length `npm run new` uses', () => {
    expect(configOf().slug).toMatchObject({ encoding: 'ascii', clean_accents: true, maxlength: SLUG_MAX_LENGTH });
  });

  test('the repository comes from WARTA_EDITOR_REPO or GitHub Actions, and a malformed one stops the build', () => {
    expect(editorRepo({})).toBeUndefined();
    expect(editorRepo({ GITHUB_REPOSITORY: 'abn/portal' })).toEqual({ name: 'abn/portal', branch: 'main' });
    expect(editorRepo({ WARTA_EDITOR_REPO: 'abn/redaksi', GITHUB_REPOSITORY: 'abn/portal', WARTA_EDITOR_BRANCH: 'terbit' })).toEqual({ name: 'abn/redaksi', branch: 'terbit' });
    expect(() => editorRepo({ WARTA_EDITOR_REPO: 'https://github.com/abn/portal' })).toThrow('WARTA_EDITOR_REPO must be "owner/name"');
  });
});
