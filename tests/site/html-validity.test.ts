import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import vnu from 'vnu-jar';
import { htmlFiles } from '../helpers/pages.ts';
import { outDir, sites } from '../helpers/sites.ts';

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

describe('the W3C HTML checker', () => {
  for (const site of [sites.demo, sites.english, sites.ads, sites.newsroom]) {
    it(`finds no errors in any page of the ${site.name} site`, async () => {
      const files = htmlFiles(site).map((f) => path.join(outDir(site), f));
      expect(files.length).toBeGreaterThan(3);
      const errors = (await check(files)).filter((m) => m.type === 'error' || m.type === 'non-document-error');
      expect(errors.map((e) => `${path.relative(outDir(site), new URL(e.url).pathname)}:${e.lastLine} ${e.message}`)).toEqual([]);
    }, 120_000);
  }
});
