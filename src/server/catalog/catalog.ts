import { z } from 'zod';
import { idSchema } from '../../schemas/id.ts';

/**
 * What the function knows about published articles. Views and comments for ids
 * not in the catalog are refused, so nobody can fill the database with made-up
 * articles. The build writes the list (`warta-articles.json`); the function reads
 * it from a file or a URL (see file-catalog.ts, url-catalog.ts).
 */
export interface ArticleRef {
  id: string;
  title: string;
  /** Path on the site (`/2024/05/slug/`) or absolute URL; the no-JS form redirects here. */
  url: string;
}

export interface ArticleCatalog {
  get(id: string): ArticleRef | undefined | Promise<ArticleRef | undefined>;
}

/** The shape of `warta-articles.json`. */
export const ArticleListSchema = z.array(
  z.object({
    id: idSchema,
    title: z.string().min(1),
    url: z.string().regex(/^(https?:\/\/|\/)/, { message: 'must be a site path or an http(s) URL' }),
  }),
);

/** The published-article list cannot be read (not built yet, mid-deploy, site unreachable): a 503, not a bug. */
export class ArticleListUnavailable extends Error {
  readonly code = 'WARTA_ARTICLES_UNAVAILABLE';

  constructor(message: string) {
    super(message);
    this.name = 'ArticleListUnavailable';
  }
}

export function catalogFromList(list: readonly ArticleRef[]): ArticleCatalog {
  const byId = new Map(list.map((a) => [a.id, a]));
  return { get: (id) => byId.get(id) };
}

/** Parses the JSON text of an article list, with a message that says which file is wrong. */
export function parseArticleList(text: string, source: string): ArticleRef[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`warta-server: ${source} is not valid JSON`);
  }
  const parsed = ArticleListSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`warta-server: ${source} at [${first.path.join('.')}]: ${first.message}`);
  }
  return parsed.data;
}
