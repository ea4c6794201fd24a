import type { Goroutine } from './goroutine.js';
import type { ContentionProfile, HeapProfile } from './profile.js';
import type { CountRecord } from './record.js';

export type SnapshotFormat =
  | 'goroutine'
  | 'goroutine-debug1'
  | 'threadcreate'
  | 'goroutineleak'
  | 'heap'
  | 'allocs'
  | 'block'
  | 'mutex';

/** The formats whose snapshots hold goroutines (tracebacks and goroutine count profiles): what diff and watch compare. */
export const GOROUTINE_FORMATS: readonly SnapshotFormat[] = ['goroutine', 'goroutine-debug1', 'goroutineleak'];

export interface Warning {
  readonly line: number;
  readonly message: string;
}

/** Inclusive 1-based line range. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

/** One dump: what one SIGQUIT, one panic or one HTTP fetch wrote. */
export interface Snapshot {
  readonly format: SnapshotFormat;
  /** Traceback text: every goroutine, in input order. */
  readonly goroutines: Goroutine[];
  /** Count profiles: every record, in input order. */
  readonly records: CountRecord[];
  /** `total N` of a count profile header, or the number of goroutines. */
  total: number;
  /** Lines around the goroutines that say what happened: `panic: …`, `fatal error: …`, `SIGQUIT: quit`. */
  readonly messages: string[];
  readonly warnings: Warning[];
  /** Non-dump lines passed over (log lines, register dumps, prose). */
  readonly skipped: LineRange[];
  firstLine: number;
  lastLine: number;
  /** heap and allocs profiles. */
  heap?: HeapProfile;
  /** block and mutex profiles. */
  contention?: ContentionProfile;
}

export function skippedCount(s: Pick<Snapshot, 'skipped'>): number {
  let n = 0;
  for (const r of s.skipped) n += r.last - r.first + 1;
  return n;
}

export function newSnapshot(format: SnapshotFormat, firstLine: number): Snapshot {
  return {
    format,
    goroutines: [],
    records: [],
    total: 0,
    messages: [],
    warnings: [],
    skipped: [],
    firstLine,
    lastLine: firstLine,
  };
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
