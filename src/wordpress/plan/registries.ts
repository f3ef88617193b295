/**
 * The newsroom's registries as the import sees them: categories, locations and
 * people already in `content/`, plus those the import creates. Existing files are
 * read entry by entry, so one bad entry never makes the import think the whole
 * registry is empty (and append every entry again); an id already present is never
 * appended twice, and every id made here is valid (transliterated, see ids.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { CategorySchema, LocationSchema } from '../../schemas/taxonomy.ts';
import { PersonSchema } from '../../schemas/person.ts';
import { tagSlug } from '../../lib/paths.ts';
import type { WordpressMapping } from './mapping.ts';
import { isId } from '../../schemas/id.ts';
import { decodeSlug, idFrom } from './ids.ts';
import type { ExportIndex } from '../read/export-index.ts';
import { termKey } from '../read/export-index.ts';

const load = (abs: string): unknown => (fs.existsSync(abs) ? yaml.load(fs.readFileSync(abs, 'utf8'), { schema: yaml.CORE_SCHEMA }) : undefined);
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
export const normPlace = (s: string) => s.toUpperCase().replace(/\s+/g, ' ').trim();

interface PersonEntry {
  name: string;
  code: string;
  roles: Set<string>;
  existing: boolean;
}

/** Entries of a registry list that pass their schema, and the ids of all entries (valid or not). */
function readRegistry<T extends { id: string }>(abs: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) {
  const raw = load(abs);
  const valid: T[] = [];
  const ids = new Set<string>();
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string') ids.add((entry as { id: string }).id);
    const parsed = schema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
  }
  return { valid, ids };
}

export class Registries {
  readonly newCategories: Array<{ id: string; name: string }> = [];
  readonly newLocations: Array<{ id: string; name: string; dateline: string }> = [];
  readonly people = new Map<string, PersonEntry>();
  readonly createdPeople: string[] = [];
  private readonly categories: { valid: Array<{ id: string; name: string }>; ids: Set<string> };
  private readonly locations: { valid: Array<{ id: string; name: string; dateline: string }>; ids: Set<string> };
  private readonly mapping: WordpressMapping;
  private readonly index: ExportIndex;

  constructor(contentDir: string, mapping: WordpressMapping, index: ExportIndex) {
    this.mapping = mapping;
    this.index = index;
    this.categories = readRegistry(path.join(contentDir, 'categories.yaml'), CategorySchema);
    this.locations = readRegistry(path.join(contentDir, 'locations.yaml'), LocationSchema);
    const peopleDir = path.join(contentDir, 'people');
    for (const f of fs.existsSync(peopleDir) ? fs.globSync('*.{yaml,yml}', { cwd: peopleDir }) : []) {
      const parsed = PersonSchema.safeParse(load(path.join(peopleDir, f)));
      const id = f.replace(/\.ya?ml$/, '');
      if (parsed.success) this.people.set(id, { name: parsed.data.name, code: parsed.data.code, roles: new Set(parsed.data.roles), existing: true });
      else this.people.set(id, { name: id, code: id, roles: new Set(), existing: true });
    }
    this.fillMapping();
  }

  /** Every category and author of the export gets a mapping entry (kept when the newsroom set one). */
  private fillMapping() {
    const m = this.mapping;
    for (const term of this.index.terms.values()) {
      if (term.taxonomy !== 'category') continue;
      const key = decodeSlug(term.slug);
      if (key in m.categories || term.slug in m.categories) continue;
      if (key === 'uncategorized' || key === 'tak-berkategori') {
        m.categories[key] = null;
        continue;
      }
      const byName = this.categories.valid.find((c) => c.name.toLowerCase() === term.name.toLowerCase());
      m.categories[key] = byName?.id ?? idFrom([key, term.name], term.id ? `kategori-${term.id}` : 'umum');
    }
    // The section of posts with no mapped category, fixed on the first run so a later run
    // (when categories.yaml has grown) files them in the same place.
    m.defaults.category ??= this.categories.valid[0]?.id ?? 'umum';
    for (const [login, a] of this.index.authors) {
      if (login in m.authors) continue;
      m.authors[login] = this.personByKey(a.displayName) ?? this.personByKey(login) ?? idFrom([a.displayName, login], a.id ? `penulis-${a.id}` : 'redaksi');
    }
  }

