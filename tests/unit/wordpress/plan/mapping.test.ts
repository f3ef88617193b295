import { describe, expect, test } from 'vitest';
import { parseMapping, serializeMapping } from '../../../../src/wordpress/plan/mapping.ts';

describe('mapping file', () => {
  test('fills defaults when there is no file and reads back what it writes', () => {
    const m = parseMapping(undefined, 'mapping.yaml');
    m.categories['berita-daerah'] = 'pemerintahan';
    m.tags['Iklan'] = null;
    expect(parseMapping(serializeMapping(m), 'mapping.yaml')).toEqual(m);
    expect(m.viewMetaKeys).toContain('post_views_count');
  });

  test('names every bad entry', () => {
    expect(() => parseMapping('categories: { berita: "Berita Daerah" }\ncolour: red\n', 'content/wordpress/mapping.yaml')).toThrow(
      /content\/wordpress\/mapping\.yaml: fix these entries[\s\S]*categories\.berita: lower-case letters and digits, words joined by single hyphens[\s\S]*colour/,
    );
  });
});
