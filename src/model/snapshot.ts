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
