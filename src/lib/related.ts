/**
 * "Berita Terkait": stories sharing the category or tags, most shared first,
 * then newest. Scores are integers, no text analysis. `relatedArticles` scans the
 * whole pool; a build asks once per article page, so it uses `relatedIndex`, which
 * gives the same answer from an index by tag and category built once (a 10,000-story
 * site would otherwise score 100 million pairs).
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

/**
 * The same ranking as `relatedArticles` over a fixed pool, indexed once. A story sharing
 * a tag scores at least 2 and one sharing only the category exactly 1, so only stories
 * sharing a tag are scored; the category list, kept newest first, fills what is left.
 */
export function relatedIndex<T>(pool: T[], describe: (item: T) => RelatedCandidate): (current: RelatedCandidate, limit?: number) => T[] {
  const described = pool.map(describe);
  const byTag = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  described.forEach((c, i) => {
    for (const tag of new Set(c.tags.map((t) => t.toLowerCase()))) {
      const list = byTag.get(tag);
      if (list) list.push(i);
      else byTag.set(tag, [i]);
    }
    const list = byCategory.get(c.category);
    if (list) list.push(i);
    else byCategory.set(c.category, [i]);
  });
  const newestFirst = (a: number, b: number) => described[b]!.date.getTime() - described[a]!.date.getTime() || a - b;
  for (const list of byCategory.values()) list.sort(newestFirst);

  return (current, limit = 4) => {
    const tags = new Set(current.tags.map((t) => t.toLowerCase()));
    const sharing = new Set<number>();
    for (const tag of tags) for (const i of byTag.get(tag) ?? []) sharing.add(i);
    const scored: { i: number; score: number }[] = [];
    for (const i of sharing) {
      const c = described[i]!;
      if (c.id === current.id) continue;
      scored.push({ i, score: c.tags.filter((t) => tags.has(t.toLowerCase())).length * 2 + (c.category === current.category ? 1 : 0) });
    }
    scored.sort((a, b) => b.score - a.score || newestFirst(a.i, b.i));
    const picked = scored.slice(0, limit).map((x) => x.i);
    for (const i of byCategory.get(current.category) ?? []) {
      if (picked.length >= limit) break;
      if (!sharing.has(i) && described[i]!.id !== current.id) picked.push(i);
    }
    return picked.map((i) => pool[i]!);
  };
}
