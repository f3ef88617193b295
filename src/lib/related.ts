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
 * sharing a tag are scored (counted through the tag postings, no per-pair tag matching)
 * and only the best `limit` are kept; the category list, newest first, fills what is left.
 */
export function relatedIndex<T>(pool: T[], describe: (item: T) => RelatedCandidate): (current: RelatedCandidate, limit?: number) => T[] {
  const described = pool.map(describe);
  const time = described.map((c) => c.date.getTime());
  /** Lower-cased tag -> pool indexes, once per occurrence: a story naming a tag twice counts twice, as in relatedArticles. */
  const byTag = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  described.forEach((c, i) => {
    for (const tag of c.tags) {
      const key = tag.toLowerCase();
      const list = byTag.get(key);
      if (list) list.push(i);
      else byTag.set(key, [i]);
    }
    const list = byCategory.get(c.category);
    if (list) list.push(i);
    else byCategory.set(c.category, [i]);
  });
  /** Newest first; equal dates keep pool order, as the stable sort in relatedArticles does. */
  const newer = (a: number, b: number) => time[b]! - time[a]! || a - b;
  for (const list of byCategory.values()) list.sort(newer);
  const shared = new Int32Array(pool.length);

  return (current, limit = 4) => {
    const touched: number[] = [];
    for (const tag of new Set(current.tags.map((t) => t.toLowerCase()))) {
      for (const i of byTag.get(tag) ?? []) if (shared[i]++ === 0) touched.push(i);
    }
    // The best `limit` so far, best first.
    const top: { i: number; score: number }[] = [];
    for (const i of touched) {
      if (described[i]!.id === current.id) continue;
      const score = shared[i]! * 2 + (described[i]!.category === current.category ? 1 : 0);
      let at = top.length;
      while (at > 0 && (score - top[at - 1]!.score || -newer(i, top[at - 1]!.i)) > 0) at--;
      if (at < limit) {
        top.splice(at, 0, { i, score });
        if (top.length > limit) top.pop();
      }
    }
    const picked = top.map((x) => x.i);
    for (const i of byCategory.get(current.category) ?? []) {
      if (picked.length >= limit) break;
      if (shared[i] === 0 && described[i]!.id !== current.id) picked.push(i);
    }
    for (const i of touched) shared[i] = 0;
    return picked.map((i) => pool[i]!);
  };
}
