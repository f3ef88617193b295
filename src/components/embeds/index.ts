/**
 * Components MDX articles may use without importing them; passed to `<Content components>`.
 * Keep the set small: every entry is something journalists must learn.
 */
import YouTube from './YouTube.astro';
import Instagram from './Instagram.astro';
import XPost from './XPost.astro';
import Gallery from './Gallery.astro';
import PullQuote from './PullQuote.astro';

export const embeds = { YouTube, Instagram, XPost, Gallery, PullQuote };
