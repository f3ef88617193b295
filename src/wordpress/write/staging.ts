/**
 * Nothing half-written: every file of a run is first written under a temporary
 * folder beside the project, then moved into place once the whole export has been
 * read and converted. A failure before that leaves the content as it was.
 */
import fs from 'node:fs';
import path from 'node:path';

export class Staging {
  readonly dir: string;
  private readonly root: string;
  private readonly files: string[] = [];
  private readonly staged = new Set<string>();
  private readonly removals: string[] = [];
  private readonly dryRun: boolean;

  /** `root` is the project root all relative paths are under. */
  constructor(root: string, dryRun: boolean) {
    this.root = root;
    this.dryRun = dryRun;
    this.dir = dryRun ? '' : fs.mkdtempSync(path.join(root, '.warta-import-'));
  }

  has(rel: string) {
    return this.staged.has(rel);
  }

  /** Records a staged file; returns where to write it, or undefined in a dry run. */
  private target(rel: string): string | undefined {
    if (!this.staged.has(rel)) this.files.push(rel);
    this.staged.add(rel);
    if (this.dryRun) return undefined;
    const target = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    return target;
  }

  write(rel: string, content: string | Buffer) {
    const target = this.target(rel);
    if (target) fs.writeFileSync(target, content);
  }

  /** Copies a file (an upload) without reading it into memory. */
  copy(rel: string, source: string) {
    const target = this.target(rel);
    if (target) fs.copyFileSync(source, target);
  }

  remove(rel: string) {
    this.removals.push(rel);
  }

  get count() {
    return this.files.length;
  }

  /** Moves every staged file into place (rename; copy across file systems), then removes the old ones. */
  commit() {
    if (this.dryRun) return;
    for (const rel of this.files) {
      const from = path.join(this.dir, rel);
      const to = path.join(this.root, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      try {
        fs.renameSync(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        fs.copyFileSync(from, to);
      }
    }
    for (const rel of this.removals) fs.rmSync(path.join(this.root, rel), { force: true });
  }

  discard() {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
