/**
 * What every part of the moderation page shares: the translator (one, from the page's
 * data-strings), number and date formats, the page notice, and admin calls that end the
 * session when the token is refused and say so when anything else fails.
 */
import { translatorFromElement } from '../../i18n/format.ts';
import { AdminError, type AdminApi } from './admin-api.ts';

export type Translate = ReturnType<typeof translatorFromElement>;

export interface Desk {
  t: Translate;
  numbers: Intl.NumberFormat;
  dates: Intl.DateTimeFormat;
  /** Writes the page's status notice (a live region); '' clears it. */
  say(message: string): void;
  /** Runs an admin call with the signed-in editor's token; undefined when signed out or it failed. */
  call<T>(work: (api: AdminApi) => Promise<T>): Promise<T | undefined>;
}

export function createDesk(
  root: HTMLElement,
  t: Translate,
  say: (message: string) => void,
  session: { api(): AdminApi | undefined; end(message: string): void },
): Desk {
  const locale = root.dataset.locale ?? document.documentElement.lang;
  return {
    t,
    numbers: new Intl.NumberFormat(locale),
    dates: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: root.dataset.timeZone }),
    say,
    async call(work) {
      const api = session.api();
      if (!api) return undefined;
      try {
        return await work(api);
      } catch (error) {
        if (error instanceof AdminError && error.status === 401) session.end(t('moderation.sessionEnded'));
        else say(t('moderation.failed', { reason: error instanceof AdminError ? error.code : String(error) }));
        return undefined;
      }
    },
  };
}

/** An element with a class and, optionally, text (never HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
