/**
 * The machine's floor for reading a dump: read the file as UTF-8, split it
 * at newlines, count the lines starting with `goroutine `. Prints the count.
 * A file past V8's longest string (~0.5 GiB) is read in 64 MiB pieces, each
 * split the same way (a line cut by a piece boundary is carried over).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

const WHOLE_LIMIT = 256 << 20;
const PIECE = 64 << 20;

function countHeaders(lines: string[], upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) if (lines[i]!.startsWith('goroutine ')) n++;
  return n;
}

function floor(path: string): number {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size <= WHOLE_LIMIT) {
      const lines = readFileSync(fd, 'utf8').split('\n');
      return countHeaders(lines, lines.length);
    }
    const buf = Buffer.allocUnsafe(PIECE);
    let carry = '';
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, 0, PIECE, null);
      if (got === 0) break;
      // Pieces end inside a UTF-8 sequence only in non-ASCII lines; the count of `goroutine ` lines is unaffected.
      const lines = (carry + buf.toString('utf8', 0, got)).split('\n');
      carry = lines[lines.length - 1]!;
      n += countHeaders(lines, lines.length - 1);
    }
    return n + (carry.startsWith('goroutine ') ? 1 : 0);
  } finally {
    closeSync(fd);
  }
}

process.stdout.write(`${floor(process.argv[2]!)}\n`);
