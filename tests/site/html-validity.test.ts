import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vnu from 'vnu-jar';
import { htmlFiles } from '../helpers/pages.ts';
import { outDir, outputRoot, sites, type FixtureSite } from '../helpers/sites.ts';

const run = promisify(execFile);

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** Runs the W3C Nu HTML checker (vnu-jar, Java) over files; returns its messages. */
async function check(files: string[]): Promise<VnuMessage[]> {
  const { stderr } = await run('java', ['-jar', vnu, '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
}

const checked = [sites.demo, sites.english, sites.ads, sites.newsroom];
const filesOf = (site: FixtureSite) => htmlFiles(site).map((f) => path.join(outDir(site), f));
/** A page with a known error, checked in the same run: a clean result for a site then means something. */
const canaryDir = path.join(outputRoot, 'vnu-canary');
const canary = path.join(canaryDir, 'index.html');
let messages: VnuMessage[] = [];

const errorsIn = (dir: string) =>
  messages.filter((m) => (m.type === 'error' || m.type === 'non-document-error') && new URL(m.url).pathname.startsWith(dir + path.sep));

// One Java process for every site: the checker's start and warm-up cost more than most pages.
beforeAll(async () => {
  fs.mkdirSync(canaryDir, { recursive: true });
  fs.writeFileSync(canary, '<!doctype html><html lang="id"><head><title>x</title></head><body><p><div>x</p></body></html>');
  messages = await check([canary, ...checked.flatMap(filesOf)]);
}, 180_000);

afterAll(() => fs.rmSync(canaryDir, { recursive: true, force: true }));

describe('the W3C HTML checker', () => {
  it('reports the error in a broken page checked in the same run', () => {
    expect(errorsIn(canaryDir).map((e) => e.message).join('\n')).toMatch(/div/);
  });

  for (const site of checked) {
    it(`finds no errors in any page of the ${site.name} site`, () => {
      expect(filesOf(site).length).toBeGreaterThan(3);
      const errors = errorsIn(outDir(site));
      expect(errors.map((e) => `${path.relative(outDir(site), new URL(e.url).pathname)}:${e.lastLine} ${e.message}`)).toEqual([]);
    });
  }
});
