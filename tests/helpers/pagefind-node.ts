/**
 * Pagefind's own browser module, run in Node against a built site's bundle (it fetches its files),
 * for tests that ask what a reader's search finds.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FoundStory {
  url: string;
  filters: Record<string, string[]>;
}

interface PagefindResult {
  results: { data(): Promise<FoundStory> }[];
}

/**
 * The stories a search for `query` finds in the bundle at `<root>/pagefind/`. Each `instance`
 * gets its own module (Pagefind keeps what it loaded): pass another one after the bundle changed.
 */
export async function searchIn(root: string, query: string, instance = root): Promise<FoundStory[]> {
  const bundle = path.join(root, 'pagefind');
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL) => {
    const target = String(input);
    return target.startsWith(bundle) ? new Response(fs.readFileSync(target.split('?')[0]!)) : realFetch(input);
  }) as typeof fetch;
  try {
    const pagefind = (await import(`${bundle}/pagefind.js?${encodeURIComponent(instance)}`)) as {
      options(o: { basePath: string; baseUrl: string }): Promise<void>;
      search(q: string): Promise<PagefindResult>;
    };
    await pagefind.options({ basePath: `${bundle}/`, baseUrl: '/' });
    const found = await pagefind.search(query);
    return Promise.all(found.results.map((r) => r.data()));
  } finally {
    globalThis.fetch = realFetch;
  }
}
