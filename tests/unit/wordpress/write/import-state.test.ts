import { describe, expect, test } from 'vitest';
import { decide, parseState, serializeState, sha256 } from '../../../../src/wordpress/write/import-state.ts';

describe('import state', () => {
  test('tells new, unchanged, changed, locally edited, foreign and deleted files apart', () => {
    const wrote = sha256('v1');
    expect(decide('v1', undefined, undefined)).toBe('new');
    expect(decide('v1', 'v1', wrote)).toBe('unchanged');
    expect(decide('v2', 'v1', wrote)).toBe('changed');
    expect(decide('v2', 'v1 edited', wrote)).toBe('edited');
    expect(decide('v1', 'someone else', undefined)).toBe('foreign');
    expect(decide('v1', undefined, wrote)).toBe('deleted');
  });

  test('serialises with sorted keys so equal states are equal files', () => {
    const a = serializeState({ version: 1, posts: { '2': 'b', '1': 'a' }, files: { z: '1', a: '2' } });
    expect(a).toBe(serializeState(parseState(a)));
    expect(Object.keys(JSON.parse(a).files)).toEqual(['a', 'z']);
  });

  test('refuses a state file it does not know', () => {
    expect(() => parseState('{"version":2}')).toThrow(/expected version 1/);
  });
});
