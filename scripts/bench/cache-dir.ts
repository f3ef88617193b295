/**
 * Where a build of a given content folder keeps Astro's caches. Mirrors the key in
 * astro.config.mjs (content folder + schema files), so a cold run can delete exactly
 * that folder and nothing that other builds or tests use.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function astroCacheDir(root: string, contentDir: string): string {
  const key = createHash('sha1').update(contentDir);
  for (const file of fs.globSync('src/schemas/*.ts', { cwd: root }).sort()) key.update(fs.readFileSync(path.join(root, file)));
  return path.join(root, 'node_modules/.astro', key.digest('hex').slice(0, 12));
}
