import { z } from 'zod';

/**
 * The longest id: a story's id is its file name, and the build and the server name files after
 * it (`<id>.json`, `<id>.png`), so it must stay well inside a file system's 255 bytes. WordPress
 * allows slugs of the same length, so an imported slug always fits.
 */
export const ID_MAX_LENGTH = 200;

/** The longest id made from a headline, by `npm run new` and the newsroom editor: a short URL, well inside ID_MAX_LENGTH. */
export const SLUG_MAX_LENGTH = 60;

/**
 * Ids of stories (their file names), categories and places: lower-case ASCII letters and digits
 * in words joined by single hyphens, at most `ID_MAX_LENGTH` characters. The content check,
 * `npm run new`, the WordPress import and the comment and view function all use this one rule.
 */
export const ID = new RegExp(`^(?=.{1,${ID_MAX_LENGTH}}$)[a-z0-9]+(?:-[a-z0-9]+)*$`);

export function isId(value: string): boolean {
  return ID.test(value);
}

export const idSchema = z.string().regex(ID, { message: `lower-case letters and digits, words joined by single hyphens, at most ${ID_MAX_LENGTH} characters` });
