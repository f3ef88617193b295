import { slug } from 'github-slugger';
import { zonedParts } from './dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An article's path from the site's permalink pattern, e.g. `/:year/:month/:slug/`
 * → `/2023/07/polda-sumsel-…/`. Year, month and day are those of the site's zone,
 * so a story published at 00:30 WIB on 1 August files under August.
 */
export function articlePath(pattern: string, article: { id: string; date: Date; category: string }, timeZone: string): string {
  const p = zonedParts(article.date, timeZone);
  return pattern
    .replace(':year', String(p.year))
    .replace(':month', pad(p.month))
    .replace(':day', pad(p.day))
    .replace(':category', article.category)
    .replace(':slug', article.id);
}

/** URL-safe slug of a free-text tag ("Polda Sumsel" → "polda-sumsel"), stable across builds. */
export function tagSlug(tag: string): string {
  return slug(tag.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/** Absolute URL on the site; `site` has no trailing slash. */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, `${site}/`).href;
}

/** Ensures a leading and trailing slash, the form Astro's static output serves. */
export function normalisePath(path: string): string {
  const trimmed = path.replace(/\/index\.html?$/, '/').replace(/^\/*/, '/');
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}
