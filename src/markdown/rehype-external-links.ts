/**
 * Links to other hosts get `rel="noopener"`, keeping whatever `rel` the author set
 * (`sponsored`, `nofollow`). `noopener` stops an opened page from reaching back through
 * `window.opener`; the HTML standard now implies it for `target="_blank"`, and saying it
 * explicitly costs nothing and covers older browsers and scripts that open new tabs.
 *
 * A thin configuration of `rehype-external-links`, which by default treats every absolute
 * http(s) URL as external and replaces `rel`; we exclude the site's own host and merge.
 * Relative links and other protocols (mailto:, tel:) are untouched.
 *
 * Only elements are seen: raw HTML `<a>` in Markdown is parsed by Astro after the
 * rehype plugins run, so it keeps exactly the `rel` the author wrote.
 */
import type { Element, Root } from 'hast';
import externalLinks from 'rehype-external-links';
import type { Plugin } from 'unified';

export interface ExternalLinksOptions {
  /** The site's canonical URL, e.g. "https://abnnews.id"; its host (with or without www.) is internal. */
  siteUrl: string;
}

const REL = 'noopener';

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** The rel tokens an element already has, whether set as a list or as a string. */
function existingRel(element: Element): string[] {
  const rel: unknown = element.properties.rel;
  if (Array.isArray(rel)) return rel.map(String);
  if (typeof rel === 'string') return rel.split(/\s+/).filter(Boolean);
  return [];
}

export const rehypeExternalLinks: Plugin<[ExternalLinksOptions], Root> = function (options) {
  let siteHost: string;
  try {
    siteHost = bareHost(new URL(options.siteUrl).host);
  } catch {
    throw new TypeError(`rehype-external-links: siteUrl must be an absolute URL, got "${options?.siteUrl}"`);
  }
  return externalLinks({
    // Relative hrefs resolve against the site and so count as internal; the package itself
    // then skips anything that is not http(s) or protocol-relative.
    test: (element: Element) => {
      const href = element.properties.href;
      if (typeof href !== 'string') return false;
      try {
        return bareHost(new URL(href, options.siteUrl).host) !== siteHost;
      } catch {
        return false;
      }
    },
    rel: (element: Element) => {
      const rel = existingRel(element);
      return rel.includes(REL) ? rel : [...rel, REL];
    },
  });
};
