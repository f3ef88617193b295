import { describe, expect, it } from 'vitest';
import { switchFromEnv, wholeNumberFromEnv } from '../../../src/lib/build-env.ts';

describe('wholeNumberFromEnv', () => {
  const rule = { min: 0, max: 8, hint: '0 means off' };
  it('returns the fallback when the variable is unset or blank, and the number otherwise', () => {
    expect(wholeNumberFromEnv({}, 'WARTA_X', 3, rule)).toBe(3);
    expect(wholeNumberFromEnv({ WARTA_X: '  ' }, 'WARTA_X', 3, rule)).toBe(3);
    expect(wholeNumberFromEnv({ WARTA_X: ' 0 ' }, 'WARTA_X', 3, rule)).toBe(0);
    expect(wholeNumberFromEnv({ WARTA_X: '8' }, 'WARTA_X', 3, rule)).toBe(8);
  });

  it('refuses words, fractions, negatives and numbers out of range instead of silently using the default', () => {
    for (const bad of ['two', '1.5', '-1', '9', '1e3', '0x2']) {
      expect(() => wholeNumberFromEnv({ WARTA_X: bad }, 'WARTA_X', 3, rule)).toThrow(`[warta] WARTA_X must be a whole number from 0 to 8 (0 means off), got "${bad}"`);
    }
    expect(() => wholeNumberFromEnv({ WARTA_X: 'soon' }, 'WARTA_X', 3, { min: 1 })).toThrow('WARTA_X must be a whole number 1 or more, got "soon"');
  });
});

describe('switchFromEnv', () => {
  const meaning = { on: 'early', off: 'late' };
  it('reads 1 and 0, and the fallback when unset', () => {
    expect(switchFromEnv({}, 'WARTA_Y', true, meaning)).toBe(true);
    expect(switchFromEnv({ WARTA_Y: '0' }, 'WARTA_Y', true, meaning)).toBe(false);
    expect(switchFromEnv({ WARTA_Y: '1' }, 'WARTA_Y', false, meaning)).toBe(true);
  });

  it('refuses anything else, saying what each value means', () => {
    expect(() => switchFromEnv({ WARTA_Y: 'yes' }, 'WARTA_Y', true, meaning)).toThrow('[warta] WARTA_Y must be 1 (early) or 0 (late), got "yes"');
  });
});
