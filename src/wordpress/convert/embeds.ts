/**
 * Recognises the embeds WordPress turns bare URLs into (oEmbed providers in
 * wp-includes/class-wp-oembed.php) that Warta has components for.
 */

export type EmbedComponent = 'YouTube' | 'Instagram' | 'XPost';

export interface Embed {
  component: EmbedComponent;
  id: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;

/** The component and id for a YouTube, Instagram or X/Twitter URL; undefined for anything else. */
export function embedFromUrl(raw: string): Embed | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/&amp;/g, '&'));
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(?:www|m|mobile)\./, '');
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'youtu.be') return youtube(segments[0]);
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (segments[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined);
    if (['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')) return youtube(segments[1]);
    return undefined;
  }
  if (host === 'instagram.com') {
    const at = segments.findIndex((s) => s === 'p' || s === 'reel' || s === 'tv');
    const id = at === -1 ? undefined : segments[at + 1];
    return id && /^[\w-]+$/.test(id) ? { component: 'Instagram', id } : undefined;
  }
  if (host === 'twitter.com' || host === 'x.com') {
    const at = segments.findIndex((s) => s === 'status' || s === 'statuses');
    const id = at === -1 ? undefined : segments[at + 1];
    return id && /^\d+$/.test(id) ? { component: 'XPost', id } : undefined;
  }
  return undefined;
}

function youtube(id: string | undefined): Embed | undefined {
  return id && YOUTUBE_ID.test(id) ? { component: 'YouTube', id } : undefined;
}

/** The MDX element for an embed; `title` names it for screen readers before it loads. */
export function embedElement(embed: Embed, title: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/[{}<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<${embed.component} id="${attr(embed.id)}" title="${attr(title)}" />`;
}

/** Marker element the HTML stage turns into an embed; a <div> so wpautop leaves it out of paragraphs. */
export function embedMarker(embed: Embed): string {
  return `<div data-warta-embed="${embed.component}" data-id="${embed.id}"></div>`;
}

/**
 * WordPress's autoembed: a URL alone on its line (optionally inside a bare `<p>`) becomes
 * an embed. Supported providers become markers; other lone URLs become plain links.
 */
export function markBareEmbeds(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(/^(\s*)(?:<p>\s*)?(https?:\/\/[^\s<>"]+)(?:\s*<\/p>)?(\s*)$/gim, (whole, before: string, url: string, after: string) => {
    const embed = embedFromUrl(url);
    if (embed) {
      count++;
      return `${before}\n${embedMarker(embed)}\n${after}`;
    }
    return `${before}<a href="${url}">${url}</a>${after}`;
  });
  return { text: out, count };
}
