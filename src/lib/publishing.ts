/**
 * Whether an article is live at build time. Drafts never are; a future date is a
 * schedule, published by the first build after it (the deploy workflow runs on a timer).
 */
export function isPublished(article: { draft: boolean; date: Date }, now: Date): boolean {
  return !article.draft && article.date.getTime() <= now.getTime();
}

/** Why an unpublished article is hidden, for the dev-server banner. */
export function publicationState(article: { draft: boolean; date: Date }, now: Date): 'published' | 'draft' | 'scheduled' {
  if (article.draft) return 'draft';
  return article.date.getTime() > now.getTime() ? 'scheduled' : 'published';
}
