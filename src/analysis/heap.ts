/**
 * Heap/allocs and block/mutex profiles grouped into sites: the same keys as
 * goroutine grouping (keys.ts: `stack`, `top` = first non-runtime frame,
 * `site` = bottom frame, `label:KEY`), summing each record's values.
 *
 * Heap values are scaled for sampling as pprof does (FORMATS.md §3): each
 * record × 1/(1 − e^(−avg/rate)), avg = bytes/objects, rate = MemProfileRate;
 * binary profiles arrive already scaled by the runtime. Contention delay is
 * cycles / (cycles per second) in text, nanoseconds in binary profiles.
 *
 * heapSites() is the API other modules (diff) use: per-site in-use and
 * allocated bytes and objects keyed by allocation site.
 */
import type { StackRecord } from '../model/record.js';
import type { ContentionProfile, HeapProfile, HeapSample, HeapTotals } from '../model/profile.js';
import type { ContentionSnapshot, HeapFormat, HeapSnapshot } from '../model/snapshot.js';
import { classifierOf, type FrameClassifier } from './frames.js';
import { Grouper, matchesFilter, type Group, type MemberFilter } from './group.js';
import { keyFunctions, type GroupBy } from './keys.js';
import { recordMember } from './members.js';


export interface ProfileSiteOptions {
  /** Default `top`: the allocating (or contending) function. */
  by?: GroupBy;
  filter?: MemberFilter;
  classifier?: FrameClassifier;
}

/** An allocation site: scaled sums over the records that share its key. */
export interface HeapSite extends HeapTotals {
  readonly key: string;
  /** The grouping of the records (count = records merged; representative = the first record's stack). */
  readonly group: Group;
}

export interface ContentionSite {
  readonly key: string;
  readonly group: Group;
  /** Total delay in seconds; null when a text profile has no `cycles/second=` line. */
  delaySeconds: number | null;
  contentions: number;
}

/** runtime/pprof scaleHeapSample: objects and bytes of one sampled record → estimated totals. */
export function scaleHeapSample(objects: number, bytes: number, rate: number): [number, number] {
  if (objects === 0 || bytes === 0) return [0, 0];
  if (rate <= 1) return [objects, bytes];
  // As runtime/pprof computes it (same rounding), but for a tiny x (a huge rate) 1 - exp(-x) is 0 and the
  // scale Infinity: -expm1(-x) is that value exact.
  const x = bytes / objects / rate;
  const d = 1 - Math.exp(-x);
  const scale = 1 / (d > 0 ? d : -Math.expm1(-x));
  const scaled = (v: number): number => Math.min(Number.MAX_SAFE_INTEGER, Math.trunc(v * scale));
  return [scaled(objects), scaled(bytes)];
}

/** Values are estimates when not every allocation was recorded. */
export function isEstimate(h: HeapProfile): boolean {
  return h.sampleRate > 1;
}

export function defaultSample(format: HeapFormat): HeapSample {
  return format === 'allocs' ? 'alloc_space' : 'inuse_space';
}

/** Groups records by key and folds each record's values into its group's accumulator. */
function groupRecords<R extends StackRecord, A>(records: readonly R[], options: ProfileSiteOptions, fresh: () => A, fold: (acc: A, r: R) => void): { group: Group; acc: A }[] {
  const by = options.by ?? 'top';
  const classifier = options.classifier ?? classifierOf(records);
  // Profile records print no arguments and no `created by`.
  const key = keyFunctions(by, { similarity: 'values', creators: false, classifier }).exact;
  const grouper = new Grouper(key);
  const accs = new Map<Group, A>();
  for (const r of records) {
    const m = recordMember({ count: 1, labels: r.labels, frames: r.frames, pcs: r.pcs, line: r.line });
    if (options.filter !== undefined && !matchesFilter(m, options.filter)) continue;
    const group = grouper.add(m);
    let acc = accs.get(group);
    if (acc === undefined) accs.set(group, (acc = fresh()));
    fold(acc, r);
  }
  return grouper.result().map((group) => ({ group, acc: accs.get(group)! }));
}

export function heapSiteValue(site: HeapTotals, sample: HeapSample): number {
  switch (sample) {
    case 'inuse_space':
      return site.inuseBytes;
    case 'inuse_objects':
      return site.inuseObjects;
    case 'alloc_space':
      return site.allocBytes;
    case 'alloc_objects':
      return site.allocObjects;
  }
}

/**
 * Allocation sites of a heap or allocs snapshot with scaled values, biggest
 * `sample` first (ties by key).
 */
export function heapSites(s: HeapSnapshot, options: ProfileSiteOptions & { sample?: HeapSample } = {}): HeapSite[] {
  const h = s.heap;
  const rate = h.scaled ? 1 : h.sampleRate;
  const grouped = groupRecords(h.records, options, (): HeapTotals => ({ inuseObjects: 0, inuseBytes: 0, allocObjects: 0, allocBytes: 0 }), (acc, r) => {
    const [io, ib] = scaleHeapSample(r.inuseObjects, r.inuseBytes, rate);
    const [ao, ab] = scaleHeapSample(r.allocObjects, r.allocBytes, rate);
    acc.inuseObjects += io;
    acc.inuseBytes += ib;
    acc.allocObjects += ao;
    acc.allocBytes += ab;
  });
  const sample = options.sample ?? defaultSample(s.format);
  return grouped
    .map(({ group, acc }) => ({ key: group.key, group, ...acc }))
    .sort((a, b) => heapSiteValue(b, sample) - heapSiteValue(a, sample) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function heapTotals(sites: readonly HeapTotals[]): HeapTotals {
  const t: HeapTotals = { inuseObjects: 0, inuseBytes: 0, allocObjects: 0, allocBytes: 0 };
  for (const s of sites) {
    t.inuseObjects += s.inuseObjects;
    t.inuseBytes += s.inuseBytes;
    t.allocObjects += s.allocObjects;
    t.allocBytes += s.allocBytes;
  }
  return t;
}

/** Delay of `delay` units in seconds: cycles / cycles-per-second, or nanoseconds / 1e9. */
export function delaySeconds(c: ContentionProfile, delay: number): number | null {
  if (c.unit === 'nanoseconds') return delay / 1e9;
  return c.cyclesPerSecond === null || c.cyclesPerSecond === 0 ? null : delay / c.cyclesPerSecond;
}

/** Contention sites of a block or mutex snapshot, longest total delay first (then most events). */
export function contentionSites(s: ContentionSnapshot, options: ProfileSiteOptions = {}): ContentionSite[] {
  const c = s.contention;
  const grouped = groupRecords(c.records, options, () => ({ delay: 0, contentions: 0 }), (acc, r) => {
    acc.delay += r.delay;
    acc.contentions += r.count;
  });
  return grouped
    .map(({ group, acc }) => ({ key: group.key, group, delaySeconds: delaySeconds(c, acc.delay), contentions: acc.contentions }))
    .sort((a, b) => (b.delaySeconds ?? 0) - (a.delaySeconds ?? 0) || b.contentions - a.contentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
