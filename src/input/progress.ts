/**
 * The progress line of long reads: on inputs over ~20 MB, with stderr on a
 * terminal, one line (bytes read, goroutines parsed, rate) rewritten in
 * place at most five times a second, and erased when the read ends so the
 * report starts on a clean screen. Pipes and files never see it.
 */
import type { DumpReader } from '../../grammar/parse.js';
import { escapeTerminal } from '../text/escape.js';
import type { InputSource } from './source.js';
import { groupDigits } from '../text/numbers.js';

/** Inputs smaller than this finish before a progress line would help. */
export const PROGRESS_MIN_BYTES = 20e6;
const EVERY_MS = 200;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

export interface Progress {
  update(bytesRead: number, reader: DumpReader): void;
  done(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

function goroutinesOf(reader: DumpReader): number {
  let n = 0;
  for (const s of reader.snapshots) if (s.format === 'goroutine') n += s.total;
  return n;
}

export function progressLine(name: string, bytesRead: number, size: number | null, goroutines: number, seconds: number): string {
  const mb = bytesRead / 1e6;
  const share = size !== null && size > 0 ? ` of ${(size / 1e6).toFixed(0)} MB (${Math.floor((100 * bytesRead) / size)}%)` : '';
  const rate = seconds > 0 ? `, ${(mb / seconds).toFixed(0)} MB/s` : '';
  return `gdump: reading ${escapeTerminal(name)}: ${mb.toFixed(1)} MB${share}, ${groupDigits(goroutines)} goroutines${rate}`;
}

/** A progress line for `source` on `stream`, or one that prints nothing when the stream is not a terminal. */
export function progressFor(source: InputSource, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  if (stream.isTTY !== true) return NO_PROGRESS;
  if (source.size !== null && source.size < PROGRESS_MIN_BYTES) return NO_PROGRESS;
  const start = now();
  let last = start;
  let shown = false;
  return {
    update(bytesRead, reader) {
      const t = now();
      if (bytesRead < PROGRESS_MIN_BYTES || t - last < EVERY_MS) return;
      last = t;
      shown = true;
      // \r and erase-line: the line is rewritten in place.
      stream.write(`\r\x1b[2K${progressLine(source.name, bytesRead, source.size, goroutinesOf(reader), (t - start) / 1000)}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
