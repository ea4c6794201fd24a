/**
 * Runs the built CLI and measures its peak RSS in the test process: gdump is
 * started through a few lines of `node -e` that write
 * process.resourceUsage().maxRSS to a fourth pipe when the process exits,
 * so the figure is the real process's, not assumed; and the most stdout
 * it held unwritten. A process killed by a
 * signal or V8 running out of memory reports none (rssMiB null).
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { BIN, REPO } from './paths.js';

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size, MiB. */
  rssMiB: number | null;
  /** The most stdout held unwritten (writableLength, sampled every 5 ms), MiB: what a slow reader makes gdump buffer. */
  queuedMiB: number | null;
}

const PROBE = `let queued = 0;
const sample = () => { queued = Math.max(queued, process.stdout.writableLength || 0); };
setInterval(sample, 5).unref();
process.on('exit', () => { sample(); try { require('fs').writeSync(3, process.resourceUsage().maxRSS + ' ' + queued); } catch {} });
process.argv.splice(1, 0, ${JSON.stringify(BIN)});
require(${JSON.stringify(BIN)});`;

export interface MeasureOptions {
  input?: string | Buffer;
  /** Writes stdin itself (an endless stream); the stream is given once gdump starts. */
  feed?: (stdin: Writable) => void;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Read stdout slowly: wait this long before reading anything. */
  stdoutDelayMs?: number;
  /** Keep only the last this many characters of stdout (a big --json). */
  keepStdout?: number;
}

export function runMeasured(args: string[], o: MeasureOptions = {}): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PROBE, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...o.env },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let rss = '';
    const keep = o.keepStdout ?? Infinity;
    const readOut = (): void => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.length > keep * 2) stdout = stdout.slice(-keep);
      });
      child.stdout.resume(); // paused explicitly: a 'data' listener alone does not restart it
    };
    if (o.stdoutDelayMs === undefined) readOut();
    else {
      child.stdout.pause();
      setTimeout(readOut, o.stdoutDelayMs);
    }
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (d: string) => (rss += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.stdin.on('error', () => undefined); // gdump stops reading an endless input: EPIPE is expected
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const [maxRss, queued] = rss.split(' ').map(Number);
      resolve({ code, signal, stdout, stderr, rssMiB: rss === '' ? null : maxRss! / 1024, queuedMiB: rss === '' ? null : queued! / 2 ** 20 });
    });
    if (o.feed !== undefined) o.feed(child.stdin);
    else child.stdin.end(o.input ?? '');
  });
}

/** Writes zeros after `head` until the reader goes away. */
export function endless(head: Buffer): (stdin: Writable) => void {
  return (stdin) => {
    const zeros = Buffer.alloc(1 << 20);
    let stopped = false;
    stdin.on('error', () => (stopped = true));
    stdin.on('close', () => (stopped = true));
    const pump = (): void => {
      while (!stopped) if (!stdin.write(zeros)) return void stdin.once('drain', pump);
    };
    // The head and the first zeros in one write: gdump sniffs its first chunk.
    stdin.write(Buffer.concat([head, zeros]));
    pump();
  };
}
