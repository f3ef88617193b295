/**
 * The write step: every file of a run is decided against the import state (new,
 * changed, unchanged, locally edited, foreign, deleted), staged in a temporary
 * folder and moved into place only at the end; comments wait in a staged file and
 * go to the store after the files are in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { StoredComment, WordpressStore } from '../store.ts';
import type { Counter, ImportReport } from '../report.ts';
import { decide, sha256, type FileDecision, type ImportState } from './import-state.ts';
import { Staging } from './staging.ts';
import { decodeSlug } from '../plan/ids.ts';

const toPosix = (p: string) => p.split(path.sep).join('/');

export class Writer {
  readonly staging: Staging;
  /** Files of earlier runs stay recorded unless this run replaces or removes them. */
  readonly writtenFiles: Map<string, string>;
  private readonly root: string;
  private readonly state: ImportState;
  private readonly report: ImportReport;
  private readonly commentsFile: string;
  private commentBuffer: string[] = [];
  private readonly copied = new Set<string>();

  constructor(root: string, state: ImportState, report: ImportReport) {
    this.root = root;
    this.state = state;
    this.report = report;
    this.staging = new Staging(root, report.dryRun);
    this.writtenFiles = new Map(Object.entries(state.files));
    this.commentsFile = report.dryRun ? '' : path.join(this.staging.dir, '.comments.jsonl');
  }

  rel(abs: string) {
    return toPosix(path.relative(this.root, abs));
  }

  read(relPath: string): string | undefined {
    const abs = path.join(this.root, relPath);
    return fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
  }

  /** Stages a file the import owns, unless it was edited or deleted since the import wrote it. */
  stage(relPath: string, content: string | Buffer, count: Counter, options: { silentForeign?: boolean } = {}): FileDecision {
    const abs = path.join(this.root, relPath);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs) : undefined;
    const recorded = this.state.files[relPath];
    const d = decide(content, current, recorded);
    count[d]++;
    if (d === 'new' || d === 'changed') {
      this.staging.write(relPath, content);
      this.writtenFiles.set(relPath, sha256(content));
    } else if (d === 'unchanged') {
      this.writtenFiles.set(relPath, sha256(content));
    } else if (d === 'edited') {
      this.report.editedFiles.push(relPath);
      this.writtenFiles.set(relPath, recorded!);
    } else if (d === 'foreign' && !options.silentForeign) {
      this.report.foreignFiles.push(relPath);
    } else if (d === 'deleted') {
      this.writtenFiles.set(relPath, recorded!);
    }
    return d;
  }

  /** Removes a file an earlier run wrote when it is still as written (an article that moved month or became MDX). */
  removeIfUntouched(relPath: string) {
    const abs = path.join(this.root, relPath);
    if (fs.existsSync(abs) && sha256(fs.readFileSync(abs)) === this.state.files[relPath]) {
      this.staging.remove(relPath);
      this.writtenFiles.delete(relPath);
    }
  }

  /** Copies an upload from a `wp-content/uploads` copy; returns its path relative to `fromDir`. */
  copyUpload(uploadsDir: string | undefined, contentDir: string, url: string, fromDir: string): string | undefined {
    if (!uploadsDir) return undefined;
    const m = /\/wp-content\/uploads\/(.+)$/.exec(url.split(/[?#]/)[0]!);
    if (!m) return undefined;
    const relUpload = decodeSlug(m[1]!);
    const source = path.join(uploadsDir, relUpload);
    if (!fs.existsSync(source)) return undefined;
    const target = path.join(contentDir, 'uploads', relUpload);
    const relTarget = this.rel(target);
    if (!this.copied.has(relTarget)) {
      this.copied.add(relTarget);
      const hash = sha256(fs.readFileSync(source));
      const current = fs.existsSync(target) && fs.statSync(target).size === fs.statSync(source).size && sha256(fs.readFileSync(target)) === hash;
      if (!current) {
        this.staging.copy(relTarget, source);
        this.report.images.copied++;
      }
      this.writtenFiles.set(relTarget, hash);
    }
    return toPosix(path.relative(fromDir, target)).replace(/^(?!\.)/, './');
  }

  queueComments(comments: readonly StoredComment[]) {
    for (const c of comments) this.commentBuffer.push(`${JSON.stringify(c)}\n`);
    if (this.commentBuffer.length > 1000) this.flushComments();
  }

  private flushComments() {
    if (!this.report.dryRun && this.commentBuffer.length > 0) fs.appendFileSync(this.commentsFile, this.commentBuffer.join(''));
    this.commentBuffer = [];
  }

  /** Moves the staged files into place, then loads comments and view counts into the store. */
  async commit(store: WordpressStore | undefined, views: Array<{ articleId: string; views: number }>) {
    this.flushComments();
    if (this.report.dryRun) return;
    try {
      this.staging.commit();
      if (store) {
        this.report.comments.stored = await loadComments(this.commentsFile, store);
        await store.raiseViewTotals(views);
      }
    } finally {
      this.staging.discard();
    }
  }

  discard() {
    this.staging.discard();
  }
}

/** Streams the staged comments into the store in batches (parents always come before replies). */
async function loadComments(file: string, store: WordpressStore): Promise<number> {
  if (!fs.existsSync(file)) return 0;
  let stored = 0;
  let batch: StoredComment[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as StoredComment);
    if (batch.length >= 500) {
      stored += await store.importComments(batch);
      batch = [];
    }
  }
  stored += await store.importComments(batch);
  return stored;
}
