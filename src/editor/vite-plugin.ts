import type { Plugin } from 'vite';

const STUB = '\0warta-editor-no-code-languages';

/**
 * Sveltia CMS imports each of Shiki's ~280 languages lazily to highlight code blocks in its
 * Markdown editor; bundled, that is ~280 chunks (~9 MB) in dist/_astro for a feature a news
 * story never uses. Every language import of the editor resolves to one empty list instead:
 * code blocks still work, unhighlighted. Only imports from @sveltia/cms are touched.
 */
export function editorVitePlugin(): Plugin {
  return {
    name: 'warta-editor-no-code-languages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('@shikijs/langs/') && importer?.includes('@sveltia/cms')) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? 'export default [];' : null;
    },
  };
}
