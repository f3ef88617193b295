import { describe, expect, it } from 'vitest';
import { articleGlob } from '../../../src/integrations/pagefind.ts';

describe('articleGlob', () => {
  const paths = ['/2025/02/baru/', '/2024/06/lama/', '/2023/07/sampel/', '/2024/01/lain/'];

  it('narrows the permalink pattern to the folders articles use, so no listing page is read', () => {
    expect(articleGlob('/:year/:month/:slug/', paths)).toBe('{2023,2024,2025}/*/*/index.html');
    expect(articleGlob('/berita/:year/:slug/', ['/berita/2025/a/', '/berita/2024/b/'])).toBe('berita/*/*/index.html');
  });

  it('reads every folder one level deep when articles sit at the top level', () => {
    expect(articleGlob('/:slug/', ['/a/', '/b/'])).toBe('*/index.html');
  });
});
