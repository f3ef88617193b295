import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp folder with a `warta-articles.json` like the build writes. */
export function tempSite(): { dir: string; articlesFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warta-server-'));
  const articlesFile = join(dir, 'warta-articles.json');
  writeFileSync(
    articlesFile,
    JSON.stringify([
      { id: 'banjir-palembang', title: 'Banjir di Palembang', url: '/2024/05/banjir-palembang/' },
      { id: 'pilkada-sumsel', title: 'Pilkada Sumsel', url: '/2024/06/pilkada-sumsel/' },
    ]),
  );
  return { dir, articlesFile };
}
