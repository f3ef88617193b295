/**
 * Share cards drawn for real (satori + resvg, the npm fonts) and read back as pixels: a
 * headline too long for the card is cut to four lines inside the margins, and a Chinese
 * headline is drawn with real glyphs, not blank or as boxes.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardTitle, titleSize } from '../../../src/share-card/card-layout.ts';
import { renderCard } from '../../../src/share-card/render-card.ts';

const look = { accent: '#b3121b' };
const text = (title: string) => ({ title, label: 'Peristiwa', host: 'liputanabn.com', siteName: 'Liputan ABN' });

/** Rows and columns of dark (text) pixels in a region of the card. */
async function ink(png: Buffer, region = { left: 0, top: 0, width: 1200, height: 630 }) {
  const { data, info } = await sharp(png).extract(region).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rows = new Set<number>();
  const columns = new Set<number>();
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[y * info.width + x]! < 100) {
        rows.add(y);
        columns.add(x);
      }
    }
  }
  return { rows: [...rows].sort((a, b) => a - b), columns: [...columns], pixels: data };
}

/** Runs of consecutive inked rows: one per line of text. */
function lines(rows: number[]): number {
  return rows.filter((y, i) => i === 0 || y - rows[i - 1]! > 8).length;
}

// Below the label, above the logo row: where the headline is.
const HEADLINE = { left: 0, top: 170, width: 1200, height: 310 };

describe('share cards', () => {
  it('draws a 1200×630 PNG', async () => {
    const meta = await sharp(await renderCard(text('Banjir Rendam Ratusan Rumah di Palembang'), look)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  it('cuts a 200-character headline to four lines inside the margins', async () => {
    const long = 'Ratusan Warga Kertapati Mengungsi ke Masjid dan Sekolah Setelah Banjir Setinggi Satu Meter Merendam Permukiman di Tepian Sungai Musi Sejak Kamis Malam, Petugas BPBD Mendirikan Dapur Umum dan Posko Kesehatan';
    expect(long.length).toBeGreaterThanOrEqual(200);
    const card = await renderCard(text(long), look);
    const { rows, columns } = await ink(card, HEADLINE);
    expect(lines(rows)).toBe(4);
    expect(Math.min(...columns)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...columns)).toBeLessThanOrEqual(1140);
  });

  it('draws a Chinese headline with its own glyphs', async () => {
    const a = await ink(await renderCard(text('巨港市华人社区庆祝春节，数千名居民观看舞龙表演'), look), HEADLINE);
    const b = await ink(await renderCard(text('南苏门答腊省长视察洪灾地区，承诺尽快修复道路'), look), HEADLINE);
    expect(a.rows.length).toBeGreaterThan(40);
    // Missing glyphs would be drawn as the same empty boxes for any text of this length.
    let differing = 0;
    for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > 100) differing++;
    expect(differing).toBeGreaterThan(5000);
  }, 30_000);

  it('leaves out emoji no bundled font can draw and sizes long headlines smaller', () => {
    expect(cardTitle('Juara  lagi 🏆🎉 Sriwijaya FC')).toBe('Juara lagi Sriwijaya FC');
    expect(titleSize('Pendek')).toBeGreaterThan(titleSize('x'.repeat(150)));
    expect(titleSize('巨港'.repeat(30))).toBe(titleSize('x'.repeat(120)));
  });
});
