/**
 * "Berita Terkait": stories sharing the category or tags, most shared first,
 * then newest. Cheap enough to run per page: scores are integers, no text analysis.
 */
export interface RelatedCandidate {
  id: string;
  category: string;
  tags: string[];
  date: Date;
}

export function relatedArticles<T extends RelatedCandidate>(article: RelatedCandidate, pool: T[], limit = 4): T[] {
  const tags = new Set(article.tags.map((t) => t.toLowerCase()));
  return pool
    .filter((c) => c.id !== article.id)
    .map((c) => ({
      c,
      // A shared tag is a stronger signal than the broad category.
      score: c.tags.filter((t) => tags.has(t.toLowerCase())).length * 2 + (c.category === article.category ? 1 : 0),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.c.date.getTime() - a.c.date.getTime())
    .slice(0, limit)
    .map((x) => x.c);
}
