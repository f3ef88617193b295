/**
 * The share card's picture as a satori element tree (satori takes React-shaped objects,
 * so no JSX runtime is needed): the site's colour, the category, the headline and the
 * logo, at the 1200×630 size Facebook, WhatsApp and X crop link previews to.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardText {
  /** The story's headline, or for the site's own card its tagline. */
  title: string;
  /** Category name above the headline; absent on the site's card. */
  label?: string;
  /** The site's host name in the corner, "liputanabn.com". */
  host: string;
  /** Site name, written beside the logo or alone when there is no logo. */
  siteName: string;
}

export interface CardLook {
  /** Brand colour (site.yaml `app.themeColor`), `#rrggbb`. */
  accent: string;
  /** The logo as a data: URI with its size, or none (then the site name is written). */
  logo?: { uri: string; width: number; height: number };
}

interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: unknown; [key: string]: unknown };
}

const box = (style: Record<string, unknown>, ...children: unknown[]): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children: children.length === 1 ? children[0] : children },
});

/** Emoji and other pictographs: no font we ship draws them, and a blank box reads worse than nothing. */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;

/** Headline size by length: short headlines fill the card, long ones still fit four lines. */
export function titleSize(title: string): number {
  // A Han or kana character is about twice as wide as a Latin letter.
  const width = [...title].reduce((n, ch) => n + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch) ? 2 : 1), 0);
  if (width <= 50) return 68;
  if (width <= 80) return 60;
  if (width <= 110) return 54;
  return 48;
}

/** The text a card prints: pictographs dropped, runs of spaces collapsed. */
export function cardTitle(title: string): string {
  return title.replace(PICTOGRAPHS, '').replace(/\s+/g, ' ').trim();
}

export function cardTree(text: CardText, look: CardLook): Node {
  const title = cardTitle(text.title);
  const size = titleSize(title);
  const brand = look.logo
    ? { type: 'img', props: { src: look.logo.uri, width: look.logo.width, height: look.logo.height } }
    : box({ fontSize: 40, fontWeight: 700, color: '#1a1a1a' }, text.siteName);
  return box(
    { width: CARD_WIDTH, height: CARD_HEIGHT, flexDirection: 'column', backgroundColor: '#ffffff', fontFamily: 'Noto Sans', color: '#1a1a1a' },
    box({ height: 14, backgroundColor: look.accent }),
    box(
      { flexGrow: 1, flexDirection: 'column', justifyContent: 'center', padding: '40px 72px 24px' },
      text.label
        ? box({ marginBottom: 24 }, box({ padding: '6px 18px', borderRadius: 6, backgroundColor: look.accent, color: '#ffffff', fontSize: 28, fontWeight: 700, textTransform: 'uppercase', letterSpacing: 1 }, text.label))
        : box({}),
      // display:block is what satori needs for lineClamp, which ends the last line with "…".
      { type: 'div', props: { style: { display: 'block', fontSize: size, fontWeight: 700, lineHeight: 1.2, lineClamp: 4, wordBreak: 'break-word' }, children: title } },
    ),
    box(
      { alignItems: 'center', justifyContent: 'space-between', padding: '0 72px 40px', height: 120 },
      brand,
      box({ fontSize: 28, color: '#555555' }, text.host),
    ),
  );
}
