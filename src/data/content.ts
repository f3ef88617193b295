/**
 * The one place pages read content from Astro: resolves ids to people, places and
 * sections, applies the publishing rules, and computes URLs. Pages stay thin.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Category, Location } from '../schemas/taxonomy.ts';
import type { Person } from '../schemas/person.ts';
import type { Site } from '../schemas/site.ts';
import { readSiteConfig } from '../lib/site-config.ts';
import { createTranslator, type Translator } from '../i18n/translator.ts';
import { articlePath, absoluteUrl, tagSlug } from '../lib/paths.ts';
import { resolveNow } from '../lib/dates.ts';
import { isPublished, publicationState } from '../lib/publishing.ts';
import type { ListingArticle } from '../lib/listings.ts';
import { relatedIndex, type RelatedCandidate } from '../lib/related.ts';
import { pageKey } from '../lib/page-keys.ts';
import { adScheduleDay } from '../lib/ads.ts';
import { latestRows } from '../lib/latest-feed.ts';
import type { ListingPage } from '../lib/paginate.ts';
import { shareCardLimit, storiesWithCards } from '../share-card/select.ts';
import { liveState, type LiveState } from '../lib/live-updates.ts';
import { archiveCutoff, isArchived } from '../lib/archive.ts';

export interface Article {
  id: string;
  entry: CollectionEntry<'articles'>;
  data: CollectionEntry<'articles'>['data'];
  path: string;
  url: string;
  category: Category;
  /** Undefined for a story without a location: it prints no dateline. */
  location?: Location;
  reporters: Person[];
  editor: Person;
  /** A person from the registry, or the free-text credit. */
  photographer?: Person | string;
  tags: { name: string; slug: string }[];
  state: 'published' | 'draft' | 'scheduled';
  /** The "Hak Jawab" article answering this one, and the article this one answers. */
  rightOfReply?: { path: string; title: string };
  replyTo?: { path: string; title: string };
  /** On a story published while still being verified: the follow-up with the verified account. And on that follow-up, the story it verifies. */
  verifiedBy?: { path: string; title: string };
  verifies?: { path: string; title: string };
  /** Live coverage at build time: before its start, running, or over (undefined for an ordinary story). */
  live?: LiveState;
}

export interface Catalog {
  site: Site;
  now: Date;
  /**
   * Articles for listings, feeds and related stories, newest first: live and not retracted.
   * In `astro dev` drafts and scheduled ones are included, flagged by `state`.
   */
  articles: Article[];
  /** Every article that gets a page, retracted ones included (their URL stays alive). */
  allArticles: Article[];
  /** The part of `allArticles` prerendered by the build; the rest (`archived`) is rendered on request. */
  prerendered: Article[];
  /** Articles older than `WARTA_PRERENDER_DAYS` at build time, rendered on request (lib/archive.ts); usually none. */
  archived: Article[];
  people: Map<string, Person>;
  categories: Category[];
  locations: Map<string, Location>;
  /** The site's UI strings (src/i18n), made once per build. */
  t: Translator;
  /** Static pages (Redaksi, Tentang…) for the footer, in their `order`. */
  staticPages: { id: string; title: string }[];
  /**
   * The page marked `commentRules: true`: its path, and a version that changes with its
   * text, so each comment records which rules its author accepted. Undefined: no such page.
   */
  commentRules?: { path: string; version: string };
  personUrl: (id: string) => string;
}

/** The plain fields listing logic in src/lib works on. */
export function listingFields(a: Article): ListingArticle {
  return {
    id: a.id,
    date: a.data.date,
    category: a.data.category,
    location: a.data.location,
    reporters: a.data.reporter,
    editor: a.data.editor,
    tags: a.tags,
    headline: a.data.headline,
    breaking: a.data.breaking,
  };
}

/** Only what a production build publishes (the dev server also lists drafts, flagged). */
export const published = (articles: Article[]) => articles.filter((a) => a.state === 'published');

let cached: Promise<Catalog> | undefined;

/** Loads once per build; every page shares the result. */
export function getCatalog(): Promise<Catalog> {
  cached ??= load();
  return cached;
}

const derived = new Map<string, unknown>();

