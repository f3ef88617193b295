/**
 * The one way a UI string's `{placeholders}` are filled, shared by the build's translator
 * (translator.ts) and the browser scripts, which get their strings as a small table in a
 * data attribute instead of the whole of id.json. No JSON import here, so a script that
 * uses it ships only this.
 */
export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing parameter is left visible rather than silently dropped, so tests catch it. */
export function fillTemplate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `t(key, params)` over a table of strings; an unknown key shows itself. */
export function translatorFrom(table: Record<string, string>): (key: string, params?: Params) => string {
  return (key, params) => fillTemplate(table[key] ?? key, params);
}

/** The table a component put in `data-strings` (JSON), as a translator. */
export function translatorFromElement(el: HTMLElement): (key: string, params?: Params) => string {
  return translatorFrom(JSON.parse(el.dataset.strings ?? '{}') as Record<string, string>);
}
