/** A live story's updates, as its Markdown rendering recorded them (src/markdown/remark-live-updates.ts). */
import { renderStory } from './render-story.ts';
import type { LiveUpdate } from '../lib/live-updates.ts';
import type { Article } from './content.ts';

/** Newest first; empty for a story without updates (or not live). */
export async function liveUpdatesOf(article: Article): Promise<LiveUpdate[]> {
  if (!article.data.live) return [];
  const { remarkPluginFrontmatter } = await renderStory(article.entry);
  return (remarkPluginFrontmatter.liveUpdates as LiveUpdate[] | undefined) ?? [];
}
