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

export function relatedArticles<T>(
  current: RelatedCandidate,
  pool: T[],
  describe: (item: T) => RelatedCandidate,
  limit = 4,
): T[] {
  const tags = new Set(current.tags.map((t) => t.toLowerCase()));
  return pool
    .map((item) => ({ item, c: describe(item) }))
    .filter(({ c }) => c.id !== current.id)
    .map((x) => ({
      ...x,
      // A shared tag is a stronger signal than the broad category.
      score: x.c.tags.filter((t) => tags.has(t.toLowerCase())).length * 2 + (x.c.category === current.category ? 1 : 0),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.c.date.getTime() - a.c.date.getTime())
    .slice(0, limit)
    .map((x) => x.item);
}
