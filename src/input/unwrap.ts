/**
 * The text transform between decoding and the grammar: it looks at the
 * first lines once (prefixes.ts decides the wrapping), then either passes the
 * text through untouched (a clean dump costs a newline count per chunk) or
 * rewrites it line by line. It also guards the grammar against hostile text:
 * a line longer than MAX_LINE_CHARS is cut, and a dump cut off inside its
 * last goroutine header still yields that goroutine.
 *
 * Line numbers: the grammar numbers the lines it is given; when an envelope
 * joins or drops lines those differ from the input's, so a LineMap records
 * where each given line came from, and warnings name the input's lines.
 */
import type { LineRange, Warning } from '../model/snapshot.js';
import { cleanLine, describeWrapping, detectWrapping, NO_WRAPPING, rewrites, unwrapEvent, type Wrapping } from './prefixes.js';

/** Longest line passed on; the rest of a longer one is dropped with a warning (keeps memory bounded). */
export const MAX_LINE_CHARS = 8 << 20;
/** How much text the wrapping is decided on. */
const SAMPLE_CHARS = 64 << 10;
const SAMPLE_LINES = 200;
/** Rewritten text is handed on in pieces of about this size. */
const OUT_CHARS = 1 << 20;

/** Maps the lines the grammar read back to input lines: runs of consecutive lines, each (given line, input line). */
export class LineMap {
  private readonly starts: number[] = [];
  private readonly origins: number[] = [];
  private count = 0;

  /** The next given line came from input line `origin`. */
  add(origin: number): void {
    const t = ++this.count;
    const k = this.starts.length - 1;
    if (k >= 0 && this.origins[k]! + (t - this.starts[k]!) === origin) return;
    this.starts.push(t);
    this.origins.push(origin);
  }

  get lines(): number {
    return this.count;
  }

  /** True when every given line is the input line of the same number. */
  get identity(): boolean {
    return this.starts.length === 0 || (this.starts.length === 1 && this.origins[0] === 1);
  }

  /** The input line a given line starts on. */
  origin(line: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || line < 1) return line;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    return this.origins[lo]! + (line - this.starts[lo]!);
  }
}

export interface UnwrapReport {
  readonly wrapping: Wrapping;
  /** What was taken off, for people ("RFC 3339 timestamp (kubectl logs --timestamps)"). */
  readonly stripped: string[];
  /** Lines of the input as it came. */
  readonly lines: number;
  /** Given line → input line, or null when they are the same. */
  readonly map: LineMap | null;
  /** Input lines not passed on: envelope events that carry no text. */
  readonly dropped: LineRange[];
  /** Problems found before the grammar, on input lines. */
  readonly warnings: Warning[];
  /** The last input line when the input does not end with a newline (it may be cut off), else null. */
  readonly unterminated: number | null;
  /** The unterminated last line ends as the runtime ends such a line (a pc offset, a header's `]:`): whole, not cut. */
  readonly unterminatedWhole: boolean;
}

/**
 * Line ends the runtime writes that a cut leaves only by chance: a location's
 * pc offset (and the registers after it), a header's `]:`, a profile frame's
 * `file:line`, a `# labels:` object, `exit status N`.
 */
const WHOLE_LINE_END = /(?:\S:\d+ \+0x[\da-f]+(?: fp=0x[\da-f]+ sp=0x[\da-f]+ pc=0x[\da-f]+)?|^goroutine \d+ .*\]:|^#\t0x[\da-f]+\t\S.*:\d+|^# labels: \{.*\}|^exit status \d+)$/;

/** True when a last line without its newline ends as the runtime ends such a line, so it is taken as whole (not warned as cut). */
export function endsWhole(line: string): boolean {
  return WHOLE_LINE_END.test(line);
}

/** `goroutine 7 [chan rec` at the very end: a header cut off before its `]:` (only the runtime's own fields before `[`). */
const CUT_HEADER = /^goroutine \d+(?: [gmp]*(?:=\S*)?)*?( ?\[[^\]]*\]?| ?)$/;

function addRange(ranges: LineRange[], line: number): void {
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last.last + 1 === line) ranges[ranges.length - 1] = { first: last.first, last: line };
  else ranges.push({ first: line, last: line });
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface UnwrapOptions {
  /** --strip REGEX: a prefix to take off every line that starts with it. */
  strip?: RegExp | null;
}

