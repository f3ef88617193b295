/**
 * Fonts for share cards, read from npm packages (never a CDN, so a build needs no network):
 * Noto Sans for Latin text and, loaded only when a headline has Han, kana or Hangul,
 * Noto Sans SC (10 MB, about a second to parse once per build).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

// Resolved from the project, not from this file: in a build this module runs from a bundled chunk.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const read = (file: string) => fs.readFileSync(require.resolve(file));

let latin: SatoriFont[] | undefined;
let cjk: SatoriFont[] | undefined;

export function latinFonts(): SatoriFont[] {
  latin ??= [
    { name: 'Noto Sans', data: read('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'), weight: 700, style: 'normal' },
    { name: 'Noto Sans', data: read('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'), weight: 400, style: 'normal' },
  ];
  return latin;
}

/** Path of the bold Latin face, for resvg when it draws text inside an SVG logo. */
export function latinFontFile(): string {
  return require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');
}

/** Chinese, Japanese and Korean glyphs (Noto Sans SC covers Han, kana and Hangul). */
export function cjkFonts(): SatoriFont[] {
  cjk ??= [{ name: 'Noto Sans SC', data: read('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), weight: 700, style: 'normal' }];
  return cjk;
}
