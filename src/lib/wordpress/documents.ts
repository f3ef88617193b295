/**
 * Text of the files the import writes: article and page Markdown with frontmatter,
 * people, and entries appended to the registries. Deterministic, so a re-run of an
 * unchanged export produces byte-identical files.
 */
import * as yaml from 'js-yaml';

const dump = (value: unknown) => yaml.dump(value, { lineWidth: -1, noRefs: true });

export interface ArticleFrontmatter {
  title: string;
  date: string;
  location: string;
  reporter: string[];
  editor: string;
  category: string;
  tags: string[];
  summary?: string;
  cover?: { src: string; alt: string; width?: number; height?: number; caption?: string; credit?: string };
  draft?: boolean;
  headline?: boolean;
  aliases?: string[];
}

export function articleDocument(fm: ArticleFrontmatter, body: string): string {
  const ordered = {
    title: fm.title,
    date: fm.date,
    location: fm.location,
    reporter: fm.reporter.length === 1 ? fm.reporter[0] : fm.reporter,
    editor: fm.editor,
    category: fm.category,
    tags: fm.tags,
    ...(fm.summary ? { summary: fm.summary } : {}),
    ...(fm.cover ? { cover: fm.cover } : {}),
    ...(fm.draft ? { draft: true } : {}),
    ...(fm.headline ? { headline: true } : {}),
    ...(fm.aliases && fm.aliases.length > 0 ? { aliases: fm.aliases } : {}),
  };
  // Dates stay unquoted, as journalists write them; Warta reads YAML with the core schema, so they stay text.
  const text = dump(ordered).replace(/^date: ["'](.+)["']$/m, 'date: $1');
  return `---\n${text}---\n${body}\n`;
}

export function pageDocument(fm: { title: string; description?: string; order?: number }, body: string): string {
  return `---\n${dump({ title: fm.title, ...(fm.description ? { description: fm.description } : {}), ...(fm.order !== undefined ? { order: fm.order } : {}) })}---\n${body}\n`;
}

export function personDocument(p: { name: string; code: string; roles: string[] }): string {
  return dump({ name: p.name, code: p.code, roles: p.roles });
}

/** One line of a registry list, in the flow style of the demo's categories.yaml. */
export function registryLine(entry: Record<string, string>): string {
  return `- ${yaml.dump(entry, { flowLevel: 0, lineWidth: -1 }).trim()}`;
}

/** Appends entries to a registry file's text (keeps everything the newsroom wrote). */
export function appendRegistry(current: string | undefined, entries: Array<Record<string, string>>): string {
  const base = current === undefined || current.trim() === '' || current.trim() === '[]' ? '' : current.replace(/\n*$/, '\n');
  return base + entries.map(registryLine).join('\n') + '\n';
}
