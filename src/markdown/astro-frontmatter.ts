/**
 * Access to the frontmatter bag Astro hands to remark/rehype plugins.
 *
 * Astro's Markdown renderer (`@astrojs/markdown-remark`, `createMarkdownProcessor().render`)
 * creates every VFile with `data.astro.frontmatter` set to the file's *raw* parsed
 * frontmatter (YAML as written, not the zod-parsed collection entry). Keys a plugin adds
 * there come back from `render(entry)` as `remarkPluginFrontmatter`.
 */
// Type-only import: brings in the `vfile` DataMap augmentation that types `file.data.astro`.
import type {} from '@astrojs/markdown-remark';

/** The part of `file.data` Astro fills in (see the `DataMap` augmentation above). */
interface AstroFileData {
  astro?: { frontmatter?: Record<string, any> };
}

/**
 * The frontmatter bag of the file being rendered, created when missing so the plugins
 * also work outside Astro (plain `unified()` pipelines in tests and scripts).
 */
export function astroFrontmatter(data: AstroFileData): Record<string, unknown> {
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  return data.astro.frontmatter;
}
