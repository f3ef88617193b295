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
  /** Only when the story's text has a dateline (or the mapping sets a default location). */
  location?: string;
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
    ...(fm.location ? { location: fm.location } : {}),
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

/**
 * A static redirect page for an old URL that is no article (a page, a category or tag
 * archive), written into public/ so every host serves it: the same three signals as
 * Warta's own alias pages (canonical link, refresh, a visible link).
 */
export function redirectPage(to: string, absoluteTarget: string, lang: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="${attr(lang)}">
  <head>
    <meta charset="utf-8" />
    <title>${lang === 'en' ? 'Moved' : 'Dipindahkan'}</title>
    <meta name="robots" content="noindex" />
    <link rel="canonical" href="${attr(absoluteTarget)}" />
    <meta http-equiv="refresh" content="0; url=${attr(to)}" />
  </head>
  <body>
    <p><a href="${attr(to)}">${attr(absoluteTarget)}</a></p>
  </body>
</html>
`;
}
