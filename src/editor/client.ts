/**
 * The editor page's script: Sveltia CMS from npm (bundled, so its fonts and code come from
 * this site, never a CDN), the configuration the page generated at build time, the shared
 * check run before every save, and the preview rendered with Warta's Markdown plugins and CSS.
 */
import CMS from '@sveltia/cms';
import globalCss from '../styles/global.css?url';
import { checkEntry, type CheckSources } from './check.ts';
import { COLLECTION } from './config.ts';
import { createPreview, type PreviewSources } from './preview.ts';
import { createTranslator } from '../i18n/translator.ts';

interface EditorPageData {
  config: Parameters<typeof CMS.init>[0] extends infer O ? (O extends { config?: infer C } ? C : never) : never;
  check: CheckSources;
  preview: PreviewSources;
}

// Sveltia puts React's createElement and DOMPurify on window for preview templates.
declare global {
  interface Window {
    h: (type: string, props: Record<string, unknown>) => unknown;
    DOMPurify: { sanitize: (html: string, options?: Record<string, unknown>) => string };
  }
}

interface ImmutableMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
}

const data = JSON.parse(document.getElementById('warta-editor-data')!.textContent!) as EditorPageData;
const t = createTranslator(data.check.locale);
const renderPreview = createPreview(data.preview);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const map = entry as unknown as ImmutableMap;
    if (map.get('collection') !== COLLECTION) return;
    const fields = (map.get('data') as ImmutableMap).toJS();
    const errors = checkEntry(fields, String(map.get('path') ?? ''), data.check);
    if (errors.length === 0) return;
    // Sveltia's documented hooks cannot veto a save; a thrown `saving_failed` error stops it and
    // its cause's message is what the "could not save" dialog shows. Undocumented: the editor's
    // browser test (tests/e2e/editor.test.ts) fails if a Sveltia update changes it.
    throw new Error('saving_failed', { cause: new Error([t('editor.checkFailed'), ...errors].join('\n')) });
  },
});

CMS.registerPreviewStyle(globalCss);
CMS.registerPreviewTemplate(COLLECTION, (({ entry, getAsset }: { entry: ImmutableMap; getAsset: (path: string) => { url?: string } | undefined }) => {
  const fields = (entry.get('data') as ImmutableMap).toJS() as Record<string, any>;
  const cover = fields.cover?.src ? { url: getAsset(fields.cover.src)?.url ?? fields.cover.src, alt: fields.cover.alt, caption: fields.cover.caption } : undefined;
  // DOMPurify's default URL rule, plus blob: for a photo not saved yet (a same-origin object URL).
  const html = window.DOMPurify.sanitize(renderPreview({ ...fields, cover }), { ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i });
  return window.h('div', { className: 'warta-preview', dangerouslySetInnerHTML: { __html: html } });
}) as never);

void CMS.init({ config: data.config });
