/**
 * The parser's lifecycle: text arrives in pieces of any size; it is cut into
 * chunks at blank lines (goroutine and record boundaries), each chunk is
 * lexed and parsed on its own and its tokens dropped, so memory holds one
 * chunk of tokens at a time however big the input.
 */
import type { Goroutine } from '../src/model/goroutine.js';
import type { Snapshot, TracebackSnapshot } from '../src/model/snapshot.js';
import { Interner } from './intern.js';
import { FramePairs } from './pairs.js';
import { parseTokens } from './parser.js';
import { SnapshotBuilder, type ParseResult } from './snapshots.js';
import { tokenizeLines } from './tokens.js';

export type { ParseResult } from './snapshots.js';

export interface ParseOptions {
  /** Target chunk size in characters (default 1 MiB). */
  chunkSize?: number;
  /**
   * The input's file name or URL, when it has one: heap and allocs profiles
   * print the same text, and the name (`allocs.txt`, `…/debug/pprof/allocs`) tells them apart.
   */
  name?: string;
  /**
   * Called for each goroutine as it is parsed; return false to not keep it in
   * the snapshot (a streaming consumer that folds goroutines into groups).
   */
  onGoroutine?: (g: Goroutine, snapshot: TracebackSnapshot) => boolean;
  /** The input line of a line as the grammar counts it, when a wrapper changed the lines (src/input/pipeline.ts). */
  origin?: (line: number) => number;
}

const DEFAULT_CHUNK = 64 << 10;

/** Where to cut `text` at its last (or first) blank line: after the line break before it; -1 without one. */
function blankCut(text: string, last: boolean): number {
  let blank = last ? text.lastIndexOf('\n\n') : text.indexOf('\n\n');
  if (blank < 0) blank = last ? text.lastIndexOf('\n\r\n') : text.indexOf('\n\r\n');
  return blank < 0 ? -1 : blank + 1;
}

export class DumpReader {
  private buffer = '';
  private nextLine = 1;
  private readonly chunkSize: number;
  private readonly builder: SnapshotBuilder;
  private readonly names = new Interner();
  private readonly pairs = new FramePairs();
  private endsWithNewline = true;

  constructor(options: ParseOptions = {}) {
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    this.builder = new SnapshotBuilder(options.name ?? null, options.onGoroutine ?? null, options.origin ?? null);
  }

  /** Lines parsed so far. */
  get linesRead(): number {
    return this.nextLine - 1;
  }

  /** Complete lines pushed so far: parsed, or waiting in the buffer. */
  get linesPushed(): number {
    let n = this.nextLine - 1;
    for (let i = this.buffer.indexOf('\n'); i >= 0; i = this.buffer.indexOf('\n', i + 1)) n++;
    return n;
  }

  /** Snapshots so far (the last one may still grow). */
  get snapshots(): readonly Snapshot[] {
    return this.builder.snapshots;
  }

  push(text: string): void {
    if (text.length === 0) return;
    if (this.buffer.length + text.length >= this.chunkSize) {
      // The usual case (a piece of a big input): parse up to the piece's last blank line in place, so the
      // chunk is never copied by concatenation and the lexer reads a flat string. The leftover, completed
      // up to the piece's first blank line, is a small chunk of its own.
      const cut = blankCut(text, true);
      if (cut > 0) {
        let from = 0;
        if (this.buffer.length > 0) {
          from = blankCut(text, false);
          this.parseChunk(this.buffer + text.slice(0, from), 0, this.buffer.length + from);
        }
        if (cut > from) this.parseChunk(text, from, cut);
        this.buffer = text.slice(cut);
        return;
      }
    }
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    while (this.buffer.length >= this.chunkSize) {
      const cut = this.cutPoint();
      if (cut <= 0) break;
      this.parseChunk(this.buffer, 0, cut);
      this.buffer = this.buffer.slice(cut);
    }
  }

  /**
   * Where to cut the buffer: after the first newline of its last blank line;
   * once it is large without one (log shippers drop blank lines), before its
   * last goroutine header or profile record; else, with a warning, after its
   * last newline (a goroutine across that cut is read in two pieces).
   */
  private cutPoint(): number {
    const b = this.buffer;
    const blank = blankCut(b, true);
    if (blank > 0) return blank;
    if (b.length < this.chunkSize * 8) return -1;
    const header = lastBoundary(b);
    if (header > 0) return header;
    const cut = b.lastIndexOf('\n') + 1;
    if (cut > 0) {
      let line = this.nextLine;
      for (let i = b.indexOf('\n'); i >= 0 && i < cut - 1; i = b.indexOf('\n', i + 1)) line++;
      this.builder.warning(line, `no blank line and no goroutine header in the ${this.chunkSize * 8} characters before this line: the text is cut here to be read, and what spans the cut may be read in two pieces`);
    }
    return cut;
  }

  /** Parses text[from, to): whole lines, cut after a blank line's first newline or at the input's end. */
  private parseChunk(text: string, from: number, to: number): void {
    const tokens = tokenizeLines(text, this.nextLine, this.pairs, from, to);
    parseTokens(tokens, text, this.builder, this.names, this.pairs);
    this.nextLine += tokens.length;
    this.endsWithNewline = text.charCodeAt(to - 1) === 10;
  }

  /** Parses what is left. `inputBytes`: the input's size in bytes, when the caller knows it (a full buffer's size says the dump was cut). */
  end(inputBytes: number | null = null): ParseResult {
    if (this.buffer.length > 0) this.parseChunk(this.buffer, 0, this.buffer.length);
    this.buffer = '';
    const lastLine = this.nextLine - 1;
    if (lastLine > 0 && inputBytes !== null && isFullBuffer(inputBytes)) {
      this.builder.warning(lastLine, `the input is exactly ${inputBytes} bytes, the size of a full buffer (pprof's debug=2 output stops at 64 MiB; runtime.Stack fills the buffer it is given): the dump is cut off here`);
    } else if (!this.endsWithNewline && this.builder.lastWasNoise && lastLine > 0) {
      this.builder.warning(lastLine, 'the input ends in the middle of this line: the dump looks cut off (a full runtime.Stack buffer, a 64 MiB debug=2 limit, or a truncated copy)');
    }
    return this.builder.finish(lastLine);
  }
}

/** A line that starts a goroutine or a debug=1 record: `goroutine 12 [`, `3 @ 0x…`, `1: 64 [2: 128] @ 0x…`. */
const BOUNDARY = /\n(?:goroutine \d+ |\d+ @ |\d+: \d+ \[\d+: \d+\] @ )/g;

/** The offset just after the newline before the last such line of `text`, searched in its last half; -1 without one. */
function lastBoundary(text: string): number {
  BOUNDARY.lastIndex = text.length >> 1;
  let found = -1;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) found = m.index + 1;
  return found;
}

/**
 * A power of two from 64 KiB up: the sizes dumps come cut at (pprof's
 * debug=2 handler doubles its buffer up to 64 MiB and stops there mid-line;
 * programs call runtime.Stack with buffers like 1 << 20). A cut that falls
 * on a line that still reads (a shorter pc offset, a whole line) leaves no
 * other trace; a whole dump of exactly such a size is one in tens of
 * thousands.
 */
export function isFullBuffer(bytes: number): boolean {
  return bytes >= 64 << 10 && Number.isInteger(Math.log2(bytes));
}

/** Parses a whole text through the same chunked path as a stream. */
export function parseDump(text: string, options: ParseOptions = {}): ParseResult {
  const reader = new DumpReader(options);
  reader.push(text);
  return reader.end(Buffer.byteLength(text, 'utf8'));
}
