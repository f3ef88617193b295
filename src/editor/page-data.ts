/**
 * Everything the editor page hands its script, from the content as loaded for the build:
 * the Sveltia configuration, the ids the check needs, the preview's datelines and bylines.
 */
import type { Site } from '../schemas/site.ts';
import type { Person } from '../schemas/person.ts';
import type { Category, Location } from '../schemas/taxonomy.ts';
import type { CheckSources } from './check.ts';
import { editorConfig } from './config.ts';
import type { PreviewSources } from './preview.ts';

export interface EditorContent {
  site: Site;
  people: Map<string, Person>;
  categories: Category[];
  locations: Map<string, Location>;
  /** Every story, drafts and scheduled ones included: their tags feed the suggestions. */
  allArticles: { data: { tags: string[] } }[];
}

export interface EditorPageData {
  config: Record<string, unknown>;
  check: CheckSources;
  preview: PreviewSources;
}

/** Tags by how often they are used, most used first (ties alphabetical, so builds are stable). */
export function popularTags(articles: EditorContent['allArticles']): string[] {
  const counts = new Map<string, number>();
  for (const a of articles) for (const tag of a.data.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** `owner/name` from WARTA_EDITOR_REPO, else GitHub Actions' GITHUB_REPOSITORY; none in local mode. */
export function editorRepo(env: Record<string, string | undefined>): { name: string; branch: string } | undefined {
  const name = (env.WARTA_EDITOR_REPO || env.GITHUB_REPOSITORY)?.trim();
  if (!name) return undefined;
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) throw new Error(`[warta] WARTA_EDITOR_REPO must be "owner/name" of a GitHub repository, got "${name}"`);
  return { name, branch: env.WARTA_EDITOR_BRANCH?.trim() || 'main' };
}

export function editorPageData(content: EditorContent, env: Record<string, string | undefined>): EditorPageData {
  const { site } = content;
  const people = [...content.people.values()];
  const locations = [...content.locations.values()];
  return {
    config: editorConfig({
      site,
      people,
      categories: content.categories,
      locations,
      tags: popularTags(content.allArticles),
      repo: editorRepo(env),
    }),
    check: {
      locale: site.locale,
      timeZone: site.timeZone,
      people: people.map((p) => p.id),
      categories: content.categories.map((c) => c.id),
      locations: locations.map((l) => l.id),
    },
    preview: {
      locale: site.locale,
      siteUrl: site.url,
      datelineLabel: site.datelineLabel,
      datelines: Object.fromEntries(locations.map((l) => [l.id, l.dateline])),
      people: Object.fromEntries(people.map((p) => [p.id, { name: p.name, code: p.code }])),
    },
  };
}
