/**
 * A snapshot as weighted stacks: every distinct stack (with its labels) and
 * its values, the shape pprof's profile.proto, folded stacks and flame views
 * share. Goroutine tracebacks weigh one per goroutine; count profiles their
 * record's count; heap records their four scaled values (as runtime/pprof
 * writes them into a proto); contention records their events and delay in
 * nanoseconds.
 *
 * A traceback stream can be folded as it is parsed (StackFolder), so export
 * memory follows the number of distinct stacks, not the input.
 */
import type { Frame } from '../model/frame.js';
import type { Goroutine, Labels } from '../model/goroutine.js';
import type { HeapSample } from '../model/profile.js';
import type { ContentionSnapshot, GoroutineSnapshot, HeapSnapshot, Snapshot } from '../model/snapshot.js';
import { defaultSample, delaySeconds, scaleHeapSample } from './heap.js';

/** pprof's ValueType: what a value counts, in which unit. */
export interface ValueType {
  readonly type: string;
  readonly unit: string;
}

export interface WeightedStack {
  /** Leaf first, as in the dump. */
  readonly frames: readonly Frame[];
  readonly labels: Labels | null;
  /** One per StackProfile.sampleTypes. */
  readonly values: number[];
}

export interface StackProfile {
  readonly sampleTypes: readonly ValueType[];
  /** Index into sampleTypes of the value shown by default (pprof's default_sample_type). */
  readonly defaultType: number;
  readonly periodType: ValueType;
  /** Heap: MemProfileRate; mutex: the sampling period; else 1. */
  readonly period: number;
  readonly stacks: readonly WeightedStack[];
}

/** Frames and labels as one string: what makes two goroutines the same stack here (arguments and pc offsets do not). */
function stackIdentity(frames: readonly Frame[], labels: Labels | null): string {
  let key = '';
  for (const f of frames) key += `${f.func.full} ${f.file}:${f.line}\n`;
  if (labels !== null) for (const [k, v] of Object.entries(labels)) key += `\u0000${k}=${v}`;
  return key;
}

/** Sums goroutines into one weighted stack per distinct stack and label set. */
class StackSum {
  private readonly stacks = new Map<string, WeightedStack>();

  add(frames: readonly Frame[], labels: Labels | null, count: number): void {
    const key = stackIdentity(frames, labels);
    const s = this.stacks.get(key);
    if (s === undefined) this.stacks.set(key, { frames, labels, values: [count] });
    else s.values[0]! += count;
  }

  result(): WeightedStack[] {
    return [...this.stacks.values()];
  }
}

/** Folds the goroutines of every traceback snapshot of a load into stacks; pass `onGoroutine` to the parser. */
export class StackFolder {
  private readonly sums = new Map<Snapshot, StackSum>();

  readonly onGoroutine = (g: Goroutine, s: Snapshot): boolean => {
    let sum = this.sums.get(s);
    if (sum === undefined) this.sums.set(s, (sum = new StackSum()));
    sum.add(g.frames, g.labels, 1);
    return false;
  };

  /** The stacks of a snapshot whose goroutines were folded, or null when none were. */
  result(s: Snapshot): WeightedStack[] | null {
    return this.sums.get(s)?.result() ?? null;
  }
}

/** The sample type `go tool pprof` shows for each goroutine format, as runtime/pprof names it. */
const COUNT_TYPES: Record<GoroutineSnapshot['format'], string> = {
  goroutine: 'goroutine',
  'goroutine-debug1': 'goroutine',
  goroutineleak: 'goroutineleak',
  threadcreate: 'threadcreate',
};

/** Heap sample types in the order runtime/pprof writes them. */
const HEAP_TYPES: Record<HeapSample, ValueType> = {
  alloc_objects: { type: 'alloc_objects', unit: 'count' },
  alloc_space: { type: 'alloc_space', unit: 'bytes' },
  inuse_objects: { type: 'inuse_objects', unit: 'count' },
  inuse_space: { type: 'inuse_space', unit: 'bytes' },
};
const HEAP_ORDER: readonly HeapSample[] = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];

function heapStacks(s: HeapSnapshot): StackProfile {
  const h = s.heap;
  const rate = h.scaled ? 1 : h.sampleRate;
  const stacks = h.records.map((r): WeightedStack => {
    const [ao, ab] = scaleHeapSample(r.allocObjects, r.allocBytes, rate);
    const [io, ib] = scaleHeapSample(r.inuseObjects, r.inuseBytes, rate);
    return { frames: r.frames, labels: r.labels, values: [ao, ab, io, ib] };
  });
  return {
    sampleTypes: HEAP_ORDER.map((k) => HEAP_TYPES[k]),
    defaultType: HEAP_ORDER.indexOf(defaultSample(s.format)),
    periodType: { type: 'space', unit: 'bytes' },
    period: h.sampleRate,
    stacks,
  };
}

function contentionStacks(s: ContentionSnapshot): StackProfile {
  const c = s.contention;
  // A text profile without `cycles/second=` has no time unit: its delays count as 0 ns (gdump's report shows them as `?`).
  const stacks = c.records.map((r): WeightedStack => ({ frames: r.frames, labels: r.labels, values: [r.count, Math.round((delaySeconds(c, r.delay) ?? 0) * 1e9)] }));
  return {
    sampleTypes: [
      { type: 'contentions', unit: 'count' },
      { type: 'delay', unit: 'nanoseconds' },
    ],
    defaultType: 1,
    periodType: { type: 'contentions', unit: 'count' },
    period: c.samplingPeriod ?? 1,
    stacks,
  };
}

/**
 * The snapshot's weighted stacks. `folded`: the stacks StackFolder made of
 * a traceback snapshot whose goroutines were not kept.
 */
export function stackProfile(s: Snapshot, folded: readonly WeightedStack[] | null = null): StackProfile {
  switch (s.kind) {
    case 'heap':
      return heapStacks(s);
    case 'contention':
      return contentionStacks(s);
    case 'traceback':
    case 'count': {
      const type = { type: COUNT_TYPES[s.format], unit: 'count' };
      let stacks: readonly WeightedStack[];
      if (folded !== null) stacks = folded;
      else {
        const sum = new StackSum();
        if (s.kind === 'traceback') for (const g of s.goroutines) sum.add(g.frames, g.labels, 1);
        else for (const r of s.records) sum.add(r.frames, r.labels, r.count);
        stacks = sum.result();
      }
      return { sampleTypes: [type], defaultType: 0, periodType: type, period: 1, stacks };
    }
  }
}

/** The index of a heap `--sample` in a heap StackProfile's values. */
export function heapSampleIndex(sample: HeapSample): number {
  return HEAP_ORDER.indexOf(sample);
}
