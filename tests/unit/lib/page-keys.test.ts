import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../src/lib/page-keys.ts';

describe('pageKey', () => {
  it('is the same for the same parts and differs when any part changes', () => {
    const key = pageKey('site', 'digest-a', 1, true);
    expect(pageKey('site', 'digest-a', 1, true)).toBe(key);
    expect(pageKey('site', 'digest-b', 1, true)).not.toBe(key);
    expect(pageKey('site', 'digest-a', 2, true)).not.toBe(key);
    expect(pageKey('site2', 'digest-a', 1, true)).not.toBe(key);
  });

  it('keeps parts apart: moving text from one part to the next changes the key', () => {
    expect(pageKey('ab', 'c')).not.toBe(pageKey('a', 'bc'));
    expect(pageKey('a', undefined, 'b')).not.toBe(pageKey('a', 'b'));
  });
});
