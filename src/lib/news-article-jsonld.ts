/**
 * schema.org NewsArticle for Google's article rich results
 * (https://developers.google.com/search/docs/appearance/structured-data/article).
 * Every date carries the site's offset, never "Z", so crawlers see WIB times.
 */
import { toZonedIso } from './dates.ts';

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  images: string[];
  datePublished: Date;
  dateModified?: Date;
  timeZone: string;
  authors: { name: string; url: string }[];
  editor?: { name: string; url: string };
  publisher: { name: string; url: string; logo?: { url: string; width: number; height: number } };
  /** Absent for a story without a location. */
  dateline?: string;
  location?: string;
  section: string;
  keywords: string[];
  language: string;
  isAccessibleForFree?: boolean;
  corrections?: { date: Date; text: string }[];
}

export function newsArticleJsonLd(a: NewsArticleInput) {
  const person = (p: { name: string; url: string }) => ({ '@type': 'Person', name: p.name, url: p.url });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline,
    description: a.description,
    ...(a.images.length ? { image: a.images } : {}),
    datePublished: toZonedIso(a.datePublished, a.timeZone),
    dateModified: toZonedIso(a.dateModified ?? a.datePublished, a.timeZone),
    author: a.authors.map(person),
    ...(a.editor ? { editor: person(a.editor) } : {}),
    publisher: {
      '@type': 'Organization',
      name: a.publisher.name,
      url: a.publisher.url,
      ...(a.publisher.logo ? { logo: { '@type': 'ImageObject', ...a.publisher.logo } } : {}),
    },
    ...(a.dateline ? { dateline: a.dateline } : {}),
    ...(a.location ? { locationCreated: { '@type': 'Place', name: a.location } } : {}),
    articleSection: a.section,
    keywords: a.keywords.join(', '),
    inLanguage: a.language,
    isAccessibleForFree: a.isAccessibleForFree ?? true,
    ...(a.corrections?.length
      ? {
          correction: a.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.text,
            datePublished: toZonedIso(c.date, a.timeZone),
          })),
        }
      : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so a headline can't close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
