import id from './id.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { fillTemplate } from './format.ts';

/** Indonesian is the source of truth: every other locale must carry exactly its keys (tested). */
export type TranslationKey = keyof typeof id;
export type Locale = 'id' | 'en';
export type Translator = (key: TranslationKey, params?: Record<string, string | number>) => string;

export const translations: Record<Locale, Record<TranslationKey, string>> = { id, en };

/** BCP 47 tags handed to Intl; `id-ID` gives "Rabu, 5 Juli 2023", `en-GB` a day-first English date. */
export const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Returns `t(key, params)` for one locale. Placeholders are `{name}` (format.ts, shared
 * with the browser scripts); a missing parameter is left visible, so tests catch it.
 */
export function createTranslator(locale: Locale): Translator {
  const table = translations[locale];
  return (key, params) => fillTemplate(table[key] ?? translations.id[key] ?? key, params);
}
