/**
 * The excerpt under a search result, taken from the story's body only.
 *
 * Pagefind indexes the headline (for its weight, an `<h1>`) and the body as one text, and
 * builds each excerpt around the densest run of matches: the headline's matches weigh most,
 * so excerpts mostly repeated the headline and the dateline the result already shows. This
 * picks the run the same way (pagefind.js 1.6, `calculate_excerpt_region` and `build_excerpt`)
 * among the words after the dateline; without any match there, the excerpt is the lede.
 *
 * Where the body starts comes from Pagefind's anchors (elements with an `id`): the story body
 * (`BODY_ANCHOR`) and its dateline (`DATELINE_ANCHOR`), whose words are skipped too.
 */

/** `id` of the element holding the story body (ArticlePage.astro). */
export const BODY_ANCHOR = 'isi-berita';
/** `id` of the dateline at the start of the first paragraph (remark-dateline.ts). */
export const DATELINE_ANCHOR = 'dateline';

/** The fields of a Pagefind result's `data()` this reads. */
export interface ExcerptSource {
  /** The indexed text, HTML-escaped. */
  raw_content?: string;
  content: string;
  weighted_locations: { balanced_score: number; location: number }[];
  anchors?: { id: string; text?: string; location: number }[];
}

/** Pagefind's word separator: whitespace except the zero-width no-break space. */
const WORDS = /[^\S\uFEFF]+/g;

/** The index of the first word of the story's own text, after headline and dateline. */
export function bodyStart(source: Pick<ExcerptSource, 'anchors'>): number {
  let start = 0;
  for (const anchor of source.anchors ?? []) {
    if (anchor.id === BODY_ANCHOR) start = Math.max(start, anchor.location);
    if (anchor.id === DATELINE_ANCHOR) start = Math.max(start, anchor.location + (anchor.text ?? '').split(WORDS).filter(Boolean).length);
  }
  return start;
}

/** `length` words of the body around its densest matches, the matches in `<mark>`; `…` where text is cut. */
export function bodyExcerpt(source: ExcerptSource, length: number, ellipsis = '…'): string {
  const words = (source.raw_content ?? escape(source.content)).split(WORDS);
  const start = Math.min(bodyStart(source), words.length);
  const end = words.length;
  const span = Math.min(length, end - start);
  // Each body word's summed score, then the window of `span` words with the highest sum (the first, on a tie run, its middle).
  const score = new Array<number>(end - start).fill(0);
  for (const l of source.weighted_locations) if (l.location >= start && l.location < end) score[l.location - start]! += l.balanced_score;
  let sum = score.slice(0, span).reduce((a, b) => a + b, 0);
  let best = sum;
  let bestAt = [0];
  for (let i = 1; i + span <= score.length; i++) {
    sum += score[i + span - 1]! - score[i - 1]!;
    if (sum > best) {
      best = sum;
      bestAt = [i];
    } else if (sum === best && bestAt.at(-1) === i - 1) bestAt.push(i);
  }
  const from = start + (best > 0 ? bestAt[Math.floor(bestAt.length / 2)]! : 0);
  const marked = new Set(source.weighted_locations.map((l) => l.location));
  const text = words
    .slice(from, from + span)
    .map((word, i) => (marked.has(from + i) ? `<mark>${word}</mark>` : word))
    .join(' ')
    .trim();
  return `${from > start ? `${ellipsis} ` : ''}${text}${from + span < end ? ` ${ellipsis}` : ''}`;
}

function escape(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
