import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { absoluteUrl } from '../lib/paths.ts';

type Cover = { src: string | ImageMetadata; alt: string; width?: number; height?: number };

/**
 * The social image: 1200×630, the size Facebook, X and WhatsApp previews crop to
 * (and at least the 1200 px width Google asks for large previews), cropped from the
 * centre of the cover as JPEG, which every crawler reads. Remote covers are used as
 * they are: we never fetch them at build time.
 */
export async function coverImageUrl(cover: Cover, siteUrl: string) {
  if (typeof cover.src === 'string') {
    return { url: cover.src, alt: cover.alt, width: cover.width, height: cover.height };
  }
  const image = await getImage({ src: cover.src, width: 1200, height: 630, fit: 'cover', position: 'center', format: 'jpg' });
  return {
    url: absoluteUrl(siteUrl, image.src),
    alt: cover.alt,
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
  };
}
