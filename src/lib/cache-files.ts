/**
 * Files a build keeps for the next one: the key of what decided them, and writing them whole.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * sha256 over the bytes of `files` (paths or file URLs), in order, then `also`: the key a result
 * those inputs decide (a bundle, a check) is kept under.
 */
export function inputsDigest(files: (string | URL)[], ...also: (string | Uint8Array)[]): Buffer {
  const hash = createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(file));
  for (const part of also) hash.update(part);
  return hash.digest();
}

/** Writes `data` to `file` whole or not at all: a build stopped mid-write, or one reading meanwhile, never sees half of it. */
export function writeWhole(file: string, data: string | NodeJS.ArrayBufferView): void {
  const scratch = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(scratch, data);
    fs.renameSync(scratch, file);
  } catch (error) {
    fs.rmSync(scratch, { force: true });
    throw error;
  }
}