/**
 * Something pages derive from the whole catalog (an index, a grouping), computed once
 * per build and shared, instead of once per page: at 10,000 stories a per-page scan
 * of every article is quadratic.
 */
export async function fromCatalog<T>(key: string, compute: (catalog: Catalog) => T): Promise<T> {
  const catalog = await getCatalog();
  if (!derived.has(key)) derived.set(key, compute(catalog));
  return derived.get(key) as T;
}

const describe = (a: Article): RelatedCandidate => ({ id: a.id, category: a.data.category, tags: a.data.tags, date: a.data.date });

const RELATED_COUNT = 4;

/**
 * "Berita terkait" for an article: published stories only, from an index built once per
 * build, and each article's answer kept (its page key and its page both ask).
 */
export async function relatedStories(article: Article): Promise<Article[]> {
  const find = await fromCatalog('related', (c) => {
    const relatedTo = relatedIndex(c.articles.filter((a) => a.state === 'published'), describe);
    const answers = new Map<string, Article[]>();
    return (a: Article) => {
      let related = answers.get(a.id);
      if (!related) answers.set(a.id, (related = relatedTo(describe(a), RELATED_COUNT)));
      return related;
    };
  });
  return find(article);
}

/**
 * What every page shows besides its own stories, as one key (lib/page-keys.ts): site
 * config (ads included), sections, locations, people, static pages, the footer's year and
 * the day banners are scheduled by. Translations and components are code: Astro hashes those.
 */
export function siteKey(): Promise<string> {
  return fromCatalog('siteKey', (c) =>
    pageKey(
      JSON.stringify(c.site),
      JSON.stringify(c.categories),
      JSON.stringify([...c.locations]),
      JSON.stringify([...c.people]),
      JSON.stringify(c.staticPages),
      JSON.stringify(c.commentRules ?? null),
      new Date(c.now).getFullYear(),
      adScheduleDay(c.site.ads, c.now, c.site.timeZone),
    ),
  );
}

/** A story's content digest: its file plus what its Markdown depends on (render-dependencies.ts). */
const digestOf = (a: Article) => `${a.id}:${a.entry.digest ?? JSON.stringify(a.data)}:${a.state}:${a.live ?? ''}`;

/**
 * Whether a story's share image is a card drawn for it (share-card/select.ts) rather than
 * the site's card: it changes as newer stories push it out of the newest few.
 */
export async function hasShareCard(article: Article): Promise<boolean> {
  const ids = await fromCatalog('shareCards', (c) => storiesWithCards(c.articles, (a) => !!a.data.cover, (a) => a.id, shareCardLimit(process.env)));
  return ids.has(article.id);
}

/** How many rows "Berita Terkini" keeps on an article's page (lib/latest-feed.ts). */
export async function latestRowsFor(article: Article): Promise<number> {
  const count = await fromCatalog('publishedCount', (c) => published(c.articles).length);
  // A retracted story keeps its page but is not in the feed, so it leaves nothing out of it.
  return latestRows(count, article.state === 'published' && !article.data.retracted);
}

/** Incremental-build key of an article page: the story, its related stories, reply links, its share image, the room kept for Berita Terkini. */
export async function articlePageKey(article: Article): Promise<string> {
  const related = await relatedStories(article);
  return pageKey(
    await siteKey(),
    digestOf(article),
    await latestRowsFor(article),
    await hasShareCard(article),
    article.rightOfReply && JSON.stringify(article.rightOfReply),
    article.replyTo && JSON.stringify(article.replyTo),
    article.verifiedBy && JSON.stringify(article.verifiedBy),
    article.verifies && JSON.stringify(article.verifies),
    ...related.map(digestOf),
  );
}

/** Incremental-build key of a listing page: the group it lists and the stories on this page. */
export async function listingPageKey(group: unknown, page: ListingPage<Article>): Promise<string> {
  return pageKey(await siteKey(), JSON.stringify(group), page.url, page.number, page.last, ...page.items.map(digestOf));
}

/** Incremental-build key of an archive search page (src/routes/archive-search.astro): the stories it holds. */
export async function archiveSearchPageKey(stories: Article[]): Promise<string> {
  return pageKey(await siteKey(), ...stories.map(digestOf));
}

