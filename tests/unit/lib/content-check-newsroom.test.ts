import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content-check.ts';
import { formatProblem } from '../../../src/lib/content-problems.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/sites', name, 'content');

describe('verification, AI labels and live coverage in the content check', () => {
  const index = loadContent(fixture('bad-newsroom'), root);
  const messages = (locale: 'id' | 'en') =>
    index.problems
      .filter((p) => p.severity === 'error')
      .map((p) => formatProblem(p, locale).replaceAll('tests/fixtures/sites/bad-newsroom/content/articles/', ''))
      .sort();

  it('names file, line and fix for each mistake, in Indonesian', () => {
    expect(messages('id')).toMatchInlineSnapshot(`
      [
        "2026/11/ai-tanpa-sampul.md:8  ai.cover: label AI untuk gambar sampul, padahal artikel ini tidak punya "cover:". Tambahkan "cover:", atau hapus "cover:" di bawah "ai:".",
        "2026/11/liputan-terbalik.md:8  live.end: liputan langsung berakhir sebelum, atau tepat saat, dimulai. Tulis "end:" yang lebih lambat dari "start:" di bawah "live:".",
        "2026/11/pembaruan-bukan-langsung.md:11  blok ":::update" hanya untuk liputan langsung. Tambahkan "live:" dengan "start:" dan "end:" ke frontmatter, atau hapus blok ini.",
        "2026/11/pembaruan-salah.md:14  pembaruan tanpa judul. Tulis judulnya dalam kurung siku, misalnya :::update[Judul]{time="2023-07-05T13:00:00+07:00"}.",
        "2026/11/pembaruan-salah.md:18  waktu pembaruan "2026-11-27 10:00" tidak bisa dibaca. Tulis tanggal dan jam dengan zona waktu, misalnya time="2023-07-05T13:00:00+07:00".",
        "2026/11/salah-ketik-verifies.md:8  verifies: artikel "jembatan-retk" tidak ada. Mungkin maksud Anda "jembatan-retak"?",
        "2026/11/verifikasi-berita-biasa.md:8  verifies: artikel "berita-biasa" tidak bertanda "verification: pending". Berita yang diverifikasi harus tetap memakai tanda itu; periksa id-nya atau tambahkan tanda itu pada berita asal.",
        "2026/11/verifikasi-pertama.md:8  verifies: artikel "jembatan-retak" sudah diverifikasi oleh 2026/11/verifikasi-kedua.md. Satu berita hanya punya satu berita hasil verifikasi; hapus salah satu "verifies:".",
      ]
    `);
  });

  it('says the same in English when asked', () => {
    expect(messages('en').filter((m) => /live\.end|ai\.cover|jembatan-retk/.test(m))).toEqual([
      '2026/11/ai-tanpa-sampul.md:8  ai.cover: an AI label for the cover image, but this article has no "cover:". Add "cover:", or remove "cover:" under "ai:".',
      '2026/11/liputan-terbalik.md:8  live.end: the live coverage ends before, or when, it starts. Write an "end:" later than "start:" under "live:".',
      '2026/11/salah-ketik-verifies.md:8  verifies: there is no article "jembatan-retk". Did you mean "jembatan-retak"?',
    ]);
  });

  it('ignores an update block shown as an example inside a code fence', () => {
    expect(index.problems.filter((p) => p.file.endsWith('pembaruan-salah.md') && p.severity === 'error')).toHaveLength(2);
  });

  it('publishes none of the stories with a mistake, and keeps the ones without (the first follow-up of a story verified twice)', () => {
    expect(index.articles.map((a) => a.id).sort()).toEqual(['berita-biasa', 'jembatan-retak', 'verifikasi-kedua']);
  });

  it('finds nothing wrong in the newsroom fixture site', () => {
    expect(loadContent(fixture('newsroom'), root).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
