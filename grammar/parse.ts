/**
 * The parser's lifecycle: text arrives in pieces of any size; it is cut into
 * chunks at blank lines (goroutine and record boundaries), each chunk is
 * lexed and parsed on its own and its tokens dropped, so memory holds one
 * chunk of tokens at a time however big the input.
 */
import type { Goroutine } from '../src/model/goroutine.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { Interner } from './intern.js';
import { FramePairs } from './pairs.js';
import { parseTokens } from './parser.js';
import { SnapshotBuilder, type ParseResult, type ProfileSection } from './snapshots.js';
import { tokenizeLines } from './tokens.js';

export type { ParseResult } from './snapshots.js';

export interface ParseOptions {
  /** Target chunk size in characters (default 1 MiB). */
  chunkSize?: number;
  /** Readers for the profile kinds beyond goroutine counts (heap, contention). */
  sections?: readonly ProfileSection[];
  /**
   * Called for each goroutine as it is parsed; return false to not keep it in
   * the snapshot (a streaming consumer that folds goroutines into groups).
   */
  onGoroutine?: (g: Goroutine, snapshot: Snapshot) => boolean;
}

const DEFAULT_CHUNK = 1 << 20;

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
    this.builder = new SnapshotBuilder(options.sections ?? [], options.onGoroutine ?? null);
  }

  /** Lines parsed so far. */
  get linesRead(): number {
    return this.nextLine - 1;
  }

  /** Snapshots so far (the last one may still grow). */
  get snapshots(): readonly Snapshot[] {
    return this.builder.snapshots;
  }

  push(text: string): void {
    if (text.length === 0) return;
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    while (this.buffer.length >= this.chunkSize) {
      const cut = this.cutPoint();
      if (cut <= 0) break;
      this.parseChunk(this.buffer.slice(0, cut));
      this.buffer = this.buffer.slice(cut);
    }
  }

  /** Where to cut the buffer: after the first newline of its last blank line, else after its last newline once it is large. */
  private cutPoint(): number {
    const b = this.buffer;
    let blank = b.lastIndexOf('\n\n');
    if (blank < 0) blank = b.lastIndexOf('\n\r\n');
    if (blank >= 0) return blank + 1;
    if (b.length < this.chunkSize * 8) return -1;
    return b.lastIndexOf('\n') + 1;
  }

  private parseChunk(text: string): void {
    const tokens = tokenizeLines(text, this.nextLine, this.pairs);
    parseTokens(tokens, text, this.builder, this.names, this.pairs);
    this.nextLine += tokens.length;
    this.endsWithNewline = text.endsWith('\n');
  }

  end(): ParseResult {
    if (this.buffer.length > 0) this.parseChunk(this.buffer);
    this.buffer = '';
    const lastLine = this.nextLine - 1;
    if (!this.endsWithNewline && this.builder.lastWasNoise && lastLine > 0) {
      this.builder.warning(lastLine, 'the input ends in the middle of this line: the dump looks cut off (a full runtime.Stack buffer, a 64 MiB debug=2 limit, or a truncated copy)');
    }
    return this.builder.finish(lastLine);
  }
}

/** Parses a whole text through the same chunked path as a stream. */
export function parseDump(text: string, options: ParseOptions = {}): ParseResult {
  const reader = new DumpReader(options);
  reader.push(text);
  return reader.end();
}
