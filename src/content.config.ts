import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { PersonSchema } from './schemas/person.ts';
import { CategorySchema, LocationSchema } from './schemas/taxonomy.ts';
import { PageSchema } from './schemas/page.ts';
import { contentDir, readSiteConfig } from './lib/site-config.ts';

const dir = contentDir();
const site = readSiteConfig(dir);
const base = (sub: string) => pathToFileURL(path.join(dir, sub) + path.sep);
/** Ids are file names: an article keeps its id when it moves between YYYY/MM folders. */
const idFromFileName = ({ entry }: { entry: string }) => path.basename(entry).replace(/\.(mdx?|ya?ml)$/, '');

export const collections = {
  articles: defineCollection({
    loader: glob({ base: base('articles'), pattern: '**/*.{md,mdx}', generateId: idFromFileName }),
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
