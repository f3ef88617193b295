import { describe, expect, it } from 'vitest';
import { createTranslator, translations } from '../../../src/i18n/translator.ts';

describe('translations', () => {
  it('gives English exactly the keys Indonesian has', () => {
    expect(Object.keys(translations.en).sort()).toEqual(Object.keys(translations.id).sort());
  });

  it('uses the same placeholders in every locale', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(translations.id)) {
      expect(placeholders(translations.en[key as keyof typeof translations.en]), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and leaves a missing one visible', () => {
    const t = createTranslator('id');
    expect(t('article.views', { count: '1.553' })).toBe('1.553 Dilihat');
    expect(t('article.editor', {})).toBe('Editor : {name}');
  });
});
