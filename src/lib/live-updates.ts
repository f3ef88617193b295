/**
 * Live coverage: a story with `live: { start, end }` whose updates are written in its body,
 * one block per update:
 *
 *     :::update[Air mulai surut di Kertapati]{time="2026-11-27T14:30:00+07:00"}
 *     Text of the update, any Markdown.
 *     :::
 *
 * The Markdown plugin (src/markdown/remark-live-updates.ts) renders them newest first; this
 * file holds what the plugin, the content check, the pages and the feeds share.
 */
import { exampleDate, parseDateInput } from '../schemas/date.ts';
import { dateFormatter, zonedParts } from './dates.ts';
import { intlLocale, type Locale } from '../i18n/translator.ts';

export const UPDATE_DIRECTIVE = 'update';

/** One update as the build publishes it (page JSON-LD, the polled JSON, the feeds). */
export interface LiveUpdate {
  /** The update's anchor on the page (`#update-20261127-1430`). */
  id: string;
  /** ISO date-time with the site's offset. */
  datePublished: string;
  headline: string;
  /** Plain text of the update's body (schema.org articleBody, feed descriptions). */
  text: string;
  /** The update's rendered HTML, as on the page (the polled JSON carries it). */
  html?: string;
}

export type LiveState = 'upcoming' | 'live' | 'ended';

/** Where a story's coverage stands at `now`: before `start`, between, or at or after `end`. */
export function liveState(live: { start: Date; end: Date }, now: Date): LiveState {
  if (now.getTime() < live.start.getTime()) return 'upcoming';
  return now.getTime() < live.end.getTime() ? 'live' : 'ended';
}

/** The anchor of an update from its time in the site's zone; a second update in the same minute gets `-2`. */
export function updateAnchor(date: Date, timeZone: string, taken: Set<string>): string {
  const p = zonedParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `update-${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** An update's time as live blogs print it: "27 Nov, 14.30 WIB". */
export function formatUpdateTime(date: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(intlLocale[locale], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
}

/** Path of the small JSON file a live page polls for new updates. */
export const liveJsonPath = (id: string) => `/langsung/${id}.json`;

/** An update's opening line: `:::update`, optional `[headline]`, optional `{attributes}`. */
const OPENING = /^\s*:{3,}update(?![\w-])(?:\[(.*?)\])?(?:\{([^}]*)\})?/;
const TIME_ATTRIBUTE = /(?:^|\s)time\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))/;

export interface UpdateProblem {
  /** 0-based line in the body. */
  line: number;
  key: 'error.liveUpdateNotLive' | 'error.liveUpdateHeadline' | 'error.liveUpdateTime';
  params: Record<string, string>;
}

/**
 * Mistakes in a body's update blocks, found line by line so `npm run check` can name the
 * line before any Markdown is rendered: an update in a story without `live:`, one without
 * a headline, one without a readable time with an offset.
 */
export function liveUpdateProblems(body: string, isLive: boolean, timeZone: string): UpdateProblem[] {
  const problems: UpdateProblem[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, line) => {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      return;
    }
    if (fence) return;
    const match = OPENING.exec(text);
    if (!match) return;
    if (!isLive) {
      problems.push({ line, key: 'error.liveUpdateNotLive', params: {} });
      return;
    }
    if (!match[1]?.trim()) problems.push({ line, key: 'error.liveUpdateHeadline', params: { example: `:::update[Judul]{time="${exampleDate(timeZone)}"}` } });
    const time = TIME_ATTRIBUTE.exec(match[2] ?? '');
    const value = time ? (time[1] ?? time[2] ?? time[3] ?? '') : '';
    const parsed = parseUpdateTime(value, timeZone);
    if (!parsed) problems.push({ line, key: 'error.liveUpdateTime', params: { value, example: exampleDate(timeZone) } });
  });
  return problems;
}

/** An update's `time` attribute: a date-time with an offset (a bare date is not precise enough). */
export function parseUpdateTime(value: string | null | undefined, timeZone: string): Date | undefined {
  if (!value) return undefined;
  const parsed = parseDateInput(value, timeZone);
  return parsed.ok && !parsed.dateOnly ? parsed.date : undefined;
}
