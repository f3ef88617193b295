import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { file, glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { PersonSchema } from './schemas/person.ts';
import { CategorySchema, LocationSchema } from './schemas/taxonomy.ts';
import { PageSchema } from './schemas/page.ts';
import { contentDir, readSiteConfig } from './lib/site-config.ts';
import { createDependencyDigest } from './lib/render-dependencies.ts';
import { bodiesApart, keepBodiesApart } from './lib/bodies-apart.ts';

const dir = contentDir();
const site = readSiteConfig(dir);
const base = (sub: string) => pathToFileURL(path.join(dir, sub) + path.sep);
/**
 * Astro's cache re-renders an entry only when its own file changes; rendered articles
 * also depend on other files (see lib/render-dependencies.ts), so fold those into the digest.
 */
function withRenderDependencies(loader: Loader, extra: (contents: string) => string): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? data + extra(data) : data),
      }),
  };
}

/** Ids are file names: an article keeps its id when it moves between YYYY/MM folders. */
const idFromFileName = ({ entry }: { entry: string }) => path.basename(entry).replace(/\.(mdx?|ya?ml)$/, '');

export const collections = {
  articles: defineCollection({
    // retainBody: false keeps the raw Markdown out of the data store Astro compiles into
    // the build as one JS module: nothing reads entry.body, and at 10,000 stories the
    // bodies made that module ~45 MB bigger (slower to compile, more peak memory).
    // In builds the rendered bodies are kept out of the store too, in files of their own
    // (lib/bodies-apart.ts); the dev server keeps them in the store as Astro does.
    loader: keepBodiesApart(
      withRenderDependencies(
        glob({ base: base('articles'), pattern: '**/*.{md,mdx}', generateId: idFromFileName, retainBody: false }),
        createDependencyDigest(dir, process.cwd()),
      ),
      bodiesApart(process.env),
    ),
    schema: ({ image }) => articleSchema({ timeZone: site.timeZone, localImage: image() }),
  }),
  people: defineCollection({
    loader: glob({ base: base('people'), pattern: '*.{yaml,yml}', generateId: idFromFileName }),
    schema: PersonSchema,
  }),
  categories: defineCollection({ loader: file(path.join(dir, 'categories.yaml')), schema: CategorySchema }),
  locations: defineCollection({ loader: file(path.join(dir, 'locations.yaml')), schema: LocationSchema }),
  pages: defineCollection({
    loader: glob({ base: base('pages'), pattern: '*.{md,mdx}', generateId: idFromFileName }),
    schema: PageSchema,
  }),
};
