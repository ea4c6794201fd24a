import type { Frame } from './frame.js';
import type { Labels } from './goroutine.js';

/** What every profile record has: a stack (merged by the runtime), its labels, where it stood in the input. */
export interface StackRecord {
  readonly labels: Labels | null;
  /** Leaf first, from the `#` lines (runtime leaf frames and goexit are not printed there). */
  readonly frames: readonly Frame[];
  /** Every program counter of the `@` list, as printed. */
  readonly pcs: readonly string[];
  /** 1-based input line of the record's `@` line; 0 for binary profiles. */
  readonly line: number;
}

/**
 * One record of a count profile (`goroutine`/`threadcreate`/`goroutineleak`
 * with debug=1): identical stacks merged, with how many goroutines share it.
 */
export interface CountRecord extends StackRecord {
  readonly count: number;
}
