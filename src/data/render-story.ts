/**
 * Renders a story's body with Astro's `render`, whether the content store holds it or the build
 * kept it in a file of its own (lib/bodies-apart.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, type CollectionEntry } from 'astro:content';
import { BODIES_FOLDER, bodyKeptApart, withBody } from '../lib/bodies-apart.ts';

export function renderStory(entry: CollectionEntry<'articles'>): ReturnType<typeof render> {
  if (!bodyKeptApart(entry)) return render(entry);
  // The server reads its own copy: a file missing there is a deploy that left part of the folder behind.
  const fix = __WARTA_BODIES__ ? undefined : 'deploy the whole dist/server/ folder again';
  return render(withBody(entry, bodiesDir(), fix));
}

let serverCopy: string | undefined;

function bodiesDir(): string {
  // Builds and the dev server read Astro's cache folder, the server its copy beside its code
  // (placed by the warta integration), found from the chunk this code is bundled into.
  if (__WARTA_BODIES__) return __WARTA_BODIES__;
  const here = path.dirname(fileURLToPath(import.meta.url));
  serverCopy ??= [path.join(here, BODIES_FOLDER), path.join(here, '..', BODIES_FOLDER)].find((d) => fs.existsSync(d));
  if (!serverCopy) throw new Error(`[warta] ${BODIES_FOLDER}/ is missing beside the server code; deploy the whole server folder`);
  return serverCopy;
}
