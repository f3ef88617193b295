import { describe, expect, it } from 'vitest';
import { relatedArticles, relatedIndex } from '../../../src/lib/related.ts';

const a = (id: string, category: string, tags: string[], day: number) => ({ id, category, tags, date: new Date(Date.UTC(2023, 6, day)) });

describe('related stories', () => {
  const current = a('now', 'hukum', ['Polda Sumsel', 'Narkoba'], 10);
  const pool = [
    current,
    a('same-category-new', 'hukum', [], 9),
    a('one-tag-old', 'ekonomi', ['polda sumsel'], 1),
    a('two-tags', 'olahraga', ['Polda Sumsel', 'Narkoba'], 2),
    a('unrelated', 'olahraga', ['Sepak Bola'], 9),
    a('same-category-old', 'hukum', [], 3),
  ];

  it('ranks shared tags above a shared category, then newest first, and never lists the story itself', () => {
    expect(relatedArticles(current, pool, (x) => x).map((x) => x.id)).toEqual(['two-tags', 'one-tag-old', 'same-category-new', 'same-category-old']);
  });

  it('leaves out stories with nothing in common', () => {
    expect(relatedArticles(current, pool, (x) => x, 10).map((x) => x.id)).not.toContain('unrelated');
  });

  it('respects the limit', () => {
    expect(relatedArticles(current, pool, (x) => x, 2)).toHaveLength(2);
  });
});

describe('related stories from the index', () => {
  /** A small deterministic generator: overlapping tags in mixed case, shared dates, a few categories. */
  function pool(size: number) {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tags = ['Polda Sumsel', 'polda sumsel', 'Narkoba', 'Banjir', 'Pilkada', 'Sepak Bola', 'Jalan Rusak'];
    return Array.from({ length: size }, (_, i) =>
      a(`s${i}`, ['hukum', 'ekonomi', 'olahraga'][Math.floor(next() * 3)]!, tags.filter(() => next() < 0.25), 1 + Math.floor(next() * 5)),
    );
  }

  it('ranks every story exactly as the full scan does', () => {
    const stories = pool(300);
    const related = relatedIndex(stories, (x) => x);
    for (const current of stories) {
      for (const limit of [1, 4, 12]) {
        expect(related(current, limit).map((x) => x.id)).toEqual(relatedArticles(current, stories, (x) => x, limit).map((x) => x.id));
      }
    }
  });

  it('answers for a story outside the pool too', () => {
    const stories = pool(50);
    const outsider = a('draft', 'hukum', ['Banjir'], 3);
    expect(relatedIndex(stories, (x) => x)(outsider).map((x) => x.id)).toEqual(relatedArticles(outsider, stories, (x) => x).map((x) => x.id));
  });
});
