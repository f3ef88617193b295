import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDependencyDigest } from '../../../src/lib/render-dependencies.ts';

const root = path.resolve(import.meta.dirname, '../../..');
let dir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const target = (title: string) => `---\ntitle: ${title}\ndate: 2025-01-02T10:00:00+07:00\ncategory: hukum\n---\nIsi.\n`;
const linking = 'Isi.\n\n::baca-juga{id="banjir"}\n';

describe('the render dependencies folded into an article digest', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-deps-'));
    write('site.yaml', 'datelineLabel: Liputan ABN\n');
    write('locations.yaml', '- { id: palembang, name: Palembang, dateline: PALEMBANG }\n');
    write('articles/2025/01/banjir.md', target('Banjir Rendam 300 Rumah'));
  });

  it('changes when a "Baca juga" target is retitled, for the articles linking to it only', () => {
    const before = createDependencyDigest(dir, root);
    const [linked, plain] = [before(linking), before('Isi tanpa tautan.')];
    write('articles/2025/01/banjir.md', target('Banjir Rendam 500 Rumah'));
    const after = createDependencyDigest(dir, root);
    expect(after(linking)).not.toBe(linked);
    expect(after('Isi tanpa tautan.')).toBe(plain);
  });

  it('changes for every article when the site config or the datelines change', () => {
    const before = createDependencyDigest(dir, root)('Isi.');
    write('site.yaml', 'datelineLabel: Warta\n');
    expect(createDependencyDigest(dir, root)('Isi.')).not.toBe(before);
    const mid = createDependencyDigest(dir, root)('Isi.');
    write('locations.yaml', '- { id: palembang, name: Palembang, dateline: KOTA PALEMBANG }\n');
    expect(createDependencyDigest(dir, root)('Isi.')).not.toBe(mid);
  });

  it('notices a target added after the first lookup', () => {
    const digest = createDependencyDigest(dir, root);
    const missing = digest('::baca-juga{id="baru"}');
    write('articles/2025/02/baru.md', target('Berita Baru'));
    expect(digest('::baca-juga{id="baru"}')).not.toBe(missing);
  });
});
