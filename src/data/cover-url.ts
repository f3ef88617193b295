import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { absoluteUrl } from '../lib/paths.ts';

type Cover = { src: string | ImageMetadata; alt: string; width?: number; height?: number };

/** The cover as share previews and JSON-LD need it: an absolute URL 1200 px wide (Google's minimum for large previews). */
export async function coverImageUrl(cover: Cover, siteUrl: string) {
  if (typeof cover.src === 'string') {
    return { url: cover.src, alt: cover.alt, width: cover.width, height: cover.height };
  }
  const image = await getImage({ src: cover.src, width: Math.min(1200, cover.src.width), format: 'jpg' });
  return {
    url: absoluteUrl(siteUrl, image.src),
    alt: cover.alt,
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
  };
}
