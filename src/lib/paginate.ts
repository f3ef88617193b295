/**
 * Listing pages: page 1 at the section's own URL, later pages at `…/halaman/N/`
 * (the form Indonesian WordPress portals use), 20 stories each by default.
 */
export interface ListingPage<T> {
  items: T[];
  /** 1-based. */
  number: number;
  last: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

/** `/kategori/politik/` + 3 → `/kategori/politik/halaman/3/`; page 1 is the base itself. */
export function pageUrl(base: string, number: number): string {
  return number <= 1 ? base : `${base}halaman/${number}/`;
}

/** The rest-parameter value for a page's route: undefined for page 1, `halaman/N` after. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : `halaman/${number}`;
}

/**
 * Splits a listing into pages. An empty listing still has one (empty) page so
 * that a section's own URL always exists.
 */
export function paginate<T>(items: T[], base: string, pageSize: number): ListingPage<T>[] {
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: last }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice(i * pageSize, number * pageSize),
      number,
      last,
      url: pageUrl(base, number),
      prevUrl: number > 1 ? pageUrl(base, number - 1) : undefined,
      nextUrl: number < last ? pageUrl(base, number + 1) : undefined,
    };
  });
}
