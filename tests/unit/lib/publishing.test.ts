import { describe, expect, it } from 'vitest';
import { isPublished, publicationState } from '../../../src/lib/publishing.ts';

const now = new Date('2026-11-27T14:00:00Z');

describe('what a build publishes', () => {
  it('publishes a story dated before the build time', () => {
    expect(isPublished({ draft: false, date: new Date('2026-11-27T13:59:59Z') }, now)).toBe(true);
  });

  it('holds back a story scheduled after the build time', () => {
    expect(isPublished({ draft: false, date: new Date('2026-11-27T14:00:01Z') }, now)).toBe(false);
    expect(publicationState({ draft: false, date: new Date('2027-01-01T00:00:00Z') }, now)).toBe('scheduled');
  });

  it('never publishes a draft, even one dated in the past', () => {
    expect(isPublished({ draft: true, date: new Date('2020-01-01T00:00:00Z') }, now)).toBe(false);
    expect(publicationState({ draft: true, date: new Date('2020-01-01T00:00:00Z') }, now)).toBe('draft');
  });
});