/** Adds each listing page's incremental-build key to its static paths. */
export function withListingKeys<P extends { props: { page: ListingPage<Article>; group?: unknown } }>(paths: P[]): Promise<(P & { cacheKey: string })[]> {
  return Promise.all(paths.map(async (path) => ({ ...path, cacheKey: await listingPageKey(path.props.group, path.props.page) })));
}

async function load(): Promise<Catalog> {
  // Built in: the server that renders archived stories has no content folder.
  const site = __WARTA_SITE__ ?? readSiteConfig();
  // The build's instant, also in the server that renders archived stories on request later:
  // their pages are the ones the build would have written.
  const now = __WARTA_BUILD_NOW__ ? new Date(__WARTA_BUILD_NOW__) : resolveNow();
  // Read once per build: every page's footer lists the static pages, and Astro logs a warning
  // on each read of an empty collection (16,000 lines at 10,000 articles without pages).
  const [entries, peopleEntries, categoryEntries, locationEntries, pageEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('people'),
    getCollection('categories'),
    getCollection('locations'),
    getCollection('pages'),
  ]);
  const staticPages = pageEntries
    .sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title))
    .map((p) => ({ id: p.id, title: p.data.title }));
  const rulesPage = pageEntries.find((p) => p.data.commentRules);
  const commentRules = rulesPage
    ? { path: `/${rulesPage.id}/`, version: createHash('sha256').update(`${rulesPage.data.title}\n${rulesPage.body ?? ''}`).digest('hex').slice(0, 10) }
    : undefined;
  const people = new Map<string, Person>(peopleEntries.map((p) => [p.id, { ...p.data, id: p.id }]));
  const categories = categoryEntries.map((c) => c.data);
  const categoryMap = new Map(categories.map((c) => [c.id, c]));
  const locations = new Map(locationEntries.map((l) => [l.id, l.data]));
  const showUnpublished = __WARTA_PREVIEW_UNPUBLISHED__;

  const all = entries
    .filter((e) => showUnpublished || isPublished(e.data, now))
    .map((entry): Article => {
      const data = entry.data;
      const path = articlePath(site.permalink, { id: entry.id, date: data.date, category: data.category }, site.timeZone);
      const photographer = data.photographer ? (people.get(data.photographer) ?? data.photographer) : undefined;
      return {
        id: entry.id,
        entry,
        data,
        path,
        url: absoluteUrl(site.url, path),
        // Ids were checked by the content validator before Astro started, so lookups cannot miss.
        category: categoryMap.get(data.category)!,
        location: data.location === undefined ? undefined : locations.get(data.location)!,
        reporters: data.reporter.map((id) => people.get(id)!),
        editor: people.get(data.editor)!,
        photographer,
        tags: data.tags.map((name) => ({ name, slug: tagSlug(name) })),
        state: publicationState(data, now),
        live: data.live ? liveState(data.live, now) : undefined,
      };
    })
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime());

  // Right of reply links both ways: the original names its reply; the reply learns its original.
  const byId = new Map(all.map((a) => [a.id, a]));
  for (const article of all) {
    const reply = article.data.rightOfReply ? byId.get(article.data.rightOfReply) : undefined;
    if (!reply) continue;
    article.rightOfReply = { path: reply.path, title: reply.data.title };
    reply.replyTo = { path: article.path, title: article.data.title };
  }
  // Verification links both ways too: the follow-up names the story it verifies (guideline 2d).
  for (const followUp of all) {
    const original = followUp.data.verifies ? byId.get(followUp.data.verifies) : undefined;
    if (!original) continue;
    followUp.verifies = { path: original.path, title: original.data.title };
    original.verifiedBy = { path: followUp.path, title: followUp.data.title };
  }

  const articles = all.filter((a) => !a.data.retracted);
  const cutoff = archiveCutoff(now, __WARTA_PRERENDER_DAYS__);
  const prerendered: Article[] = [];
  const archived: Article[] = [];
  for (const a of all) (isArchived(a.data.date, cutoff) ? archived : prerendered).push(a);
  return { site, now, t: createTranslator(site.locale), articles, allArticles: all, prerendered, archived, people, categories, locations, staticPages, commentRules, personUrl: (id) => `/penulis/${id}/` };
}
