/** Runs a command as a child process and measures its wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';

export interface Run {
  seconds: number;
  /** Peak resident set size in MiB, or null where /usr/bin/time is missing. */
  rssMiB: number | null;
  stdout: string;
  /** False when the run was stopped at its time limit (`seconds` is then the limit). */
  finished: boolean;
}

const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

/** coreutils timeout(1) exits with this when it stopped the command. */
const TIMED_OUT = 124;

export interface RunOptions {
  keepStdout?: boolean;
  stdinFile?: string;
  /** Stop the command after this many seconds (through timeout(1), so /usr/bin/time still reports its peak RSS). */
  limitSeconds?: number;
}

/** Wall time from spawn to exit, measured here; peak RSS from `/usr/bin/time -f %M` (KiB). */
export function run(command: string, args: string[], options: RunOptions = {}): Run {
  const limited = options.limitSeconds === undefined ? [command, ...args] : ['timeout', String(options.limitSeconds), command, ...args];
  const argv = HAS_TIME ? ['-f', '%M', ...limited] : limited.slice(1);
  const program = HAS_TIME ? TIME : limited[0]!;
  const stdin = options.stdinFile === undefined ? 'ignore' : openSync(options.stdinFile, 'r');
  const start = process.hrtime.bigint();
  const r = spawnSync(program, argv, {
    encoding: 'utf8',
    stdio: [stdin, options.keepStdout === false ? 'ignore' : 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof stdin === 'number') closeSync(stdin);
  const finished = !(options.limitSeconds !== undefined && r.status === TIMED_OUT);
  if (r.status !== 0 && finished) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const kib = HAS_TIME ? Number(lines[lines.length - 1]) : NaN;
  return { seconds: finished ? seconds : options.limitSeconds!, rssMiB: Number.isFinite(kib) ? kib / 1024 : null, stdout: r.stdout ?? '', finished };
}

/** The fastest of the runs (the others only met more noise), with the highest peak RSS seen. */
export function fastest(runs: readonly Run[]): Run {
  let best: Run | null = null;
  let rss: number | null = null;
  for (const r of runs) {
    if (best === null || r.seconds < best.seconds) best = r;
    if (r.rssMiB !== null) rss = Math.max(rss ?? 0, r.rssMiB);
  }
  if (best === null) throw new Error('fastest of no runs');
  return { ...best, rssMiB: rss };
}

/** The fastest of `n` runs of one command in a row. */
export function best(n: number, once: () => Run): Run {
  return fastest(Array.from({ length: n }, once));
}

/**
 * Runs each command of `commands` once per round, `rounds` times, in turn
 * (interleaved, so every command meets the same noise of a shared machine),
 * and returns the fastest run of each.
 */
export function interleaved<K extends string>(rounds: number, commands: Record<K, () => Run>): Record<K, Run> {
  const runs = new Map<K, Run[]>();
  const keys = Object.keys(commands) as K[];
  for (let i = 0; i < rounds; i++) for (const k of keys) runs.set(k, [...(runs.get(k) ?? []), commands[k]()]);
  return Object.fromEntries(keys.map((k) => [k, fastest(runs.get(k)!)])) as Record<K, Run>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
