/**
 * Astro's `unified()` Markdown processor, with `.md` rendering spread over worker threads.
 *
 * Astro renders every Markdown entry of a collection on its main thread, and through
 * remark/rehype that is the biggest single phase of a cold build (39 s of 104 s at 10,000
 * articles, profiled) while the second core idles. Astro's glob loader already asks for ten
 * renders at once (`p-limit(10)` in astro/dist/content/loaders/glob.js) and awaits each, so a
 * renderer that hands the work to threads gets both cores without touching Astro.
 *
 * Plugins are functions and cannot cross to a thread, so each worker builds them itself from
 * plain data (`MarkdownPluginData`) through the same `createMarkdownPlugins` the main thread
 * uses, and renders through the same `unified()` processor: the HTML is identical (a unit
 * test compares the two). Anything that would make the two differ sends the work back to the
 * main thread instead of failing: an integration that added plugins to `processor.options`,
 * renderer options or frontmatter that cannot be cloned, a worker that died.
 *
 * Workers run only when the warta integration asks (`astro build`); the dev server renders
 * one file at a time and keeps everything in process. MDX is compiled by @astrojs/mdx in
 * process, as before.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { unified, type AstroMarkdownOptions, type MarkdownProcessor, type MarkdownRenderer, type MarkdownRenderOptions, type MarkdownRenderResult, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import { wholeNumberFromEnv } from '../lib/build-env.ts';
import { createMarkdownPlugins, pluginOptionsFromData, type MarkdownPluginData } from './plugins.ts';

export interface ParallelProcessor extends MarkdownProcessor<UnifiedResolvedOptions> {
  /**
   * Render `.md` in this many worker threads from now on; 0 or 1 renders in process. The first
   * `localFirst` entries render in process all the same (`RenderPool`).
   */
  useWorkers(count: number, localFirst: number): void;
}

/**
 * Entries rendered on the main thread before the threads start. A thread takes about a second to
 * load the plugins (both at once on 2 cores, slowing the main thread meanwhile), while the main
 * thread renders a story in about 4 ms: a small site, or a warm build with a few changed
 * stories, is done before threads would be ready. On the English test site (5 stories), three
 * whole builds each way, alternated, took 14.8 s (21.0 s of CPU) on average with threads from the
 * first story, and 12.7 s (16.8 s of CPU) without. `WARTA_MARKDOWN_LOCAL_FIRST` sets it.
 */
export const LOCAL_FIRST = 100;

/** A build's threads: `WARTA_MARKDOWN_WORKERS` (0 = the main thread only), else one per core, and `WARTA_MARKDOWN_LOCAL_FIRST`. */
export function markdownThreads(env: NodeJS.ProcessEnv): { workers: number; localFirst: number } {
  return {
    workers: wholeNumberFromEnv(env, 'WARTA_MARKDOWN_WORKERS', os.availableParallelism(), { min: 0, max: 64, hint: '0 renders Markdown on the main thread' }),
    localFirst: wholeNumberFromEnv(env, 'WARTA_MARKDOWN_LOCAL_FIRST', LOCAL_FIRST, { min: 0, max: 1_000_000, hint: '0 starts the Markdown threads with the first story' }),
  };
}

/** What a worker needs to build its renderer. */
export interface RenderWorkerData {
  plugins: MarkdownPluginData;
  shared: AstroMarkdownOptions;
}
export interface RenderRequest {
  id: number;
  content: string;
  fileURL?: string;
  frontmatter: Record<string, unknown>;
}
export type RenderReply = { id: number; result: MarkdownRenderResult } | { id: number; error: { name: string; message: string; stack?: string } };

export function parallelUnified(data: MarkdownPluginData): ParallelProcessor {
  const inProcess = unified(createMarkdownPlugins(pluginOptionsFromData(data)));
  const planned = { remark: [...inProcess.options.remarkPlugins], rehype: [...inProcess.options.rehypePlugins], recma: [...inProcess.options.recmaPlugins] };
  // A closure, not a property: Astro hashes the serialisable config for its content cache,
  // and `astro dev` (0 workers) and `astro build` must not invalidate each other's.
  let workers = 0;
  let localFirst = 0;

  /** Why the workers cannot render exactly what `inProcess` would, or undefined when they can. */
  function divergence(shared: AstroMarkdownOptions): string | undefined {
    const o = inProcess.options;
    const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (!same(o.remarkPlugins, planned.remark) || !same(o.rehypePlugins, planned.rehype) || !same(o.recmaPlugins, planned.recma) || Object.keys(o.remarkRehype).length > 0) {
      return 'another integration changed the Markdown plugins';
    }
    try {
      structuredClone(shared);
    } catch {
      return 'the Markdown options cannot be sent to a thread';
    }
    return undefined;
  }

  return {
    name: inProcess.name,
    // The same object: integrations that extend `processor.options` reach the in-process renderer.
    options: inProcess.options,
    useWorkers(count, first) {
      workers = count;
      localFirst = first;
    },
    async createRenderer(shared) {
      const local = () => inProcess.createRenderer(shared);
      const reason = workers > 1 ? divergence(shared) : 'single thread';
      if (reason) {
        if (workers > 1) console.warn(`[warta:markdown] rendering Markdown on the main thread: ${reason}`);
        return local();
      }
      return new RenderPool(workers, { plugins: data, shared }, local, { localFirst });
    },
    createMdxRenderer: (shared, mdx) => inProcess.createMdxRenderer!(shared, mdx),
  };
}