  /** The Warta category a WordPress category slug maps to; null when it is not a section. */
  categoryOfTerm(slug: string): string | null | undefined {
    const m = this.mapping.categories;
    const key = decodeSlug(slug);
    return key in m ? m[key] : m[slug];
  }

  private ensureCategory(id: string, name: string) {
    if (this.categories.ids.has(id)) return;
    this.categories.ids.add(id);
    this.newCategories.push({ id, name });
  }

  /** The post's section: its first mapped category, else the default. */
  categoryFor(slugs: string[]): string {
    for (const s of slugs) {
      const id = this.categoryOfTerm(s);
      if (id) {
        this.ensureCategory(id, this.index.terms.get(termKey('category', s))?.name ?? titleCase(id.replace(/-/g, ' ')));
        return id;
      }
    }
    const fallback = this.mapping.defaults.category ?? this.categories.valid[0]?.id ?? 'umum';
    this.ensureCategory(fallback, fallback === 'umum' ? 'Umum' : titleCase(fallback.replace(/-/g, ' ')));
    return fallback;
  }

  /** The location whose dateline is `place`, created when new. */
  locationFor(place: string): string {
    const key = normPlace(place);
    let id = this.mapping.locations[key];
    if (!id) {
      id = this.locations.valid.find((l) => normPlace(l.dateline) === key || normPlace(l.name) === key)?.id ?? idFrom([key], 'lokasi');
      this.mapping.locations[key] = id;
    }
    if (!this.locations.ids.has(id)) {
      this.locations.ids.add(id);
      this.newLocations.push({ id, name: titleCase(key), dateline: key });
    }
    return id;
  }

  /** The default location (mapping `defaults.location`), registered when new; undefined when unset. */
  defaultLocation(): string | undefined {
    const id = this.mapping.defaults.location;
    if (!id) return undefined;
    if (!this.locations.ids.has(id)) {
      const dateline = normPlace(id.replace(/-/g, ' '));
      this.locations.ids.add(id);
      this.newLocations.push({ id, name: titleCase(dateline), dateline });
    }
    return id;
  }

  private personByKey(key: string): string | undefined {
    const k = key.toLowerCase().trim();
    for (const [id, p] of this.people) if (p.code.toLowerCase() === k || p.name.toLowerCase() === k || id === tagSlug(key)) return id;
    return undefined;
  }

  ensurePerson(id: string, name: string, code: string, role: string): string {
    const p = this.people.get(id);
    if (p) p.roles.add(role);
    else {
      this.people.set(id, { name, code, roles: new Set([role]), existing: false });
      this.createdPeople.push(id);
    }
    return id;
  }

  authorPerson(login: string, role: string): string {
    const id = this.mapping.authors[login] ?? idFrom([login], 'redaksi');
    this.mapping.authors[login] ??= id;
    const display = this.index.authors.get(login)?.displayName || login || 'Redaksi';
    return this.ensurePerson(id, this.people.get(id)?.name ?? display, this.people.get(id)?.code ?? display, role);
  }

  /** A person named in the story (reporter code, editor line), through the mapping table. */
  bylinePerson(table: Record<string, string>, key: string, role: string): string {
    const mapped = table[key];
    const id = mapped && isId(mapped) ? mapped : (this.personByKey(key) ?? idFrom([key], 'redaksi'));
    table[key] = id;
    return this.ensurePerson(id, this.people.get(id)?.name ?? key, this.people.get(id)?.code ?? key, role);
  }
}
