/**
 * The browser editor's configuration (Sveltia CMS, https://sveltiacms.app), built at build time
 * from Warta's own sources so it is never maintained by hand a second time: the article schema
 * decides the fields (`EDITOR_FIELDS` must name every schema field, tested), the registries give
 * the choices (reporters, editors, categories, locations), the translations give every label and
 * hint. Pure data in, plain object out: no `astro:*`, no file system.
 *
 * Required fields are not marked `required` for Sveltia: its own "required" message is English
 * and would pre-empt ours. The label says "(wajib)" and the shared content check
 * (`src/lib/article-check.ts`) refuses the story on save with the message `npm run check` prints.
 */
import type { Category, Location } from '../schemas/taxonomy.ts';
import type { Person } from '../schemas/person.ts';
import { createTranslator, type Locale, type TranslationKey } from '../i18n/translator.ts';
import { AI_USES } from '../schemas/article.ts';
import { SLUG_MAX_LENGTH } from '../schemas/id.ts';

export interface EditorSources {
  site: { url: string; locale: Locale; timeZone: string; datelineLabel: string };
  people: Iterable<Person>;
  categories: Iterable<Category>;
  locations: Iterable<Location>;
  /** Tags of existing stories, most used first; the first few are offered as suggestions. */
  tags: string[];
  /**
   * The GitHub repository stories are committed to ("owner/name") and its branch. Absent,
   * the editor still works in local mode (`npm run dev`), which needs no repository.
   */
  repo?: { name: string; branch: string };
}

/** The collection's name, also the preview template's and the event hook's key. */
export const COLLECTION = 'berita';
/** Where the editor lives; the OAuth exchange of the function is at `/api/auth`. */
export const EDITOR_PATH = '/redaksi/editor/';

/** Top-level schema fields, in the order the editor shows them (most used first, for phones). */
export const EDITOR_FIELDS = [
  'title', 'reporter', 'editor', 'category', 'location', 'date', 'cover', 'body', 'summary', 'tags',
  'photographer', 'seoTitle', 'draft', 'headline', 'breaking', 'advertorial', 'updated', 'corrections',
  'rightOfReply', 'retracted', 'verification', 'verifies', 'ai', 'live', 'aliases',
] as const;

type FieldName = (typeof EDITOR_FIELDS)[number];
/** Fields the schema requires; their labels say so. */
const REQUIRED = new Set<string>(['title', 'reporter', 'editor', 'category', 'date', 'cover.src', 'cover.alt', 'corrections.date', 'corrections.text', 'retracted.date', 'retracted.reason', 'live.start', 'live.end']);

type Field = Record<string, unknown> & { name: string; label: string; widget: string };

