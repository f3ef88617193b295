/**
 * Warta ids (articles, pages, categories, people, locations) are lower-case ASCII
 * words joined by hyphens. WordPress names and slugs are in any script: they are
 * transliterated (网络 → wang-luo, Привет → privet) so the id stays readable, and only
 * when nothing readable comes out does the WordPress id stand in (`term-55`).
 */
import { slugify } from 'transliteration';
import { isId } from '../../schemas/id.ts';

/** Longest id we make: long titles in Chinese transliterate to very long slugs. */
const MAX = 72;

/** Percent-decoded slug (WordPress stores non-ASCII slugs encoded). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** A readable id for a name or slug in any script; undefined when nothing is left of it. */
export function readableId(text: string): string | undefined {
  let id = slugify(decodeSlug(text), { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (id.length > MAX) id = id.slice(0, MAX).replace(/-[^-]*$/, '') || id.slice(0, MAX);
  return isId(id) ? id : undefined;
}

/** The first readable id among the candidates (slug, then name), else `fallback`. */
export function idFrom(candidates: ReadonlyArray<string | undefined>, fallback: string): string {
  for (const c of candidates) {
    const id = c ? readableId(c) : undefined;
    if (id) return id;
  }
  return fallback;
}

/** `id`, or `id-2`, `id-3`… when taken. */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
