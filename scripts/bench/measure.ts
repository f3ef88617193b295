/**
 * Runs one command under GNU time and reports what the bench compares: wall time,
 * CPU time (user + sys, including every child the command waited for) and the peak
 * RSS of the largest single process in the tree (getrusage(RUSAGE_CHILDREN).ru_maxrss,
 * which is a maximum over processes, not a sum: exactly "the largest process").
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunResult {
  wallS: number;
  cpuS: number;
  peakRssMB: number;
  exitCode: number;
  log: string;
}

const TIME = '/usr/bin/time';

export async function timed(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<RunResult> {
  if (!fs.existsSync(TIME)) throw new Error(`[warta:bench] ${TIME} is missing (Debian: apt-get install time)`);
  fs.mkdirSync(path.dirname(options.log), { recursive: true });
  const timeFile = `${options.log}.time`;
  const out = fs.openSync(options.log, 'w');
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(TIME, ['-v', '-o', timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const wallS = (performance.now() - started) / 1000;
  fs.closeSync(out);
  const report = fs.readFileSync(timeFile, 'utf8');
  const field = (name: string) => Number(report.match(new RegExp(`${name}:\\s*([\\d.]+)`))?.[1] ?? NaN);
  return {
    wallS,
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    peakRssMB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    exitCode,
    log: options.log,
  };
}

/** The last lines of a log, for an error message when a step fails. */
export function tail(file: string, lines = 30): string {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
