import { describe, expect, it } from 'vitest';
import { relatedArticles } from '../../../src/lib/related.ts';

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