export function editorConfig(sources: EditorSources): Record<string, unknown> {
  const { site } = sources;
  // Iterables may be one-shot (a Map's values()): read each once.
  const people = [...sources.people];
  const categories = [...sources.categories];
  const locations = [...sources.locations];
  const t = createTranslator(site.locale);
  const has = (key: string) => t(key as TranslationKey) !== key;
  const field = (path: string, widget: string, extra: Record<string, unknown> = {}, params: Record<string, string> = {}): Field => {
    const label = t(`editor.field.${path}` as TranslationKey);
    return {
      name: path.split('.').at(-1)!,
      label: REQUIRED.has(path) ? t('editor.required', { label }) : label,
      widget,
      required: false,
      ...(has(`editor.hint.${path}`) ? { hint: t(`editor.hint.${path}` as TranslationKey, params) } : {}),
      ...extra,
    };
  };
  const byRole = (role: Person['roles'][number]) =>
    people.filter((p) => p.roles.includes(role)).map((p) => ({ label: `${p.name} (${p.code})`, value: p.id }));
  // Dates are entered as wall-clock time in the site's zone and stored with its offset
  // (`2026-12-06T09:30:00+07:00`), the form the schema requires.
  const dateTime = { input_timezone: site.timeZone, output_utc: false };
  const firstLocation = locations[0];

  const fields: Record<FieldName, Field> = {
    title: field('title', 'string'),
    reporter: field('reporter', 'select', { multiple: true, options: byRole('reporter') }),
    editor: field('editor', 'select', { options: byRole('editor') }),
    category: field('category', 'select', { options: categories.map((c) => ({ label: c.name, value: c.id })) }),
    location: field('location', 'select', { options: locations.map((l) => ({ label: l.name, value: l.id })) }, {
      example: firstLocation ? `${site.datelineLabel} | ${firstLocation.dateline} \u2013` : site.datelineLabel,
    }),
    date: field('date', 'datetime', { ...dateTime, default: '{{now}}' }, { zone: site.timeZone }),
    cover: field('cover', 'object', {
      fields: [
        field('cover.src', 'image', { accept: 'image/*' }),
        field('cover.alt', 'string'),
        field('cover.caption', 'string'),
        field('cover.credit', 'string'),
        field('cover.width', 'number', { value_type: 'int' }),
        field('cover.height', 'number', { value_type: 'int' }),
      ],
    }),
    body: field('body', 'markdown', { modes: ['rich_text', 'raw'] }),
    summary: field('summary', 'text'),
    tags: field('tags', 'list', {}, { tags: sources.tags.slice(0, 8).join(', ') }),
    photographer: field('photographer', 'string', {}, { ids: byRole('photographer').map((p) => p.value).join(', ') }),
    seoTitle: field('seoTitle', 'string'),
    draft: field('draft', 'boolean', { default: false }),
    headline: field('headline', 'boolean', { default: false }),
    breaking: field('breaking', 'boolean', { default: false }),
    advertorial: field('advertorial', 'boolean', { default: false }),
    updated: field('updated', 'datetime', dateTime),
    corrections: field('corrections', 'list', { fields: [field('corrections.date', 'datetime', dateTime), field('corrections.text', 'text')] }),
    rightOfReply: field('rightOfReply', 'string'),
    retracted: field('retracted', 'object', { fields: [field('retracted.date', 'datetime', dateTime), field('retracted.reason', 'text')] }),
    verification: field('verification', 'select', { options: ['pending'] }),
    verifies: field('verifies', 'string'),
    ai: field('ai', 'object', {
      fields: [field('ai.text', 'select', { options: [...AI_USES] }), field('ai.cover', 'select', { options: [...AI_USES] })],
    }),
    live: field('live', 'object', { fields: [field('live.start', 'datetime', dateTime), field('live.end', 'datetime', dateTime)] }),
    aliases: field('aliases', 'list'),
  };

  const origin = new URL(site.url).origin;
  return {
    load_config_file: false,
    backend: {
      name: 'github',
      repo: sources.repo?.name ?? 'newsroom/portal',
      branch: sources.repo?.branch ?? 'main',
      // The OAuth exchange is hosted by Warta's own function (src/server/routes/auth.ts).
      base_url: origin,
      auth_endpoint: 'api/auth',
      // Reporter draft -> in review -> ready: each story its own branch and pull request.
      cms_label_prefix: 'warta/',
    },
    publish_mode: 'editorial_workflow',
    site_url: origin,
    app_title: t('editor.title'),
    // Photos go beside the story (`./photo.jpg`), where astro:assets optimises them.
    media_folder: 'public',
    public_folder: '/',
    // Empty optional fields are left out: `summary: ''` would break the schema's min(1).
    output: { omit_empty_optional_fields: true },
    // File names from a headline as short as `npm run new` makes them (Sveltia cuts at the length, not at a word).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', maxlength: SLUG_MAX_LENGTH },
    collections: [
      {
        name: COLLECTION,
        label: t('editor.collection'),
        label_singular: t('editor.collectionSingular'),
        folder: 'content/articles',
        // The archive layout of `npm run new`: content/articles/YYYY/MM/<id>.md.
        path: '{{year}}/{{month}}/{{slug}}',
        extension: 'md',
        format: 'yaml-frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } },
        // Relative to the entry's own path (…/YYYY/MM/<slug>): '..' is the month folder beside the story.
        media_folder: '..',
        public_folder: '.',
        fields: EDITOR_FIELDS.map((name) => fields[name]),
      },
    ],
  };
}

/**
 * Fields of a schema the editor has no field for, as dotted paths (`cover.focus`): a field
 * added to the article schema must be added here too, or a test fails naming it.
 */
export function fieldsWithoutEditorField(schemaShape: Record<string, unknown>, config: Record<string, unknown>): string[] {
  const collection = (config.collections as { fields: Field[] }[])[0]!;
  const missing: string[] = [];
  const walk = (shape: Record<string, unknown>, fields: Field[], prefix: string) => {
    for (const [name, schema] of Object.entries(shape)) {
      const field = fields.find((f) => f.name === name);
      if (!field) {
        missing.push(prefix + name);
        continue;
      }
      const inner = objectShape(schema);
      if (inner) walk(inner, (field.fields as Field[] | undefined) ?? [], `${prefix}${name}.`);
    }
  };
  walk(schemaShape, collection.fields, '');
  return missing;
}

/** The object shape inside optional, default, lazy, pipe and array wrappers, if any. */
function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { _zod?: { def: Record<string, any> }; shape?: Record<string, unknown> } | undefined;
  for (let depth = 0; current?._zod && depth < 10; depth++) {
    const def = current._zod.def;
    if (def.type === 'object') return current.shape;
    current = def.type === 'lazy' ? def.getter() : (def.innerType ?? def.element ?? def.in);
  }
  return undefined;
}
