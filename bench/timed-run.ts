import { spawnSync } from 'node:child_process';

export const repo = new URL('..', import.meta.url).pathname;

export interface Timed {
  seconds: number;
  /** user + system CPU seconds: unlike wall time, not inflated when other processes share the cores */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** GNU time gives wall time and the peak RSS of the process (threads included). Exit 1 (alerts) counts as success. */
export function timed(command: string, args: string[]): Timed {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    cwd: repo,
    maxBuffer: 1024 ** 3,
    encoding: 'utf8',
  });
  const lines = run.stderr.trimEnd().split('\n');
  const [seconds, kb, user, system] = lines.pop()!.split(' ').map(Number);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${command} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return {
    seconds: seconds!,
    cpuSeconds: Math.round((user! + system!) * 100) / 100,
    peakRssMb: Math.round(kb! / 1024),
    stdout: run.stdout,
    stderr: lines.join('\n'),
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
