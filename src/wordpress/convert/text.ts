/** Small text helpers shared by the import's steps: HTML entities and tags to plain text. */
import { decodeHTML } from 'entities';

/** HTML entities decoded as a browser would; a no-break space becomes a plain one, as the import has always written it. */
export function decodeEntities(s: string): string {
  return decodeHTML(s).replace(/\u00a0/g, ' ');
}

/** HTML (a title, an excerpt, a caption) as one line of plain text: tags out, entities decoded. */
export function plainText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * A title as plain text. WordPress titles may hold markup (`Title <em>With</em> Markup`)
 * that Warta, whose titles are text, would print escaped.
 */
export function plainTitle(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}
