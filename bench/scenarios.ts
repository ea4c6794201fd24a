/**
 * The bench's runs beyond one dump read once: --group-by stack at each
 * similarity against the site grouping, diff of many big dumps, and a long
 * watch of a live 100k-goroutine service (fixtures/gen/many -serve, a real
 * Go process with net/http/pprof on 127.0.0.1, stopped at the end).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO, type Dump } from './data.js';
import { interleaved, run, type Run } from './measure.js';

const NODE = process.execPath;
const GDUMP = path.join(REPO, 'bin', 'gdump.cjs');

export const SIMILARITY_LEVELS = ['values', 'pointers', 'exact'] as const;

export type StackGrouping = Record<'site' | (typeof SIMILARITY_LEVELS)[number], Run>;

/** `gdump --json` grouped by site and by stack at each similarity, interleaved. */
export function stackGrouping(dump: Dump, runs: number): StackGrouping {
  const json = (extra: string[]) => () => run(NODE, [GDUMP, dump.path, '--json', ...extra], { keepStdout: false });
  return interleaved(runs, {
    site: json([]),
    values: json(['--group-by', 'stack', '--similarity', 'values']),
    pointers: json(['--group-by', 'stack', '--similarity', 'pointers']),
    exact: json(['--group-by', 'stack', '--similarity', 'exact']),
  });
}

/** `gdump diff --json` of `n` copies of the dump's path (n snapshots of 100k goroutines each). */
export function diffOf(dump: Dump, n: number): Run {
  return run(NODE, [GDUMP, 'diff', '--json', ...Array.from({ length: n }, () => dump.path)], { keepStdout: false });
}

export interface WatchRuns {
  goroutines: number;
  /** Bytes of one debug=2 snapshot of the service. */
  snapshotBytes: number;
  few: { count: number; run: Run };
  many: { count: number; run: Run };
}

/** Starts `many -serve` and resolves with its base URL and a stop function. */
function service(bin: string, goroutines: number): Promise<{ base: string; stop: () => void }> {
  const child = spawn(bin, ['-n', String(goroutines), '-depth', '2', '-serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = (): void => void child.kill('SIGKILL');
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => (stop(), reject(new Error(`many -serve did not start within 120 s:\n${err}`))), 120_000);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ base: m[1]!, stop });
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`many -serve exited ${code}:\n${err}`))));
  });
}

/** A watch's time limit: the service takes seconds to write each 100k-goroutine dump, more on a busy machine, and the bench must end. */
export const WATCH_LIMIT_S = 300;

/** `gdump watch --json` of the live service, `few` and then `many` snapshots, as fast as it answers (each stopped after WATCH_LIMIT_S). */
export async function watchService(manyBin: string, goroutines: number, few: number, many: number): Promise<WatchRuns> {
  const { base, stop } = await service(manyBin, goroutines);
  try {
    const url = `${base}/debug/pprof/goroutine?debug=2`;
    const size = Number((await (await fetch(url)).arrayBuffer()).byteLength);
    const watch = (count: number): Run => run(NODE, [GDUMP, 'watch', url, '--every', '10ms', '--count', String(count), '--json'], { keepStdout: false, limitSeconds: WATCH_LIMIT_S });
    return { goroutines, snapshotBytes: size, few: { count: few, run: watch(few) }, many: { count: many, run: watch(many) } };
  } finally {
    stop();
  }
}
