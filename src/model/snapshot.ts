import type { Frame } from './frame.js';
import type { Goroutine } from './goroutine.js';
import type { ContentionProfile, HeapProfile } from './profile.js';
import type { CountRecord } from './record.js';

/**
 * What one dump holds, by kind: the runtime writes four kinds of text (and
 * their binary forms), each with its own parts. A Snapshot is one of them,
 * told apart by `kind`; `format` names the endpoint within the kind.
 * Everything that acts per kind (sites, text, JSON, the TUI's first page)
 * lives in that kind's module under src/kinds/.
 */
export type TracebackFormat = 'goroutine';
/** The count profiles (debug=1): identical stacks merged, with a count. */
export type CountFormat = 'goroutine-debug1' | 'threadcreate' | 'goroutineleak';
export type HeapFormat = 'heap' | 'allocs';
export type ContentionFormat = 'block' | 'mutex';
export type SnapshotFormat = TracebackFormat | CountFormat | HeapFormat | ContentionFormat;

export interface Warning {
  readonly line: number;
  readonly message: string;
}

/** Inclusive 1-based line range. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

/** What every snapshot has: where it stands in the input and what was said about it. */
export interface SnapshotBase {
  /** Goroutines for tracebacks (`total N` of a count profile's header), records for heap and contention profiles. */
  total: number;
  /** Lines around the goroutines that say what happened: `panic: …`, `fatal error: …`, `SIGQUIT: quit`. */
  readonly messages: string[];
  readonly warnings: Warning[];
  /** Non-dump lines passed over (log lines, register dumps, prose). */
  readonly skipped: LineRange[];
  firstLine: number;
  lastLine: number;
}

/** Goroutine tracebacks: debug=2, panics, SIGQUIT, runtime.Stack. */
export interface TracebackSnapshot extends SnapshotBase {
  readonly kind: 'traceback';
  readonly format: TracebackFormat;
  /** Every goroutine, in input order (empty when a streaming consumer folded them: see ParseOptions.onGoroutine). */
  readonly goroutines: Goroutine[];
}

/** goroutine, threadcreate and goroutineleak profiles with debug=1 (or binary). */
export interface CountSnapshot extends SnapshotBase {
  readonly kind: 'count';
  readonly format: CountFormat;
  /** Every record, in input order. */
  readonly records: CountRecord[];
}

export interface HeapSnapshot extends SnapshotBase {
  readonly kind: 'heap';
  readonly format: HeapFormat;
  readonly heap: HeapProfile;
}

export interface ContentionSnapshot extends SnapshotBase {
  readonly kind: 'contention';
  readonly format: ContentionFormat;
  readonly contention: ContentionProfile;
}

/** One dump: what one SIGQUIT, one panic, one HTTP fetch or one profile wrote. */
export type Snapshot = TracebackSnapshot | CountSnapshot | HeapSnapshot | ContentionSnapshot;
export type SnapshotKind = Snapshot['kind'];
/** The snapshot of a kind. */
export type SnapshotOf<K extends SnapshotKind> = Extract<Snapshot, { kind: K }>;

/** The snapshots that hold goroutines (tracebacks and goroutine count profiles): what grouping, diff and watch work on. */
export type GoroutineSnapshot = TracebackSnapshot | CountSnapshot;

/** The formats whose snapshots hold goroutines: the goroutine endpoint in its text, debug=1 and leak forms. */
export const GOROUTINE_FORMATS: readonly SnapshotFormat[] = ['goroutine', 'goroutine-debug1', 'goroutineleak'];

/** Whether a snapshot holds goroutines: a traceback or a count profile of goroutines (threadcreate counts threads). */
export function holdsGoroutines(s: Snapshot): s is GoroutineSnapshot {
  return GOROUTINE_FORMATS.includes(s.format);
}

/** A stack as every kind has one: goroutines, count, heap and contention records. */
export interface Stack {
  /** Leaf first. */
  readonly frames: readonly Frame[];
  /** The `created by` frame of a goroutine; records have none. */
  readonly createdBy?: Frame | null;
}

/** Every stack of a snapshot, whatever its kind: what frame classification and path shortening look at. */
export function stacksOf(s: Snapshot): readonly Stack[] {
  switch (s.kind) {
    case 'traceback':
      return s.goroutines;
    case 'count':
      return s.records;
    case 'heap':
      return s.heap.records;
    case 'contention':
      return s.contention.records;
  }
}

function base(firstLine: number): SnapshotBase {
  return { total: 0, messages: [], warnings: [], skipped: [], firstLine, lastLine: firstLine };
}

export function newTracebackSnapshot(firstLine: number): TracebackSnapshot {
  return { kind: 'traceback', format: 'goroutine', goroutines: [], ...base(firstLine) };
}

export function newCountSnapshot(format: CountFormat, firstLine: number): CountSnapshot {
  return { kind: 'count', format, records: [], ...base(firstLine) };
}

export function newHeapSnapshot(format: HeapFormat, heap: HeapProfile, firstLine: number): HeapSnapshot {
  return { kind: 'heap', format, heap, ...base(firstLine) };
}

export function newContentionSnapshot(format: ContentionFormat, contention: ContentionProfile, firstLine: number): ContentionSnapshot {
  return { kind: 'contention', format, contention, ...base(firstLine) };
}

export function skippedCount(s: Pick<Snapshot, 'skipped'>): number {
  let n = 0;
  for (const r of s.skipped) n += r.last - r.first + 1;
  return n;
}

/** How a snapshot's input lines were read: every line is exactly one of parsed, skipped or warned. */
export interface LineAccounting {
  total: number;
  /** Read as part of a goroutine, record, profile setting, or a blank separator. */
  parsed: number;
  /** Non-dump lines passed over (the `skipped` ranges). */
  skipped: number;
  /** Lines with a warning that are not skipped. */
  warned: number;
}

/** Counts the lines from firstLine to lastLine (the loader makes a dump's snapshots cover every input line). */
export function lineAccounting(s: Pick<Snapshot, 'skipped' | 'warnings' | 'firstLine' | 'lastLine'>): LineAccounting {
  const total = Math.max(0, s.lastLine - s.firstLine + 1);
  const skipped = skippedCount(s);
  const warned = new Set<number>();
  // A warning names a line of this snapshot; one without a line (binary input) warns about no line.
  for (const w of s.warnings) if (w.line >= s.firstLine && w.line <= s.lastLine && !inRanges(s.skipped, w.line)) warned.add(w.line);
  return { total, parsed: total - skipped - warned.size, skipped, warned: warned.size };
}

/** Whether `line` is in one of `ranges` (sorted, not overlapping). */
export function inRanges(ranges: readonly LineRange[], line: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (line < r.first) hi = mid - 1;
    else if (line > r.last) lo = mid + 1;
    else return true;
  }
  return false;
}
