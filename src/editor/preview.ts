/**
 * The editor's preview of a story as readers will see it: the body goes through Warta's own
 * Markdown plugins (`src/markdown/plugins.ts`: smart quotes, dateline, figures, "Baca juga"),
 * and the page parts around it (headline, reporter code, editor line) use the same classes and
 * translations as `src/components/article/ArticlePage.astro`, so the site's stylesheet applies.
 * A site test compares this text with the built page's. Raw HTML in the Markdown is dropped and
 * the caller sanitises the result: a redaktur previews a reporter's text with a signed-in session.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { createMarkdownPlugins } from '../markdown/plugins.ts';
import { createTranslator, type Locale } from '../i18n/translator.ts';

export interface PreviewSources {
  locale: Locale;
  siteUrl: string;
  /** `site.yaml` datelineLabel: "Liputan ABN". */
  datelineLabel: string;
  /** Location id → dateline in capitals. */
  datelines: Record<string, string>;
  /** Person id → name and reporter code. */
  people: Record<string, { name: string; code: string }>;
}

export interface PreviewInput {
  title?: string;
  location?: string;
  reporter?: string | string[];
  editor?: string;
  advertorial?: boolean;
  body?: string;
  /** The cover's displayable URL (the editor's blob URL for a new photo), alt and caption. */
  cover?: { url: string; alt?: string; caption?: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`);

/** A processor per site: plugins are built once, and every keystroke renders with it. */
export function createPreview(sources: PreviewSources) {
  const t = createTranslator(sources.locale);
  const plugins = createMarkdownPlugins({
    siteUrl: sources.siteUrl,
    bacaJugaLabel: t('article.readAlso'),
    // The preview knows no other stories; the check of the pull request names a wrong id.
    lookup: (id) => ({ id, title: id, url: '#' }),
    datelineFor: (frontmatter) => {
      const dateline = sources.datelines[String(frontmatter.location ?? '')];
      return dateline ? `${sources.datelineLabel} | ${dateline} \u2013` : undefined;
    },
  });
  const processor = unified()
    .use(remarkParse)
    .use(plugins.remarkPlugins as never)
    .use(remarkRehype)
    .use(plugins.rehypePlugins as never)
    .use(rehypeStringify);

  return function renderPreview(input: PreviewInput): string {
    const frontmatter = { location: input.location };
    let body: string;
    try {
      body = String(processor.processSync({ value: input.body ?? '', data: { astro: { frontmatter } } }));
    } catch (error) {
      body = `<p class="notice">${escapeHtml((error as Error).message)}</p>`;
    }
    const reporters = (Array.isArray(input.reporter) ? input.reporter : input.reporter ? [input.reporter] : []).map((id) => sources.people[id]);
    const editor = input.editor ? sources.people[input.editor] : undefined;
    const parts = [
      '<article class="article wrap">',
      '<header class="article-header">',
      input.advertorial ? `<p class="label-advertorial">${escapeHtml(t('article.advertorial'))}</p>` : '',
      `<h1>${escapeHtml(input.title ?? '')}</h1>`,
      '</header>',
      input.cover?.url
        ? `<figure class="cover"><img src="${escapeHtml(input.cover.url)}" alt="${escapeHtml(input.cover.alt ?? '')}">${input.cover.caption ? `<figcaption>${escapeHtml(input.cover.caption)}</figcaption>` : ''}</figure>`
        : '',
      `<div class="article-body">${body}</div>`,
      reporters.length > 0 && reporters.every(Boolean) ? `<p class="reporter-code">( ${reporters.map((p) => escapeHtml(p!.code)).join(' / ')} )</p>` : '',
      editor ? `<p class="editor-line">${escapeHtml(t('article.editor', { name: editor.name }))}</p>` : '',
      '</article>',
    ];
    return parts.join('');
  };
}
