/**
 * schema.org Organization and WebSite for the front page, one `@graph`: Google reads the
 * publisher's name, logo and social profiles (`sameAs`) from Organization
 * (https://developers.google.com/search/docs/appearance/structured-data/organization)
 * and the site's name from WebSite (https://developers.google.com/search/docs/appearance/site-names).
 */

export interface SiteJsonLdInput {
  name: string;
  /** Origin without a trailing slash, "https://liputanabn.com". */
  url: string;
  description: string;
  language: string;
  logo?: { url: string; width: number; height: number };
  /** Social profile URLs. */
  sameAs: string[];
  /** Search page with `{search_term_string}` where the words go. */
  searchUrlTemplate: string;
}

export function siteJsonLd(s: SiteJsonLdInput) {
  const home = `${s.url}/`;
  const organizationId = `${home}#organization`;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Organization',
        '@id': organizationId,
        name: s.name,
        url: home,
        ...(s.logo ? { logo: { '@type': 'ImageObject', url: s.logo.url, width: s.logo.width, height: s.logo.height } } : {}),
        ...(s.sameAs.length ? { sameAs: s.sameAs } : {}),
      },
      {
        '@type': 'WebSite',
        '@id': `${home}#website`,
        name: s.name,
        url: home,
        description: s.description,
        inLanguage: s.language,
        publisher: { '@id': organizationId },
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: s.searchUrlTemplate },
          'query-input': 'required name=search_term_string',
        },
      },
    ],
  };
}
