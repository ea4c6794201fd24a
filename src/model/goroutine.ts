import type { Frame } from './frame.js';

/** Label set from pprof.Do / SetGoroutineLabels, in printed order. */
export type Labels = Readonly<Record<string, string>>;

/** A `[originating from goroutine N]:` block (GODEBUG=tracebackancestors). */
export interface Ancestor {
  readonly id: number;
  readonly frames: readonly Frame[];
  readonly createdBy: Frame | null;
  readonly parentId: number | null;
}

/**
 * One goroutine of a traceback dump. Everything the header says is kept:
 * what gdump does not know goes into `attributes`, so a new Go release can
 * add header fields without making a goroutine vanish.
 */
export interface Goroutine {
  readonly id: number;
  /** Wait reason or status without age and flags: `chan receive`, `sync.Mutex.Lock`, `running`. */
  readonly state: string;
  /** `N minutes` from the header; null when the runtime printed none (< 1 min or not waiting). */
  readonly waitMinutes: number | null;
  readonly locked: boolean;
  /** Parenthesised flags after the state: `scan`, `durable`, `leaked`. */
  readonly flags: readonly string[];
  /** Other header parts: `gp`, `m`, `mp` fields, `synctest bubble`, unknown tokens. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly labels: Labels | null;
  /** Leaf first. */
  readonly frames: readonly Frame[];
  /** Frames the runtime left out: a count (`...53 frames elided...`), -1 for the old form without a count, 0 for none. */
  readonly elidedFrames: number;
  /** The `created by` frame: its function holds the `go` statement at its file:line. */
  readonly createdBy: Frame | null;
  /** `created by X in goroutine N` (Go 1.21+). */
  readonly parentId: number | null;
  readonly ancestors: readonly Ancestor[];
  /** `goroutine running on other thread; stack unavailable`. */
  readonly stackUnavailable: boolean;
  /** 1-based input line of the header. */
  readonly line: number;
}

/**
 * The function the goroutine runs: its bottom frame, passing over what the
 * runtime puts below it at GOTRACEBACK=system and in profiles: `runtime.goexit`
 * and the compiler's go-statement wrappers (`main.main.gowrap1`). Null with no frames.
 */
export function entryFrame(frames: readonly Frame[]): Frame | null {
  let i = frames.length - 1;
  while (i > 0 && isStartWrapper(frames[i]!.func.full)) i--;
  return i >= 0 ? frames[i]! : null;
}

function isStartWrapper(name: string): boolean {
  if (name === 'runtime.goexit') return true;
  const dot = name.lastIndexOf('.');
  return name.startsWith('gowrap', dot + 1);
}
