/**
 * Where a big traceback dump can be cut into parts that parse on their own:
 * at a goroutine header that follows a blank line (`\n\ngoroutine 7 [`), the
 * boundary every traceback dump puts between goroutines. A byte-level scan of
 * a small window of the file at each nominal cut: nothing is decoded.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const HEADER = Buffer.from('\n\ngoroutine ');
/** How far past a nominal cut to look for a header: far more than any one goroutine's text. */
const WINDOW = 1 << 20;

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/** The offset in `window` of the first line that is a goroutine header after a blank line, or -1. */
export function headerAfterBlank(window: Buffer): number {
  for (let at = window.indexOf(HEADER); at >= 0; at = window.indexOf(HEADER, at + 1)) {
    if (isDigit(window[at + HEADER.length])) return at + 2;
  }
  return -1;
}

/**
 * Byte offsets that cut the file into `parts` pieces of about equal size,
 * each at a goroutine header after a blank line (the first piece starts at
 * 0, the last ends at `size`). `weights` shifts the nominal cuts (a part
 * that starts later, like a worker's, can take less). Fewer offsets come
 * back where no header is found past a nominal cut; none when the file
 * cannot be cut at all.
 */
export function goroutineCuts(path: string, size: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.allocUnsafe(WINDOW);
    const cuts: number[] = [];
    let share = 0;
    for (let i = 0; i + 1 < weights.length; i++) {
      share += weights[i]!;
      const nominal = Math.max(Math.floor((size * share) / total), (cuts[cuts.length - 1] ?? 0) + 1);
      // Start one byte early: the blank line's first newline may sit just before the nominal cut.
      const from = nominal - 1;
      const got = readSync(fd, window, 0, Math.min(WINDOW, size - from), from);
      const at = headerAfterBlank(window.subarray(0, got));
      if (at < 0) continue;
      const cut = from + at;
      if (cut > (cuts[cuts.length - 1] ?? 0) && cut < size) cuts.push(cut);
    }
    return cuts;
  } finally {
    closeSync(fd);
  }
}

/** The first `n` bytes of a file (fewer when it is shorter). */
export function fileHead(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(n);
    return head.subarray(0, readSync(fd, head, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}
