/**
 * A digest of everything an `astro build` reads (source, content, public files, config,
 * lockfile), so `npm start` and the test fixtures skip a build when nothing changed.
 * File sizes and modification times stand in for contents: cheap, and any edit changes them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function buildInputsDigest(root: string, contentDir: string, salt = ''): string {
  const hash = createHash('sha1').update(salt).update(contentDir);
  for (const dir of ['src', contentDir, 'public']) {
    for (const file of fs.globSync('**/*', { cwd: path.resolve(root, dir) }).sort()) {
      const stat = fs.statSync(path.resolve(root, dir, file));
      if (stat.isFile()) hash.update(`${dir}/${file}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  for (const file of ['astro.config.mjs', 'package-lock.json']) hash.update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}
