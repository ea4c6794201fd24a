/**
 * Data-race reports of the race detector (a `-race` build): each report is
 * two accesses to one address, the current one and the earlier one it races
 * with, each with its stack and the stack that created its goroutine.
 *
 *   ==================
 *   WARNING: DATA RACE
 *   Write at 0x00c000012345 by goroutine 7:          (or "by main goroutine")
 *     main.worker()
 *         /app/main.go:21 +0x44
 *
 *   Previous read at 0x00c000012345 by goroutine 6:
 *     …
 *   Goroutine 7 (running) created at:
 *     main.main()
 *         /app/main.go:30 +0x90
 *   ==================
 */
import type { Frame } from './frame.js';

export interface RaceAccess {
  /** `read` or `write`. */
  readonly op: 'read' | 'write';
  /** `Atomic write at …`: an atomic access racing with a plain one. */
  readonly atomic: boolean;
  readonly address: string;
  /** The goroutine that made the access; null for the main goroutine. */
  readonly goroutine: number | null;
  /** Leaf first. */
  readonly frames: readonly Frame[];
  /** The stack at the goroutine's `go` statement (`Goroutine N (running) created at:`), leaf first; empty for main or when not printed. */
  readonly createdAt: readonly Frame[];
  /** `running` or `finished`, from the creation block; null when not printed. */
  readonly goroutineState: string | null;
}

export interface RaceReport {
  readonly current: RaceAccess;
  readonly previous: RaceAccess;
  /** 1-based input line of `WARNING: DATA RACE`. */
  readonly line: number;
}

export interface RaceReports {
  readonly reports: RaceReport[];
  /** `Found N data race(s)` at the end of the run, when printed. */
  found: number | null;
  readonly warnings: { line: number; message: string }[];
}
