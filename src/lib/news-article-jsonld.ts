/**
 * schema.org NewsArticle for Google's article rich results
 * (https://developers.google.com/search/docs/appearance/structured-data/article).
 * Every date carries the site's offset, never "Z", so crawlers see WIB times.
 */
import { toZonedIso } from './dates.ts';
import { DIGITAL_SOURCE_TYPE, type AiUse } from './ai-labels.ts';
import type { LiveUpdate } from './live-updates.ts';

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
  /** AI in the story (frontmatter `ai:`): the text, and the cover when `images[0]` is the cover. */
  ai?: { text?: AiUse; cover?: AiUse };
  /**
   * Live coverage: the page becomes a https://schema.org/LiveBlogPosting with its updates,
   * newest first, carrying what Google's live-blog guidelines require: coverageStartTime,
   * coverageEndTime, and liveBlogUpdate items with headline, datePublished and articleBody
   * (plus each update's own URL, the page with its anchor).
   */
  live?: { start: Date; end: Date; updates: LiveUpdate[] };
}

export function newsArticleJsonLd(a: NewsArticleInput) {
  const person = (p: { name: string; url: string }) => ({ '@type': 'Person', name: p.name, url: p.url });
  const images = a.images.map((url, i) => (i === 0 && a.ai?.cover ? { '@type': 'ImageObject', url, digitalSourceType: DIGITAL_SOURCE_TYPE[a.ai.cover] } : url));
  // The newest update is the page's latest change.
  const newest = a.live?.updates[0] ? new Date(a.live.updates[0].datePublished) : undefined;
  const modified = [a.dateModified ?? a.datePublished, ...(newest ? [newest] : [])].reduce((x, y) => (y > x ? y : x));
  return {
    '@context': 'https://schema.org',
    '@type': a.live ? 'LiveBlogPosting' : 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline,
    description: a.description,
    ...(images.length ? { image: images } : {}),
    datePublished: toZonedIso(a.datePublished, a.timeZone),
    dateModified: toZonedIso(modified, a.timeZone),
    ...(a.ai?.text ? { digitalSourceType: DIGITAL_SOURCE_TYPE[a.ai.text] } : {}),
    ...(a.live
      ? {
          coverageStartTime: toZonedIso(a.live.start, a.timeZone),
          coverageEndTime: toZonedIso(a.live.end, a.timeZone),
          liveBlogUpdate: a.live.updates.map((u) => ({
            '@type': 'BlogPosting',
            headline: u.headline,
            datePublished: u.datePublished,
            articleBody: u.text,
            url: `${a.url}#${u.id}`,
          })),
        }
      : {}),
    author: a.authors.map(person),
    ...(a.editor ? { editor: person(a.editor) } : {}),
    publisher: {
      '@type': 'Organization',
      name: a.publisher.name,
      url: a.publisher.url,
      ...(a.publisher.logo ? { logo: { '@type': 'ImageObject', ...a.publisher.logo } } : {}),
    },
    // `dateline` belongs to NewsArticle; a LiveBlogPosting (a BlogPosting) has none.
    ...(a.dateline && !a.live ? { dateline: a.dateline } : {}),
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