interface Slot {
  worker: Worker;
  /** Set when the pool stops an idle thread on purpose: its exit is not a failure. */
  stopping?: boolean;
  pending: Map<number, { resolve: (r: MarkdownRenderResult) => void; reject: (e: Error) => void; request: RenderRequest }>;
}

/** Where the entries went (for tests and debugging). */
export interface RenderStats {
  threads: number;
  /** Entries rendered per thread, in thread order. */
  perThread: number[];
  /** Entries rendered on the main thread (the first few, unclonable input, a thread that stopped). */
  local: number;
}

/**
 * Worker threads, started once `localFirst` entries have been rendered in process. Idle threads
 * do not keep the process alive, and are stopped after `idleMs` without work: Astro renders all
 * Markdown during content sync, then pages for a long while, and each thread holds its own heap.
 * After such a stop the next entry starts them again at once: the build has shown it is large.
 */
export class RenderPool implements MarkdownRenderer {
  readonly stats: RenderStats;
  #slots: Slot[] | undefined;
  #next = 0;
  #local: Promise<MarkdownRenderer> | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  readonly #size: number;
  readonly #data: RenderWorkerData;
  readonly #createLocal: () => Promise<MarkdownRenderer>;
  readonly #idleMs: number;
  /** Entries still to render in process before the threads start. */
  #localFirst: number;

  constructor(size: number, data: RenderWorkerData, createLocal: () => Promise<MarkdownRenderer>, options: { idleMs?: number; localFirst?: number } = {}) {
    this.#size = size;
    this.#data = data;
    this.#createLocal = createLocal;
    this.#idleMs = options.idleMs ?? 2000;
    this.#localFirst = options.localFirst ?? 0;
    this.stats = { threads: size, perThread: Array.from({ length: size }, () => 0), local: 0 };
  }

  /** Threads running now (0 until the threads start, and after an idle stop). */
  get running(): number {
    return this.#slots?.length ?? 0;
  }

  #stopWhenIdle() {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      const slots = this.#slots;
      if (!slots || slots.some((s) => s.pending.size > 0)) return;
      this.#slots = undefined;
      for (const slot of slots) {
        slot.stopping = true;
        void slot.worker.terminate();
      }
    }, this.#idleMs);
    this.#idleTimer.unref();
  }

  async render(content: string, opts: MarkdownRenderOptions = {}): Promise<MarkdownRenderResult> {
    if (this.#localFirst > 0) {
      this.#localFirst--;
      return this.#renderLocally(content, opts);
    }
    const request: RenderRequest = { id: ++this.#next, content, fileURL: opts.fileURL?.href, frontmatter: opts.frontmatter ?? {} };
    const slots = (this.#slots ??= this.#start());
    // Least busy first: entries differ in length, round-robin would leave one thread waiting.
    const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best), slots[0]!);
    if (!slot) return this.#renderLocally(content, opts);
    try {
      slot.worker.postMessage(request);
    } catch {
      // Frontmatter that cannot be cloned (a function, say): this one entry renders here.
      return this.#renderLocally(content, opts);
    }
    if (slot.pending.size === 0) slot.worker.ref();
    return new Promise((resolve, reject) => slot.pending.set(request.id, { resolve, reject, request }));
  }

  async #renderLocally(content: string, opts: MarkdownRenderOptions) {
    this.stats.local++;
    const renderer = await (this.#local ??= this.#createLocal());
    return renderer.render(content, opts);
  }

  #start(): Slot[] {
    const slots: Slot[] = [];
    for (let i = 0; i < this.#size; i++) {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: this.#data });
      worker.unref();
      const slot: Slot = { worker, pending: new Map() };
      const index = i;
      worker.on('message', (reply: RenderReply) => {
        const task = slot.pending.get(reply.id);
        if (!task) return;
        slot.pending.delete(reply.id);
        if (slot.pending.size === 0) {
          worker.unref();
          this.#stopWhenIdle();
        }
        this.stats.perThread[index]!++;
        if ('result' in reply) task.resolve(reply.result);
        else task.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
      });
      // A thread that fails to start or dies loses nothing: its entries render here instead.
      const retire = (why: string) => {
        const at = slots.indexOf(slot);
        if (at < 0 || slot.stopping) return;
        slots.splice(at, 1);
        console.warn(`[warta:markdown] a render thread stopped (${why}); its entries render on the main thread`);
        for (const task of slot.pending.values()) {
          const { content, fileURL, frontmatter } = task.request;
          this.#renderLocally(content, { fileURL: fileURL ? new URL(fileURL) : undefined, frontmatter }).then(task.resolve, task.reject);
        }
        slot.pending.clear();
      };
      worker.on('error', (error: Error) => retire(error.message));
      worker.on('exit', (code) => retire(`exit code ${code}`));
      slots.push(slot);
    }
    return slots;
  }
}
