/**
 * Which thread is busy when: runs a command, reads the CPU time of every thread of its process
 * tree from /proc every 0.5 s (Linux), and prints the seconds each group of threads (process name:
 * thread name, numbers dropped) used in each window. A CPU profile shows only the Node thread it
 * was taken on; this also shows Pagefind's process, the worker threads and V8's and libuv's helpers.
 *
 *   node scripts/bench/thread-cpu.ts [--window 10] -- node node_modules/astro/bin/astro.mjs build --outDir .bench/prof
 *
 * The command's own output goes to stderr, the table to stdout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { window: { type: 'string', default: '10' } }, allowPositionals: true });
const windowSeconds = Number(values.window);
if (positionals.length === 0 || !(windowSeconds > 0)) throw new Error('usage: node scripts/bench/thread-cpu.ts [--window 10] -- <command> [args…]');
if (!fs.existsSync('/proc/self/task')) throw new Error('[warta:bench] thread-cpu reads /proc: Linux only');

const TICKS = 100; // USER_HZ, 100 on every Linux this runs on
const started = Date.now();
/** `${pid}/${tid}` → its group and the CPU ticks seen at each sample. */
const threads = new Map<string, { group: string; samples: [seconds: number, ticks: number][] }>();

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // the thread or process ended between listing and reading
  }
};

const tasksOf = (pid: number) => {
  try {
    return fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // the process ended
  }
};

function tree(pid: number, into: number[] = []): number[] {
  into.push(pid);
  for (const tid of tasksOf(pid)) {
    for (const child of (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(/\s+/).filter(Boolean)) tree(Number(child), into);
  }
  return into;
}

function sample(root: number) {
  const seconds = (Date.now() - started) / 1000;
  for (const pid of new Set(tree(root))) {
    const processName = read(`/proc/${pid}/comm`)?.trim();
    if (!processName) continue;
    for (const tid of tasksOf(pid)) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const key = `${pid}/${tid}`;
      let thread = threads.get(key);
      if (!thread) threads.set(key, (thread = { group: `${processName}:${name.replace(/[\d-]+$/, '#')}`, samples: [] }));
      // utime and stime, fields 14 and 15 of stat (11 and 12 after the name)
      thread.samples.push([seconds, Number(fields[11]) + Number(fields[12])]);
    }
  }
}

const child = spawn(positionals[0]!, positionals.slice(1), { stdio: ['ignore', process.stderr, process.stderr] });
const timer = setInterval(() => sample(child.pid!), 500);
const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
clearInterval(timer);

const groups = new Map<string, { threads: number; total: number; windows: number[] }>();
for (const { group, samples } of threads.values()) {
  const g = groups.get(group) ?? { threads: 0, total: 0, windows: [] };
  groups.set(group, g);
  g.threads++;
  let before = 0;
  for (const [seconds, ticks] of samples) {
    const w = Math.floor(seconds / windowSeconds);
    g.windows[w] = (g.windows[w] ?? 0) + (ticks - before) / TICKS;
    before = ticks;
  }
  g.total += before / TICKS;
}
const rows = [...groups].filter(([, g]) => g.total >= 0.1).sort((a, b) => b[1].total - a[1].total);
const width = Math.max(0, ...rows.map(([, g]) => g.windows.length));
const cell = (n: number | undefined) => (n ?? 0).toFixed(1).padStart(6);
console.log(`CPU seconds per ${windowSeconds} s window, ${((Date.now() - started) / 1000).toFixed(1)} s in all (the first thread sample is 0.5 s in; a thread's CPU before it counts in its first window)`);
console.log(['group'.padEnd(36), 'threads', ' total', ...Array.from({ length: width }, (_, i) => String(i * windowSeconds).padStart(6))].join(' '));
for (const [name, g] of rows) console.log([name.padEnd(36), String(g.threads).padStart(7), cell(g.total), ...Array.from({ length: width }, (_, i) => cell(g.windows[i]))].join(' '));
process.exitCode = code;
