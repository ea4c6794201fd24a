/**
 * Turns the grammar's events into snapshots. One input can hold several
 * dumps (runtime.Stack output followed by a SIGQUIT dump, repeated SIGQUITs,
 * a profile after a traceback); a new snapshot starts when
 *   - a profile header appears (`goroutine profile: total N`, `--- mutex:`),
 *   - a goroutine id repeats within the current traceback snapshot,
 *   - a crash line (`panic: `, `fatal error: `, `SIGQUIT: quit`) follows goroutines.
 * Every line ends up parsed, in `skipped` (ranges), or in `warnings`.
 */
import type { Goroutine } from '../src/model/goroutine.js';
import { newTracebackSnapshot, type LineRange, type Snapshot, type TracebackSnapshot, type Warning } from '../src/model/snapshot.js';
import { IdSet } from './idset.js';
import type { ProfileHeaderFields } from './fields.js';
import type { DumpEvents, RawRecord } from './parser.js';
import { PROFILE_SECTIONS } from './sections.js';
import { appendAll } from '../src/lists.js';

/** Lines that say why the dump was printed. */
const CRASH_LINE = /^(panic: |fatal error: |SIGQUIT: quit|SIGABRT: abort|\[signal |unexpected signal|runtime: |\^\\SIGQUIT: quit)/;

export interface ParseResult {
  snapshots: Snapshot[];
  /** Lines read. */
  lines: number;
  /** Non-dump lines and warnings of an input in which no dump was found. */
  skipped: LineRange[];
  warnings: Warning[];
}

function addLine(ranges: LineRange[], line: number): void {
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last.last + 1 === line) ranges[ranges.length - 1] = { first: last.first, last: line };
  else ranges.push({ first: line, last: line });
}

export class SnapshotBuilder implements DumpEvents {
  readonly snapshots: Snapshot[] = [];
  private current: Snapshot | null = null;
  private readonly ids = new IdSet();
  /** Set after a crash line that follows goroutines: the next goroutine starts a new snapshot. */
  private sealed = false;
  private pendingSkipped: LineRange[] = [];
  private pendingWarnings: Warning[] = [];
  private pendingMessages: string[] = [];
  /** The previous line was a crash message, so tab-indented lines continue it (multi-line panic values). */
  private inMessage = false;
  lastWasNoise = false;

  /**
   * `origin` maps a line as the grammar counts it to the input's line (an
   * envelope such as `go test -json` may have joined or dropped lines): every
   * goroutine and record gets its input line here, as it is read, because a
   * streaming consumer may drop it at once.
   */
  constructor(
    private readonly inputName: string | null = null,
    private readonly onGoroutine: ((g: Goroutine, s: TracebackSnapshot) => boolean) | null = null,
    private readonly origin: ((line: number) => number) | null = null,
  ) {}

  private start<S extends Snapshot>(s: S, line: number): S {
    appendAll(s.messages, this.pendingMessages);
    appendAll(s.skipped, this.pendingSkipped);
    appendAll(s.warnings, this.pendingWarnings);
    if (this.pendingSkipped.length > 0) s.firstLine = Math.min(line, this.pendingSkipped[0]!.first);
    this.pendingMessages = [];
    this.pendingSkipped = [];
    this.pendingWarnings = [];
    this.snapshots.push(s);
    this.current = s;
    this.ids.clear();
    this.sealed = false;
    return s;
  }

  private touch(line: number): void {
    if (this.current !== null && line > this.current.lastLine) this.current.lastLine = line;
  }

  goroutine(g: Goroutine, gluedPrefix: string): void {
    this.inMessage = false;
    this.lastWasNoise = false;
    const current = this.current;
    const s = current === null || current.kind !== 'traceback' || this.sealed || this.ids.has(g.id) ? this.start(newTracebackSnapshot(g.line), g.line) : current;
    if (gluedPrefix !== '') {
      s.warnings.push({ line: g.line, message: `text before the goroutine header was passed over: "${gluedPrefix}"` });
    }
    this.ids.add(g.id);
    s.total++;
    this.touch(g.line + g.frames.length * 2 + 1);
    if (this.origin !== null) (g as { line: number }).line = this.origin(g.line);
    // A streaming consumer may fold the goroutine and drop it (returns false to not keep it).
    if (this.onGoroutine === null || this.onGoroutine(g, s)) s.goroutines.push(g);
  }

  profileHeader(header: ProfileHeaderFields, line: number, text: string): void {
    this.inMessage = false;
    this.lastWasNoise = false;
    for (const section of PROFILE_SECTIONS) {
      const s = section.start(header, text, line, this.inputName);
      if (s !== null) {
        this.start(s, line);
        return;
      }
    }
    this.noise(text, line);
    this.warning(line, `unknown profile "${header.name}" is not read; gdump reads goroutine, threadcreate, goroutineleak, heap, allocs, block and mutex profiles`);
  }

  profileSetting(text: string, line: number): void {
    const s = this.current;
    if (s !== null && PROFILE_SECTIONS.some((section) => section.setting(s, text, line))) {
      this.touch(line);
      this.lastWasNoise = false;
      return;
    }
    this.noise(text, line);
  }

  record(record: RawRecord): void {
    this.inMessage = false;
    const s = this.current;
    const lastLine = record.line + record.frames.length + (record.labels === null ? 0 : 1);
    if (s !== null) {
      if (this.origin !== null) record.inputLine = this.origin(record.line);
      for (const section of PROFILE_SECTIONS) {
        if (section.record(s, record) === null) {
          this.touch(lastLine);
          this.lastWasNoise = false;
          return;
        }
      }
    }
    for (let l = record.line; l <= lastLine; l++) this.noise('', l);
    this.warning(record.line, 'a profile record outside a profile was passed over; expected a header such as "goroutine profile: total N" before it');
  }

  noise(text: string, line: number): void {
    this.lastWasNoise = true;
    const crash = CRASH_LINE.test(text) || text.includes('SIGQUIT: quit');
    const continues = this.inMessage && text.startsWith('\t');
    if (crash || continues) {
      const s = this.current;
      // total, not goroutines.length: a streaming consumer may have folded and dropped the goroutines.
      const hasGoroutines = s !== null && s.kind === 'traceback' && s.total > 0;
      if (crash && hasGoroutines) this.sealed = true;
      // A message before a snapshot's first goroutine or count record is its own; after them, the next snapshot's.
      const target = s !== null && !hasGoroutines && !(s.kind === 'count' && s.records.length > 0) ? s.messages : this.pendingMessages;
      if (continues && target.length > 0) target[target.length - 1] += '\n' + text;
      else target.push(text);
      this.inMessage = true;
    } else {
      this.inMessage = false;
    }
    if (this.current === null) addLine(this.pendingSkipped, line);
    else {
      addLine(this.current.skipped, line);
      this.touch(line);
    }
  }

  blank(line: number): void {
    this.inMessage = false;
    this.lastWasNoise = false;
    this.touch(line);
  }

  warning(line: number, message: string): void {
    (this.current?.warnings ?? this.pendingWarnings).push({ line, message });
  }

  finish(lines: number): ParseResult {
    for (const s of this.snapshots) for (const section of PROFILE_SECTIONS) section.end?.(s);
    if (this.snapshots.length === 0) {
      return { snapshots: [], lines, skipped: this.pendingSkipped, warnings: this.pendingWarnings };
    }
    return { snapshots: this.snapshots, lines, skipped: [], warnings: [] };
  }
}
