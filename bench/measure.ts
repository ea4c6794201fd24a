/** Runs a command as a child process and measures its wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';

export interface Run {
  seconds: number;
  /** Peak resident set size in MiB, or null where /usr/bin/time is missing. */
  rssMiB: number | null;
  stdout: string;
}

const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

/** Wall time from spawn to exit, measured here; peak RSS from `/usr/bin/time -f %M` (KiB). */
export function run(command: string, args: string[], options: { keepStdout?: boolean; stdinFile?: string } = {}): Run {
  const argv = HAS_TIME ? ['-f', '%M', command, ...args] : args;
  const stdin = options.stdinFile === undefined ? 'ignore' : openSync(options.stdinFile, 'r');
  const start = process.hrtime.bigint();
  const r = spawnSync(HAS_TIME ? TIME : command, argv, {
    encoding: 'utf8',
    stdio: [stdin, options.keepStdout === false ? 'ignore' : 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof stdin === 'number') closeSync(stdin);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const kib = HAS_TIME ? Number(lines[lines.length - 1]) : NaN;
  return { seconds, rssMiB: Number.isFinite(kib) ? kib / 1024 : null, stdout: r.stdout ?? '' };
}

/** The fastest of `n` runs (the others only met more noise), with the highest peak RSS seen. */
export function best(n: number, once: () => Run): Run {
  let fastest: Run | null = null;
  let rss: number | null = null;
  for (let i = 0; i < n; i++) {
    const r = once();
    if (fastest === null || r.seconds < fastest.seconds) fastest = r;
    if (r.rssMiB !== null) rss = Math.max(rss ?? 0, r.rssMiB);
  }
  return { ...fastest!, rssMiB: rss };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