export class Unwrapper {
  private readonly custom: RegExp | null;
  private mode: 'sampling' | 'pass' | 'rewrite' = 'sampling';
  private wrapping: Wrapping = NO_WRAPPING;
  private sample = '';
  /** Input lines complete so far. */
  private inputLines = 0;
  /** Pass mode: lines were handed on since inputLines was last counted (see linesSunk). */
  private linesStale = false;
  /** The unfinished last input line (rewrite mode) or its first characters (pass mode). */
  private partial = '';
  /** Length of the unfinished last input line. */
  private partialLength = 0;
  /** Dropping the rest of an over-long line until its newline. */
  private discarding = false;
  private readonly map = new LineMap();
  private readonly dropped: LineRange[] = [];
  private readonly warnings: Warning[] = [];
  /** Envelope text not yet ended by a newline, and the input line it started on. */
  private inner = '';
  private innerOrigin = 0;
  private out = '';
  /** Double-spaced input: a line was just passed on, so a blank one next is the paste's. */
  private afterLine = false;

  constructor(
    private readonly sink: (text: string) => void,
    options: UnwrapOptions = {},
    /**
     * The complete lines the sink has been given (the grammar counts them anyway). In pass mode
     * they are the input's lines, so clean text is not scanned for newlines twice; without it, pass counts.
     */
    private readonly linesSunk: (() => number) | null = null,
  ) {
    this.custom = options.strip ?? null;
  }

  /** The line map so far, when lines no longer match the input's (goroutines are renumbered as they are parsed). */
  get lineMap(): LineMap | null {
    return this.mode === 'rewrite' && !this.map.identity ? this.map : null;
  }

  push(text: string): void {
    if (text.length === 0) return;
    if (this.mode === 'sampling') {
      this.sample += text;
      if (this.sample.length >= SAMPLE_CHARS || countNewlines(this.sample) >= SAMPLE_LINES) this.decide(false);
      return;
    }
    if (this.mode === 'pass') this.pass(text);
    else this.rewrite(text);
  }

  end(): UnwrapReport {
    if (this.mode === 'sampling') this.decide(true);
    this.syncLines();
    const unterminated = this.partialLength > 0 ? this.inputLines + 1 : null;
    const last = this.mode === 'pass' ? this.partial : cleanLine(this.partial, this.wrapping, this.custom);
    const unterminatedWhole = unterminated !== null && this.partialLength === this.partial.length && this.wrapping.envelope === null && endsWhole(last);
    if (this.mode === 'pass') this.endPass();
    else this.endRewrite();
    const identity = this.mode === 'pass' || this.map.identity;
    return {
      wrapping: this.wrapping,
      stripped: describeWrapping(this.wrapping).concat(this.custom === null ? [] : [`--strip ${this.custom.source}`]),
      lines: this.inputLines,
      map: identity ? null : this.map,
      dropped: this.dropped,
      warnings: this.warnings,
      unterminated,
      unterminatedWhole,
    };
  }

