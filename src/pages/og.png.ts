/** /og.png: the site's share card (logo, tagline, colours), for listings and stories without their own. */
import type { APIRoute } from 'astro';
import { cardLook, siteCardText } from '../data/share-image.ts';
import { renderCard } from '../share-card/render-card.ts';

export const GET: APIRoute = async () => {
  const png = await renderCard(await siteCardText(), await cardLook());
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
