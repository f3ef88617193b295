import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quietAstroDirective } from '../../src/integrations/warta.ts';
import { buildLog } from '../helpers/build-site.ts';
import { sites } from '../helpers/sites.ts';

describe('the demo build log', () => {
  const log = fs.readFileSync(buildLog(sites.demo), 'utf8');

  it('has no warning, neither from Vite nor from the content check', () => {
    expect(log).not.toMatch(/\[WARN\]|warning|peringatan/i);
  });

  // Canary for dataStoreFromFile: the build warns when Astro loaded the content store module itself.
  it('reads the content store from its file: the plugin still answers for Astro\'s store module', () => {
    expect(log).not.toMatch(/content store was bundled by Astro/);
  });

  it('says how many articles it published', () => {
    expect(log).toMatch(/\d+ articles published/);
  });
});

describe('the filter for Astro\'s MDX directive warning', () => {
  const passed = (warning: { code?: string; message: string }) => {
    const seen: unknown[] = [];
    quietAstroDirective(warning, (w) => seen.push(w));
    return seen.length;
  };

  it('drops only the warning about "use astro:head-inject"', () => {
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use astro:head-inject" in "a.mdx" may not be preserved when bundling.' })).toBe(0);
  });

  it('passes every other warning on, other directives included', () => {
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" in "a.js" may not be preserved' })).toBe(1);
    expect(passed({ code: 'CIRCULAR_DEPENDENCY', message: 'a -> b -> a' })).toBe(1);
  });
});