  private decide(atEnd: boolean): void {
    const text = this.sample;
    this.sample = '';
    const cut = atEnd ? text.length : text.lastIndexOf('\n');
    const lines = text.slice(0, Math.max(cut, 0)).split('\n').slice(0, SAMPLE_LINES);
    this.wrapping = detectWrapping(lines, this.custom);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      this.warnings.push({
        line: countNewlines(text.slice(0, nul)) + 1,
        message: 'this line holds NUL bytes: the input looks like a binary file, not a text dump',
      });
    }
    this.mode = rewrites(this.wrapping) || this.custom !== null ? 'rewrite' : 'pass';
    if (this.mode === 'pass') this.pass(text);
    else this.rewrite(text);
  }

  /** Pass mode with linesSunk: inputLines is brought up to date only where it is read. */
  private syncLines(): void {
    if (this.linesStale) this.inputLines = this.linesSunk!();
    this.linesStale = false;
  }

  /** Clean text: handed on as it is; only newlines are counted and over-long lines cut. */
  private pass(text: string): void {
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      if (this.discarding) return;
      const room = MAX_LINE_CHARS - this.partialLength;
      if (text.length > room) {
        this.syncLines();
        this.tooLong(this.inputLines + 1);
        this.sink(text.slice(0, room));
        this.partialLength = MAX_LINE_CHARS;
        return;
      }
      if (this.partial.length < 256) this.partial += text.slice(0, 256);
      this.partialLength += text.length;
      this.sink(text);
      return;
    }
    const first = text.indexOf('\n');
    if (this.discarding || this.partialLength + first > MAX_LINE_CHARS || this.hasLongLine(text, first, last)) {
      // Rare: a line too long somewhere in this piece; go line by line.
      this.syncLines();
      let from = 0;
      for (let nl = first; nl >= 0; nl = text.indexOf('\n', from)) {
        this.pass(text.slice(from, nl));
        this.inputLines++;
        this.discarding = false;
        this.partial = '';
        this.partialLength = 0;
        this.sink('\n');
        from = nl + 1;
      }
      if (from < text.length) this.pass(text.slice(from));
      return;
    }
    if (this.linesSunk === null) this.inputLines += countNewlines(text);
    else this.linesStale = true;
    this.partial = text.slice(last + 1, last + 257);
    this.partialLength = text.length - last - 1;
    this.sink(text);
  }

  private hasLongLine(text: string, first: number, last: number): boolean {
    if (text.length - last - 1 > MAX_LINE_CHARS) return true;
    if (last - first <= MAX_LINE_CHARS) return false;
    for (let i = first, j = text.indexOf('\n', i + 1); j >= 0; i = j, j = text.indexOf('\n', j + 1)) if (j - i > MAX_LINE_CHARS) return true;
    return false;
  }

  private tooLong(line: number): void {
    this.discarding = true;
    this.warnings.push({ line, message: `this line is longer than ${MAX_LINE_CHARS >> 20} MiB; the rest of it was passed over` });
  }

  private endPass(): void {
    if (this.partialLength === 0) return;
    this.inputLines++;
    const completion = this.partialLength === this.partial.length ? headerCompletion(this.partial) : null;
    if (completion !== null) {
      this.sink(completion);
      this.warnings.push({ line: this.inputLines, message: `the input ends inside this goroutine header ("${this.partial}"): the goroutine is kept with its state as far as it was written` });
    }
  }

  /** Wrapped text: whole input lines are unwrapped and cleaned one at a time. */
  private rewrite(text: string): void {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      this.appendPartial(text.slice(from, nl));
      this.inputLines++;
      this.inputLine(this.partial, this.inputLines, true);
      this.partial = '';
      this.partialLength = 0;
      this.discarding = false;
      from = nl + 1;
    }
    if (from < text.length) this.appendPartial(text.slice(from));
    if (this.out.length >= OUT_CHARS) this.flush();
  }

  private appendPartial(piece: string): void {
    if (this.discarding) return;
    const room = MAX_LINE_CHARS - this.partialLength;
    if (piece.length > room) {
      this.tooLong(this.inputLines + 1);
      this.partial += piece.slice(0, room);
      this.partialLength = MAX_LINE_CHARS;
      return;
    }
    this.partial += piece;
    this.partialLength += piece.length;
  }

  private inputLine(line: string, number: number, complete: boolean): void {
    const envelope = this.wrapping.envelope;
    if (envelope === null) {
      this.emit(line, number, complete);
      return;
    }
    const text = unwrapEvent(envelope, line);
    if (text === null) {
      // Not an event: a line of the dump outside the envelope. It ends any unfinished event text.
      if (this.inner !== '') this.emit(this.inner, this.innerOrigin, true);
      this.inner = '';
      this.emit(line, number, complete);
      return;
    }
    if (text === '') {
      if (this.inner === '') addRange(this.dropped, number);
      return;
    }
    if (this.inner === '') this.innerOrigin = number;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      this.emit(this.inner + text.slice(from, nl), this.innerOrigin, true);
      this.inner = '';
      this.innerOrigin = number;
      from = nl + 1;
    }
    this.inner += text.slice(from);
  }

  private emit(line: string, origin: number, complete: boolean): void {
    const clean = cleanLine(line, this.wrapping, this.custom);
    if (this.wrapping.doubleSpaced) {
      // The blank line after each line is left out; the line before stands for it (LineMap).
      const drop = this.afterLine && clean.trim() === '';
      this.afterLine = !drop;
      if (drop) return;
    }
    this.map.add(origin);
    this.out += complete ? clean + '\n' : clean;
    if (!complete) {
      const completion = headerCompletion(clean);
      if (completion !== null) {
        this.out += completion;
        this.warnings.push({ line: origin, message: `the input ends inside this goroutine header ("${clean}"): the goroutine is kept with its state as far as it was written` });
      }
    }
  }

  private endRewrite(): void {
    if (this.partialLength > 0) {
      this.inputLines++;
      this.inputLine(this.partial, this.inputLines, false);
    }
    if (this.inner !== '') this.emit(this.inner, this.innerOrigin, false);
    this.inner = '';
    this.flush();
  }

  private flush(): void {
    if (this.out.length > 0) this.sink(this.out);
    this.out = '';
  }
}

/** What completes a goroutine header cut off at the end of the input (`goroutine 7 [chan rec` → `]:`), or null. */
export function headerCompletion(lastLine: string): string | null {
  if (lastLine.length > 256 || !lastLine.startsWith('goroutine ')) return null;
  const m = CUT_HEADER.exec(lastLine);
  if (m === null) return null;
  const bracket = m[1]!.trimStart();
  if (bracket === '') return `${lastLine.endsWith(' ') ? '' : ' '}[${CUT_STATE}]:`;
  if (bracket.endsWith(']')) return ':';
  return bracket === '[' ? `${CUT_STATE}]:` : ']:';
}

/** The state given to a goroutine whose header was cut off before its state. */
export const CUT_STATE = 'cut off';
