import { closest, distance } from 'fastest-levenshtein';

/**
 * The known value nearest to a mistyped one, for "Did you mean …?" hints.
 * Only offered when it is plausibly a typo (distance at most a third of the length, min 2),
 * so we never suggest an unrelated id.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const lower = value.toLowerCase();
  const exactish = list.find((c) => c.toLowerCase() === lower || c === lower.replace(/\s+/g, '-'));
  if (exactish) return exactish;
  const best = closest(lower, list);
  return distance(lower, best) <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}
