/**
 * The import's memory, committed with the content (`content/wordpress/state.json`):
 * which WordPress post became which article, and the hash of every file the import
 * wrote. A re-run compares hashes to tell "unchanged", "changed in WordPress" and
 * "edited by a journalist since" (which is never overwritten) apart, on any clone.
 */
import { createHash } from 'node:crypto';

export interface ImportState {
  version: 1;
  /** WordPress post id → article or page id (ids stay stable across runs). */
  posts: Record<string, string>;
  /** File path (relative to the project root) → sha256 of what the import wrote. */
  files: Record<string, string>;
}

export const emptyState = (): ImportState => ({ version: 1, posts: {}, files: {} });

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export function parseState(text: string | undefined): ImportState {
  if (text === undefined) return emptyState();
  const raw = JSON.parse(text) as Partial<ImportState>;
  if (raw.version !== 1 || typeof raw.posts !== 'object' || typeof raw.files !== 'object') throw new Error('unknown state file format (expected version 1)');
  return { version: 1, posts: { ...raw.posts }, files: { ...raw.files } };
}

const sorted = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function serializeState(state: ImportState): string {
  return `${JSON.stringify({ version: 1, posts: sorted(state.posts), files: sorted(state.files) }, null, 1)}\n`;
}

export type FileDecision =
  /** Not there yet: write it. */
  | 'new'
  /** Same as on disk: nothing to do. */
  | 'unchanged'
  /** Written by the import, untouched since, different now: overwrite. */
  | 'changed'
  /** Changed on disk since the import wrote it: leave it and report it. */
  | 'edited'
  /** On disk but never written by the import: leave it and report it. */
  | 'foreign'
  /** Written by an earlier import, deleted since: a deliberate removal, left deleted. */
  | 'deleted';

/** What to do with one file. `current` is the file's content on disk, undefined when absent. */
export function decide(next: string | Buffer, current: string | Buffer | undefined, recorded: string | undefined): FileDecision {
  if (current === undefined) return recorded ? 'deleted' : 'new';
  const currentHash = sha256(current);
  if (currentHash === sha256(next)) return 'unchanged';
  if (!recorded) return 'foreign';
  return currentHash === recorded ? 'changed' : 'edited';
}
