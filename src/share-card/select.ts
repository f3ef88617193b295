/**
 * Which stories get a share card drawn at build time. Drawing costs ~35 ms a card, so a
 * 10,000-story archive cannot draw them all within a tenth of its build: the newest
 * stories are drawn (they are the ones shared), older ones share the site's card.
 */
import { wholeNumberFromEnv } from '../lib/build-env.ts';

/** Default for WARTA_SHARE_CARDS: how many of the newest stories get a card of their own. */
export const DEFAULT_SHARE_CARDS = 150;

export function shareCardLimit(env: NodeJS.ProcessEnv): number {
  return wholeNumberFromEnv(env, 'WARTA_SHARE_CARDS', DEFAULT_SHARE_CARDS, {
    min: 0,
    max: 1_000_000,
    hint: 'the newest stories without a cover that get a share card of their own; 0 gives every story the site card',
  });
}

/**
 * Ids of the stories drawn: among the newest `limit` stories (input newest first),
 * those without a cover (a cover is its own share image). Depends only on the story
 * list, so a page can tell from it which image it announces.
 */
export function storiesWithCards<T>(stories: T[], hasCover: (story: T) => boolean, id: (story: T) => string, limit: number): Set<string> {
  return new Set(stories.slice(0, limit).filter((s) => !hasCover(s)).map(id));
}
