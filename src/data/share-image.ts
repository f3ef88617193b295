/**
 * The picture a page announces to WhatsApp, Facebook, X and Google (og:image, JSON-LD
 * `image`): a story's cover, else the card drawn for it (src/share-card, drawn by the
 * /og/<id>.png endpoint), else the site's card (/og.png), which listings use too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CardLook, CardText } from '../share-card/card-layout.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../share-card/card-layout.ts';
import { logoForCard, type Logo } from '../share-card/render-card.ts';
import { absoluteUrl } from '../lib/paths.ts';
import { pageKey } from '../lib/page-keys.ts';
import { coverImageUrl } from './cover-url.ts';
import { getCatalog, hasShareCard, type Article } from './content.ts';

export interface ShareImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

export const storyCardPath = (id: string) => `/og/${id}.png`;
export const SITE_CARD_PATH = '/og.png';

export async function siteShareImage(): Promise<ShareImage> {
  const { site, t } = await getCatalog();
  return { url: absoluteUrl(site.url, SITE_CARD_PATH), alt: t('share.siteCardAlt', { site: site.name, tagline: site.tagline ?? site.description }), width: CARD_WIDTH, height: CARD_HEIGHT };
}

export async function articleShareImage(article: Article): Promise<ShareImage> {
  const { site, t } = await getCatalog();
  // A retracted story's headline must not travel on in previews: it gets the site's card.
  if (article.data.retracted) return siteShareImage();
  if (article.data.cover) return coverImageUrl(article.data.cover, site.url);
  if (!(await hasShareCard(article))) return siteShareImage();
  return {
    url: absoluteUrl(site.url, storyCardPath(article.id)),
    alt: t('share.cardAlt', { title: article.data.title, category: article.category.name, site: site.name }),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  };
}

/** What a story's card prints. */
export async function storyCardText(article: Article): Promise<CardText> {
  const { site } = await getCatalog();
  return { title: article.data.title, label: article.category.name, host: new URL(site.url).host, siteName: site.name };
}

export async function siteCardText(): Promise<CardText> {
  const { site } = await getCatalog();
  return { title: site.tagline ?? site.description, host: new URL(site.url).host, siteName: site.name };
}

let look: CardLook | undefined;

/** Colours and logo of every card, read once per build from site.yaml and public/. */
export async function cardLook(): Promise<CardLook> {
  if (look) return look;
  const { site } = await getCatalog();
  let logo: Logo | undefined;
  if (site.logo) {
    const file = path.join(process.cwd(), 'public', site.logo.src);
    const type = ({ '.svg': 'svg', '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' } as const)[path.extname(file).toLowerCase()];
    if (type && fs.existsSync(file)) logo = { data: fs.readFileSync(file), type, width: site.logo.width, height: site.logo.height };
  }
  look = { accent: site.app.themeColor, logo: logoForCard(logo) };
  return look;
}

/** Incremental-build key of a card: only what it prints and how, so a warm build redraws only changed stories. */
export async function cardKey(text: CardText): Promise<string> {
  const { accent, logo } = await cardLook();
  return pageKey(JSON.stringify(text), accent, logo?.uri);
}
