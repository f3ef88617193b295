/**
 * The Markdown plugin list, in order, for both `.md` and `.mdx`:
 *
 *     markdown: { processor: unified(createMarkdownPlugins(options)) }
 *     mdx(createMarkdownPlugins(options))
 *
 * Order matters:
 * 0. GFM first, where Astro's own remark-gfm ran (`gfm: false` turns Astro's copy off; ours
 *    parses documents without a URL or `@` without autolink literals, see its file);
 *    then smart quotes, where Astro's own remark-smartypants ran (`smartypants: false`
 *    turns Astro's copy off; ours skips text with nothing to replace, see its file);
 * 1. remark-directive parses `::name{…}` (and, unavoidably, the `:30` in "10:30");
 * 2. directive handlers (baca-juga, live updates) mark what they render with `data.hName`;
 * 3. remark-unhandled-directives turns every other directive back into its text, so it
 *    must follow every directive handler (add new ones before it);
 * 4. reading time and summary read the prose, after directives are settled;
 * 5. the dateline goes in last, so it neither opens the summary nor counts as words.
 * Rehype: figures (and image attributes), then external-link rel, then each live update's
 * HTML is copied for the polled JSON (it must see the finished markup). Astro's own image
 * step and raw-HTML parsing run after these.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { rehypeFigure } from './rehype-figure.ts';
import { type BacaJugaOptions, remarkBacaJuga } from './remark-baca-juga.ts';
import { type DatelineOptions, remarkDateline } from './remark-dateline.ts';
import { type LiveUpdatesOptions, remarkLiveUpdates } from './remark-live-updates.ts';
import { rehypeLiveUpdates } from './rehype-live-updates.ts';
import { remarkGfmLean } from './remark-gfm-lean.ts';
import { remarkReadingTime } from './remark-reading-time.ts';
import { remarkSmartypants } from './remark-smartypants.ts';
import { remarkSummary } from './remark-summary.ts';
import { remarkUnhandledDirectives } from './remark-unhandled-directives.ts';

export interface MarkdownPluginOptions {
  /** The site's canonical URL; links to other hosts get `rel="noopener"`. */
  siteUrl: string;
  /** Text before a "Baca juga" link, from the translations ("Baca juga:"). */
  bacaJugaLabel: string;
  /** The article behind a `::baca-juga{id}`; undefined fails the build. */
  lookup: BacaJugaOptions['lookup'];
  /** Every article id, read only to suggest the nearest one for a mistyped `::baca-juga` id. */
  knownIds?: BacaJugaOptions['knownIds'];
  /** The dateline text from an article's raw frontmatter; undefined for none. */
  datelineFor: DatelineOptions['datelineFor'];
  /** Reading speed for "N menit baca" (default 200). */
  wordsPerMinute?: number;
  /** Zone, locale and section heading for live coverage updates. */
  liveUpdates?: LiveUpdatesOptions;
}

export interface MarkdownPlugins {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  /** Astro's built-in remark-smartypants stays off: ours replaces it. */
  smartypants: false;
  /** Astro's built-in remark-gfm stays off: ours (first in remarkPlugins) replaces it. */
  gfm: false;
}

/**
 * Everything the plugins read, as plain data: the render workers
 * (`parallel-processor.ts`) receive this and build the same plugins with
 * `pluginOptionsFromData`, so the main thread and the workers cannot disagree.
 */
export interface MarkdownPluginData {
  siteUrl: string;
  bacaJugaLabel: string;
  /** `site.yaml` datelineLabel: "Liputan ABN". */
  datelineLabel: string;
  /** Location id → its dateline in capitals ("PALEMBANG"). */
  datelines: Record<string, string>;
  /** Every article a `::baca-juga` may name: [id, title, url]. */
  articles: [id: string, title: string, url: string][];
  wordsPerMinute?: number;
  /** Zone, locale and section heading for live coverage updates. */
  liveUpdates?: LiveUpdatesOptions;
}

export function pluginOptionsFromData(data: MarkdownPluginData): MarkdownPluginOptions {
  const byId = new Map(data.articles.map(([id, title, url]) => [id, { id, title, url }]));
  const datelines = new Map(Object.entries(data.datelines));
  return {
    siteUrl: data.siteUrl,
    bacaJugaLabel: data.bacaJugaLabel,
    lookup: (id) => byId.get(id),
    knownIds: () => [...byId.keys()],
    datelineFor: (frontmatter) => {
      const dateline = datelines.get(String(frontmatter.location ?? ''));
      // En dash (U+2013) as Indonesian portals print it: "Liputan ABN | PALEMBANG –".
      return dateline ? `${data.datelineLabel} | ${dateline} \u2013` : undefined;
    },
    wordsPerMinute: data.wordsPerMinute,
    liveUpdates: data.liveUpdates,
  };
}

export function createMarkdownPlugins(options: MarkdownPluginOptions): MarkdownPlugins {
  return {
    remarkPlugins: [
      remarkGfmLean,
      remarkSmartypants,
      remarkDirective,
      [remarkBacaJuga, { lookup: options.lookup, label: options.bacaJugaLabel, knownIds: options.knownIds }],
      [remarkLiveUpdates, options.liveUpdates ?? { timeZone: 'Asia/Jakarta', locale: 'id', label: 'Perkembangan terkini' }],
      remarkUnhandledDirectives,
      [remarkReadingTime, { wordsPerMinute: options.wordsPerMinute }],
      remarkSummary,
      [remarkDateline, { datelineFor: options.datelineFor }],
    ],
    rehypePlugins: [rehypeFigure, [rehypeExternalLinks, { siteUrl: options.siteUrl }], rehypeLiveUpdates],
    smartypants: false,
    gfm: false,
  };
}
