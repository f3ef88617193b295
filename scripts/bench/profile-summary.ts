/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) by self time per function,
 * and per package (node_modules/<pkg>, src/…, node: internals), so a build profile
 * reads as a short table instead of a flame graph:
 *
 *   node scripts/bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 30]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  name: string;
  selfMs: number;
  share: number;
}

/** Where a frame lives: the npm package, our src/ folder, or the runtime. */
export function owner(url: string): string {
  if (!url) return '(native/gc)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const src = url.match(/\/(src|scripts)\/(.*)$/);
  if (src) return `${src[1]}/${src[2]!.split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:')) return 'node:internal';
  return url.replace(/^file:\/\//, '');
}

export function summarise(profile: Profile, top = 25): { totalMs: number; functions: ProfileRow[]; owners: ProfileRow[]; inclusive: ProfileRow[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (f: Node['callFrame']) => {
    const where = f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/work\/main\//, '')}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  // Inclusive ("total") time: each sample counts once for every distinct function on its stack.
  const incl = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!f.url) continue;
      seen.add(keyOf(f));
    }
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const own = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id)!;
    const key = keyOf(f);
    fn.set(key, (fn.get(key) ?? 0) + us);
    const o = f.functionName === '(garbage collector)' ? '(gc)' : f.functionName === '(idle)' ? '(idle)' : f.functionName === '(program)' ? '(program)' : owner(f.url);
    own.set(o, (own.get(o) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: us / total }));
  return { totalMs: Math.round(total / 1000), functions: rows(fn), owners: rows(own), inclusive: rows(incl) };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  for (const file of positionals) {
    const s = summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, Number(values.top));
    const pct = (r: ProfileRow) => `${(r.share * 100).toFixed(1).padStart(5)}%`;
    console.log(`${file}: ${s.totalMs} ms sampled`);
    console.log('\nself time by package');
    for (const r of s.owners) console.log(`${String(r.selfMs).padStart(8)} ms ${pct(r)}  ${r.name}`);
    console.log('\ninclusive time by function');
    for (const r of s.inclusive) console.log(`${String(r.selfMs).padStart(8)} ms ${pct(r)}  ${r.name}`);
    console.log('\nself time by function');
    for (const r of s.functions) console.log(`${String(r.selfMs).padStart(8)} ms ${pct(r)}  ${r.name}`);
  }
}
