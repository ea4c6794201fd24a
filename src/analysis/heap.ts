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
import type { Frame } from '../model/frame.js';
import type { Labels } from '../model/goroutine.js';
import { endpointOfName, type ContentionProfile, type HeapProfile, type HeapTotals } from '../model/profile.js';
import type { Snapshot, SnapshotFormat } from '../model/snapshot.js';
import { FrameClassifier, findGoroot } from './frames.js';
import { Grouper, matchesFilter, type Group, type MemberFilter } from './group.js';
import { keyFunction, type GroupBy } from './keys.js';
import { recordMember } from './members.js';

export const HEAP_SAMPLES = ['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects'] as const;
export type HeapSample = (typeof HEAP_SAMPLES)[number];

/** Group-by modes that mean something for profiles (no goroutine states there). */
export const PROFILE_GROUP_BY = ['top', 'stack', 'site', 'label:KEY'] as const;

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
  const scale = 1 / (1 - Math.exp(-bytes / objects / rate));
  return [Math.trunc(objects * scale), Math.trunc(bytes * scale)];
}

/** Values are estimates when not every allocation was recorded. */
export function isEstimate(h: HeapProfile): boolean {
  return h.sampleRate > 1;
}

export function defaultSample(format: SnapshotFormat): HeapSample {
  return format === 'allocs' ? 'alloc_space' : 'inuse_space';
}

/** The classifier for a profile: GOROOT is read off its runtime frames. */
export function profileClassifier(records: readonly { frames: readonly Frame[] }[]): FrameClassifier {
  function* frames(): Iterable<Frame> {
    for (const r of records) yield* r.frames;
  }
  return new FrameClassifier(findGoroot(frames()));
}

interface ProfileRecordLike {
  readonly labels: Labels | null;
  readonly frames: readonly Frame[];
  readonly pcs: readonly string[];
  readonly line: number;
}

/** Groups records by key and folds each record's values into its group's accumulator. */
function groupRecords<R extends ProfileRecordLike, A>(records: readonly R[], options: ProfileSiteOptions, fresh: () => A, fold: (acc: A, r: R) => void): { group: Group; acc: A }[] {
  const by = options.by ?? 'top';
  const classifier = options.classifier ?? profileClassifier(records);
  const grouper = new Grouper(classifier, { by });
  const key = keyFunction(by, 'pointers', classifier);
  const accs = new Map<string, A>();
  for (const r of records) {
    const m = recordMember({ count: 1, labels: r.labels, frames: r.frames, pcs: r.pcs, line: r.line });
    if (options.filter !== undefined && !matchesFilter(m, options.filter)) continue;
    grouper.add(m);
    const k = key(m);
    let acc = accs.get(k);
    if (acc === undefined) accs.set(k, (acc = fresh()));
    fold(acc, r);
  }
  return grouper.result().map((group) => ({ group, acc: accs.get(group.key)! }));
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
 * `sample` first (ties by key). Empty for other snapshots.
 */
export function heapSites(s: Snapshot, options: ProfileSiteOptions & { sample?: HeapSample } = {}): HeapSite[] {
  const h = s.heap;
  if (h === undefined) return [];
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
export function contentionSites(s: Snapshot, options: ProfileSiteOptions = {}): ContentionSite[] {
  const c = s.contention;
  if (c === undefined) return [];
  const grouped = groupRecords(c.records, options, () => ({ delay: 0, contentions: 0 }), (acc, r) => {
    acc.delay += r.delay;
    acc.contentions += r.count;
  });
  return grouped
    .map(({ group, acc }) => ({ key: group.key, group, delaySeconds: delaySeconds(c, acc.delay), contentions: acc.contentions }))
    .sort((a, b) => (b.delaySeconds ?? 0) - (a.delaySeconds ?? 0) || b.contentions - a.contentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Heap and allocs text print the same header: the input's name decides
 * (`…/debug/pprof/allocs`, `allocs.txt`); otherwise it stays heap, and the
 * profile's kindSource says how it was decided.
 */
export function withInputKind(s: Snapshot, inputName: string): Snapshot {
  const h = s.heap;
  if (h === undefined || h.kindSource !== 'default') return s;
  const endpoint = endpointOfName(inputName);
  if (endpoint === 'allocs') {
    h.kindSource = 'input-name';
    return { ...s, format: 'allocs' };
  }
  if (endpoint === 'heap') h.kindSource = 'input-name';
  return s;
}
