import { describe, expect, test } from 'vitest';
import { idFrom, readableId, uniqueId } from '../../../../src/wordpress/plan/ids.ts';

describe('ids from WordPress names', () => {
  test.each([
    ['%e7%bd%91%e7%bb%9c', 'wang-luo'],
    ['我的代码', 'wo-de-dai-ma'],
    ['آموزش', 'amwzsh'],
    ['Привет мир', 'privet-mir'],
    ['Festival Kuliner “Pempek”', 'festival-kuliner-pempek'],
    ['already-an-id', 'already-an-id'],
  ])('makes a readable, valid id of %s', (name, id) => {
    expect(readableId(name)).toBe(id);
  });

  test('falls back to the WordPress id when nothing readable is left', () => {
    expect(readableId('🙂🙂')).toBeUndefined();
    expect(idFrom(['🙂', '—'], 'kategori-55')).toBe('kategori-55');
  });

  test('keeps ids short enough for a file name, cut at a word', () => {
    const id = readableId('这是一个非常非常长的中文标题用来测试标识符的长度限制是否正常工作以及是否在单词边界截断')!;
    expect(id.length).toBeLessThanOrEqual(72);
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  test('numbers an id that is taken', () => {
    expect(uniqueId('berita', new Set(['berita', 'berita-2']))).toBe('berita-3');
  });
});
