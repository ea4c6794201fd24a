/**
 * Heap/allocs and contention (block/mutex) profiles: what the runtime wrote,
 * unscaled. Text (debug=1) and binary (debug=0) profiles both land here;
 * analysis (src/analysis/heap.ts) scales sampled heap values and turns
 * contention cycles into seconds.
 */
import type { StackRecord } from './record.js';

/**
 * One `a: b [c: d] @ pcs` record (or one proto sample): an allocation stack.
 * The allocating function is frames[0] (the runtime's malloc frames are not printed).
 */
export interface HeapRecord extends StackRecord {
  readonly inuseObjects: number;
  readonly inuseBytes: number;
  readonly allocObjects: number;
  readonly allocBytes: number;
}

/** The four values of a heap record, by the names pprof gives them (--sample). */
export const HEAP_SAMPLES = ['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects'] as const;
export type HeapSample = (typeof HEAP_SAMPLES)[number];

export interface HeapTotals {
  inuseObjects: number;
  inuseBytes: number;
  allocObjects: number;
  allocBytes: number;
}

/** How heap and allocs were told apart: the text header is the same for both. */
export type HeapKindSource = 'sample-type' | 'input-name' | 'default';

export interface HeapProfile {
  /** The header's `a: b [c: d]`: unscaled sums over the records (text only). */
  header: HeapTotals | null;
  /** runtime.MemProfileRate: bytes per sample on average (header `heap/RATE` is 2×rate). 1 means every allocation. */
  sampleRate: number;
  /** Values are already scaled for sampling (binary profiles: the runtime scales them). */
  scaled: boolean;
  kindSource: HeapKindSource;
  readonly records: HeapRecord[];
  /** `# Name = value` lines of the `# runtime.MemStats` block; `Stack = a / b` becomes StackInuse and StackSys; booleans 0/1. */
  readonly memStats: Record<string, number>;
  /** List-valued MemStats lines (`PauseNs = [ … ]`, `PauseEnd`). */
  readonly memStatsLists: Record<string, number[]>;
  /** Line of `# runtime.MemStats`, or null when the block is absent. */
  memStatsLine: number | null;
}

/** One `cycles count @ pcs` record (or proto sample) of a block or mutex profile. */
export interface ContentionRecord extends StackRecord {
  /** Total delay: CPU cycles in text, nanoseconds in binary profiles (ContentionProfile.unit). */
  readonly delay: number;
  readonly count: number;
}

export interface ContentionProfile {
  unit: 'cycles' | 'nanoseconds';
  /** Binary profiles print block and mutex the same way: the input's name tells them apart. */
  kindSource: 'header' | 'input-name' | 'default';
  /** `cycles/second=N`; null until read (binary profiles have none). */
  cyclesPerSecond: number | null;
  /** `sampling period=N` (mutex: 1 in N events recorded), or the proto's period. */
  samplingPeriod: number | null;
  readonly records: ContentionRecord[];
}

export function newHeapProfile(sampleRate: number, scaled: boolean, kindSource: HeapKindSource): HeapProfile {
  return { header: null, sampleRate, scaled, kindSource, records: [], memStats: {}, memStatsLists: {}, memStatsLine: null };
}

export function newContentionProfile(unit: ContentionProfile['unit'], kindSource: ContentionProfile['kindSource']): ContentionProfile {
  return { unit, kindSource, cyclesPerSecond: null, samplingPeriod: null, records: [] };
}

/**
 * The pprof endpoint an input name points at: the last path element of a
 * file name or URL path, e.g. `…/debug/pprof/allocs?debug=1` or
 * `allocs.debug1.txt` → `allocs`. Heap and allocs text, and block and mutex
 * binary profiles, look the same inside; only the name tells them apart.
 */
export function endpointOfName(name: string): string | null {
  const path = name.replace(/[?#].*$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  for (const kind of ['allocs', 'heap', 'mutex', 'block', 'goroutineleak', 'threadcreate', 'goroutine'] as const) {
    if (base === kind || base.startsWith(kind + '.') || base.startsWith(kind + '-') || base.startsWith(kind + '_')) return kind;
  }
  return null;
}
