import type { Frame } from './frame.js';
import type { Labels } from './goroutine.js';

/**
 * One record of a count profile (`goroutine`/`threadcreate`/`goroutineleak`
 * with debug=1): identical stacks merged, with how many goroutines share it.
 */
export interface CountRecord {
  readonly count: number;
  readonly labels: Labels | null;
  /** Leaf first, from the `#` lines (runtime leaf frames and goexit are not printed there). */
  readonly frames: readonly Frame[];
  /** Every program counter of the `@` list, as printed. */
  readonly pcs: readonly string[];
  /** 1-based input line of the `N @` line. */
  readonly line: number;
}
