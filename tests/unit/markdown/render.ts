/**
 * A real unified pipeline for the plugin tests: remark-parse -> remark plugins ->
 * remark-rehype -> rehype plugins -> rehype-stringify, with the `file.data.astro`
 * bag created the way Astro's renderer creates it (raw frontmatter in, plugin keys out).
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';

export interface RenderOptions {
  remark?: PluggableList;
  rehype?: PluggableList;
  frontmatter?: Record<string, unknown>;
}

export async function render(markdown: string, options: RenderOptions = {}) {
  const file = await unified()
    .use(remarkParse)
    .use(options.remark ?? [])
    .use(remarkRehype)
    .use(options.rehype ?? [])
    .use(rehypeStringify)
    .process({ value: markdown, data: { astro: { frontmatter: { ...options.frontmatter } } } });
  return {
    html: String(file.value).trim(),
    frontmatter: file.data.astro?.frontmatter ?? {},
    messages: file.messages.map((message) => message.reason),
  };
}
