/**
 * The import's mapping file (`content/wordpress/mapping.yaml`): how WordPress names
 * become Warta ids, and the byline patterns. The first run writes every name it met;
 * the newsroom edits the right-hand sides and runs the import again.
 */
import * as yaml from 'js-yaml';
import { z } from 'zod';
import { idSchema } from '../../schemas/id.ts';
import { DEFAULT_BYLINE_PATTERNS } from '../convert/byline.ts';
import { DEFAULT_SHORTCODE_RULES } from '../convert/shortcodes.ts';

const idOrNull = idSchema.nullable();

export const WordpressMappingSchema = z.strictObject({
  /** WordPress category slug → Warta category id; null = not a section (the next category of the post is used). */
  categories: z.record(z.string(), idOrNull).default({}),
  /** WordPress tag name → tag text in Warta; null drops the tag. */
  tags: z.record(z.string(), z.string().min(1).nullable()).default({}),
  /** WordPress author login → person id. */
  authors: z.record(z.string(), idOrNull.unwrap()).default({}),
  /** Reporter code typed in bodies ("Bolok") → person id. */
  reporters: z.record(z.string(), idOrNull.unwrap()).default({}),
  /** Editor name typed in bodies ("Mastari") → person id. */
  editors: z.record(z.string(), idOrNull.unwrap()).default({}),
  /** Dateline typed in bodies ("PALEMBANG") → location id. */
  locations: z.record(z.string(), idOrNull.unwrap()).default({}),
  defaults: z
    .strictObject({
      /** Section for posts with no mapped category. */
      category: idOrNull.unwrap().optional(),
      /**
       * Location for posts without a dateline in their text. Unset (the default), such
       * posts get no location and print no dateline: the import never invents one.
       */
      location: idOrNull.unwrap().optional(),
      /** Editor for posts without an editor line (else the WordPress author). */
      editor: idOrNull.unwrap().optional(),
    })
    .default({}),
  /** Byline patterns (regular expressions with named groups place / code / name). */
  patterns: z
    .strictObject({
      dateline: z.array(z.string()).default(DEFAULT_BYLINE_PATTERNS.dateline),
      reporter: z.array(z.string()).default(DEFAULT_BYLINE_PATTERNS.reporter),
      editor: z.array(z.string()).default(DEFAULT_BYLINE_PATTERNS.editor),
      coBylineSeparator: z.string().default(DEFAULT_BYLINE_PATTERNS.coBylineSeparator),
    })
    .default(DEFAULT_BYLINE_PATTERNS),
  shortcodes: z
    .strictObject({ drop: z.array(z.string()).default(DEFAULT_SHORTCODE_RULES.drop), unwrap: z.array(z.string()).default(DEFAULT_SHORTCODE_RULES.unwrap) })
    .default(DEFAULT_SHORTCODE_RULES),
  /** Where the WordPress site had its category and tag archives (Settings → Permalinks → Optional). */
  wordpressUrls: z
    .strictObject({ categoryBase: z.string().regex(/^\/.*\/$/, { message: 'a path such as /category/' }).default('/category/'), tagBase: z.string().regex(/^\/.*\/$/, { message: 'a path such as /tag/' }).default('/tag/') })
    .default({ categoryBase: '/category/', tagBase: '/tag/' }),
  /** Post meta keys that view-counter plugins store counts under. */
  viewMetaKeys: z.array(z.string()).default(['post_views_count', 'views', '_post_views_count']),
});

export type WordpressMapping = z.output<typeof WordpressMappingSchema>;

/** Parses the mapping file text; throws a message naming each bad entry. */
export function parseMapping(text: string | undefined, file: string): WordpressMapping {
  const raw = text === undefined ? {} : (yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {});
  const parsed = WordpressMappingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new Error(`${file}: fix these entries and run the import again:\n${lines.join('\n')}`);
}

const sortRecord = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));

/** Mapping file text: stable key order, so an unchanged mapping is an unchanged file. */
export function serializeMapping(m: WordpressMapping): string {
  const doc = {
    categories: sortRecord(m.categories),
    tags: sortRecord(m.tags),
    authors: sortRecord(m.authors),
    reporters: sortRecord(m.reporters),
    editors: sortRecord(m.editors),
    locations: sortRecord(m.locations),
    defaults: m.defaults,
    patterns: m.patterns,
    shortcodes: m.shortcodes,
    wordpressUrls: m.wordpressUrls,
    viewMetaKeys: m.viewMetaKeys,
  };
  return `# WordPress import mapping. Edit the values (right-hand side) and run the import again.
# categories: WordPress category slug -> Warta category id (null: not a section); ids of non-Latin names are transliterated
# tags: WordPress tag -> tag text (null: drop); authors/reporters/editors -> person id; locations: dateline -> location id
# patterns: regular expressions with named groups (?<place>…), (?<code>…), (?<name>…); text they match at the start or end of a story is lifted into the frontmatter
# defaults.location: the location of stories with no dateline in their text (unset: no location, no dateline)
${yaml.dump(doc, { lineWidth: -1, sortKeys: false })}`;
}
