/**
 * Splits a stream (a `go test` run, a program's output) into the text that
 * is not a dump, passed on byte for byte as it arrives, and the goroutine
 * dumps in it, handed over a line at a time (a dump is never held whole:
 * only the few lines before its first header while deciding, and blank
 * lines at its end). Bytes, not strings: text that is not valid UTF-8
 * passes through unchanged.
 *
 * A dump starts at a `goroutine N [...]:` header, or at `panic: `,
 * `fatal error: `, `SIGQUIT: quit` (and the other signal lines) when a
 * header follows within a few lines of what crashes print before it
 * (tab-indented panic values, `running tests:`, `[signal …]`, `PC=…`,
 * `runtime stack:` and its frames, blank lines); otherwise those lines were
 * just text and pass through. A dump ends at the first line that belongs to
 * no goroutine block (`FAIL\tpkg\t2.0s`, `exit status 2`); blank lines at
 * its end pass through after it.
 */
import { classifyLine, LineKind } from '../../grammar/lines.js';

export interface SplitSink {
  /** Bytes that are not part of a dump, in order. */
  text(bytes: Buffer): void;
  /** A dump begins at this input line (1-based); its lines follow. */
  dumpStart(firstLine: number): void;
  /** One line of the dump, with its line end. */
  dumpLine(line: string): void;
  /** The dump ended at this input line. */
  dumpEnd(lastLine: number): void;
}

/** Lines a crash prints before its first goroutine header, at most. */
const PREAMBLE_LINES = 64;

const START = /^(panic: |fatal error: |SIG[A-Z]+: |unexpected fault address )/;
const PREAMBLE = /^(\s|\[|PC=|panic: |fatal error: |runtime stack:|SIG[A-Z]+: |goroutine \d+ \[|unexpected fault address |\.\.\.|$)/;

const enum State {
  Text,
  /** After a start line, before the first goroutine header. */
  Preamble,
  Dump,
}

const NEWLINE = 0x0a;

function dumpLine(kind: LineKind): boolean {
  switch (kind) {
    case LineKind.GoroutineHeader:
    case LineKind.CallLine:
    case LineKind.LocationLine:
    case LineKind.CreatedByLine:
    case LineKind.FramesElidedLine:
    case LineKind.AncestorHeader:
    case LineKind.StackUnavailable:
    case LineKind.BlankLine:
      return true;
    default:
      return false;
  }
}

function lineText(line: Buffer): string {
  let end = line.length;
  if (end > 0 && line[end - 1] === NEWLINE) end--;
  if (end > 0 && line[end - 1] === 0x0d) end--;
  return line.toString('utf8', 0, end);
}

export class DumpSplitter {
  private state = State.Text;
  /** The start of a line not yet ended. */
  private partial: Buffer[] = [];
  /** The part of the current line already passed on as text (it cannot start a dump). */
  private partialPassed = false;
  /** Lines held while deciding whether a start line begins a dump (the preamble). */
  private held: Buffer[] = [];
  private heldFirst = 0;
  /** Blank lines in a dump not yet handed over: they pass through after it if it ends there. */
  private blanks: Buffer[] = [];
  /** The last line handed over as part of the dump. */
  private dumpLast = 0;
  private line = 0;

  constructor(private readonly sink: SplitSink) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, at);
      if (nl < 0) {
        this.startOfLine(chunk.subarray(at));
        return;
      }
      const piece = chunk.subarray(at, nl + 1);
      at = nl + 1;
      if (this.partialPassed) {
        // The rest of a line already being passed on as text.
        this.sink.text(piece);
        this.partialPassed = false;
        this.line++;
        continue;
      }
      const whole = this.partial.length > 0 ? Buffer.concat([...this.partial, piece]) : piece;
      this.partial = [];
      this.line++;
      this.onLine(whole);
    }
  }

  /** A line's start with no newline yet: in plain text, passed on at once unless it could start a dump. */
  private startOfLine(bytes: Buffer): void {
    if (this.partialPassed) return void this.sink.text(bytes);
    this.partial.push(bytes);
    if (this.state !== State.Text) return;
    const sofar = Buffer.concat(this.partial).toString('utf8');
    if (!couldStartDump(sofar)) {
      this.sink.text(Buffer.concat(this.partial));
      this.partial = [];
      this.partialPassed = true;
    }
  }

  private onLine(line: Buffer): void {
    const text = lineText(line);
    const kind = classifyLine(text, 0, text.length);
    switch (this.state) {
      case State.Text:
        if (kind === LineKind.GoroutineHeader && text.startsWith('goroutine ')) {
          this.begin(line, State.Dump);
          return this.startDump();
        }
        if (START.test(text)) return this.begin(line, State.Preamble);
        return this.sink.text(line);
      case State.Preamble:
        if (kind === LineKind.GoroutineHeader && text.startsWith('goroutine ')) {
          this.held.push(line);
          this.state = State.Dump;
          return this.startDump();
        }
        if (PREAMBLE.test(text) || kind === LineKind.CallLine || kind === LineKind.LocationLine || kind === LineKind.CreatedByLine) {
          this.held.push(line);
          // No header after all: it was text.
          if (this.held.length > PREAMBLE_LINES) this.release();
          return;
        }
        this.release();
        return this.onLine(line);
      case State.Dump:
        if (dumpLine(kind) && !(kind === LineKind.GoroutineHeader && !text.startsWith('goroutine '))) {
          if (kind === LineKind.BlankLine) return void this.blanks.push(line);
          for (const b of this.blanks) this.sink.dumpLine(b.toString('utf8'));
          this.dumpLast = this.line;
          this.blanks = [];
          this.sink.dumpLine(line.toString('utf8'));
          return;
        }
        this.finish();
        return this.onLine(line);
    }
  }

  private begin(line: Buffer, state: State): void {
    this.held = [line];
    this.heldFirst = this.line;
    this.state = state;
  }

  /** A header came: the held lines are the dump's first. */
  private startDump(): void {
    this.sink.dumpStart(this.heldFirst);
    for (const l of this.held) this.sink.dumpLine(l.toString('utf8'));
    this.held = [];
    this.blanks = [];
    this.dumpLast = this.line;
  }

  /** The held lines were text after all. */
  private release(): void {
    const held = this.held;
    this.held = [];
    this.state = State.Text;
    for (const l of held) this.sink.text(l);
  }

  /** The dump ended: say so, then pass on the blank lines that followed it. */
  private finish(): void {
    const blanks = this.blanks;
    this.blanks = [];
    this.state = State.Text;
    this.sink.dumpEnd(this.dumpLast);
    for (const b of blanks) this.sink.text(b);
  }

  /** The input ended: a dump in progress is handed over, a preamble was text, a partial line is passed on. */
  end(): void {
    if (this.partial.length > 0) {
      const last = Buffer.concat(this.partial);
      this.partial = [];
      this.line++;
      if (this.state === State.Text) this.sink.text(last);
      else this.onLine(last);
    }
    if (this.state === State.Dump) this.finish();
    else if (this.state === State.Preamble) this.release();
  }
}

/** Whether the start of a line may still become a dump's first line. */
function couldStartDump(start: string): boolean {
  for (const p of ['goroutine ', 'panic: ', 'fatal error: ', 'SIG', 'unexpected fault address ']) {
    if (p.startsWith(start) || start.startsWith(p)) return true;
  }
  return false;
}
