/**
 * Lines up N goroutine snapshots by creation site (or stack, top frame,
 * label) and says which sites grew. Goroutine ids mean nothing across time,
 * so members are folded per snapshot under a key that leaves out ids,
 * pointers and pc offsets, and the folded sites are joined into one series
 * per site:
 *   1. same exact key (same `go` statement at the same file:line), else
 *   2. same loose key (same functions, other lines or directory: a new
 *      build), taking the closest unpaired site, so a deploy that shifted
 *      lines does not show every site as vanished plus new.
 * The result keeps, per site and snapshot, the count, states, wait ages and
 * one representative goroutine, for the text report, JSON, the TUI's diff
 * view and `watch`. Heap and allocs profiles are lined up the same way, by
 * allocation site, with bytes (or objects, --sample) in place of counts.
 */
import type { Frame } from '../model/frame.js';
import { holdsGoroutines, type GoroutineSnapshot, type HeapSnapshot, type Snapshot } from '../model/snapshot.js';
import { defaultSample } from '../analysis/heap.js';
import { type HeapSample } from '../model/profile.js';
import { entryOf, normalFrames } from '../analysis/keys.js';
import type { Member } from '../analysis/members.js';
import { matchesFilter, type MemberFilter } from '../analysis/filter.js';
import { isRuntimeInternal } from '../analysis/runtime-fold.js';
import { foldGoroutines, foldHeap, type DiffKeyOptions, type FoldedPoint, type SitePoint } from './points.js';
import { pointsOf } from './stream.js';
import type { Group } from '../analysis/group.js';

export type { SitePoint } from './points.js';

/** The --by modes of `diff`: --group-by's, except state (a state is not a place in code). */
export type DiffBy = 'site' | 'stack' | 'top' | `label:${string}`;

export function isDiffBy(s: string): s is DiffBy {
  return s === 'site' || s === 'stack' || s === 'top' || (s.startsWith('label:') && s.length > 6);
}

export type SiteStatus = 'grew' | 'shrank' | 'same' | 'new' | 'vanished';

export interface DiffSite {
  /** The exact key in the last snapshot that has the site. */
  readonly key: string;
  /** The key without file:line: what moved sites share. */
  readonly looseKey: string;
  /** One per snapshot; null where the site has no goroutines. */
  readonly points: readonly (SitePoint | null)[];
  /** Goroutines per snapshot (0 where absent); for heap sites the --sample value. */
  readonly counts: readonly number[];
  /** Heap sites: bytes and objects per snapshot (in use, or allocated for alloc_* samples); null for goroutines. */
  readonly bytes: readonly number[] | null;
  readonly objects: readonly number[] | null;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  /** delta / before in percent; null for a new site. */
  readonly deltaPercent: number | null;
  /** Grew in every interval between consecutive snapshots: the leak signature. */
  readonly monotonic: boolean;
  /** State → change from the first to the last snapshot (non-zero only); null when either side has no states (debug=1). */
  readonly states: ReadonlyMap<string, number> | null;
  /** The exact key changed between snapshots: same functions, other lines (a new build). */
  readonly moved: boolean;
  /** Goroutines per hour between the first and last snapshot, when both times are known. */
  readonly growthPerHour: number | null;
  readonly status: SiteStatus;
  /** The last point that exists: its representative stands for the site. */
  readonly latest: SitePoint;
  /** The first point that exists. */
  readonly earliest: SitePoint;
  /** Entry frame and `go` statement of the latest representative (createdBy null when unknown). */
  readonly entry: Frame | null;
  readonly createdBy: Frame | null;
}

export interface DiffOptions {
  /** The key sites are matched on (default: site). */
  by?: DiffBy;
  /** Sites whose key or function names match are left out (--ignore-site). */
  ignore?: RegExp;
  /** Goroutines (or heap records) counted: --focus, --ignore, --state. */
  filter?: MemberFilter;
  /** Count the runtime's own goroutines (GC workers, signal loop, pprof's handler) too: --runtime. They are left out by default. */
  runtime?: boolean;
  /** When each snapshot was taken (file mtime, --times); null where unknown. */
  times?: readonly (Date | null)[];
  /** Heap diffs: the value compared (default: inuse_space, alloc_space for allocs). */
  sample?: HeapSample;
  /** Snapshots whose goroutines were folded as they were parsed (stream.ts's DiffFolder), with their groups. */
  folded?: ReadonlyMap<Snapshot, readonly Group[]>;
}

export type DiffKind = 'goroutine' | 'heap';

/** A runtime.MemStats value per snapshot (heap diffs). */
export interface MemStatSeries {
  readonly name: string;
  /** null where a snapshot has no MemStats block or not this line. */
  readonly values: readonly (number | null)[];
}

/** The MemStats lines a heap diff reports: heap in use, what the process got from the OS, GC runs, goroutine stacks. */
export const MEMSTATS_DIFFED = ['HeapInuse', 'HeapAlloc', 'HeapObjects', 'Sys', 'NumGC', 'StackInuse'] as const;

export interface DiffResult {
  readonly kind: DiffKind;
  /** Heap diffs: the value sites are compared on; null for goroutines. */
  readonly sample: HeapSample | null;
  /** Heap diffs: MemStats per snapshot (MEMSTATS_DIFFED); empty for goroutines. */
  readonly memStats: readonly MemStatSeries[];
  readonly by: DiffBy;
  /** What the keys could use: `created by` and arguments only when every snapshot has them (traceback text). */
  readonly keys: DiffKeyOptions;
  /** Biggest growth first. */
  readonly sites: DiffSite[];
  /** Goroutines per snapshot as the dumps count them, or the heap sample's sum (ignored sites included). */
  readonly totals: readonly number[];
  readonly times: readonly (Date | null)[];
  /** Sites left out by `ignore`. */
  readonly ignored: number;
  /** The runtime's own goroutines left out, per snapshot (all 0 with `runtime`). */
  readonly runtimeLeftOut: readonly number[];
}

/** A site being assembled: its points so far. */
interface Track {
  readonly loose: string;
  readonly points: (FoldedPoint | null)[];
  moved: boolean;
}

function chainOf(m: Member): string {
  return normalFrames(m)
    .map((f) => f.func.full)
    .join('\n');
}

/** The line that places a site: its `go` statement's, else its entry's. */
function anchor(m: Member): Frame | null {
  return m.createdBy ?? entryOf(m);
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** How far apart two points of the same loose key are: same function chain first, then same file name, then nearest line. */
function distance(a: Member, b: Member): number {
  let d = chainOf(a) === chainOf(b) ? 0 : 1_000_000;
  const fa = anchor(a);
  const fb = anchor(b);
  if (fa !== null && fb !== null) {
    if (baseName(fa.file) !== baseName(fb.file)) d += 100_000;
    d += Math.abs(fa.line - fb.line);
  }
  return d;
}

function lastPresent<T>(points: readonly (T | null)[]): T {
  for (let i = points.length - 1; i >= 0; i--) if (points[i] !== null) return points[i]!;
  throw new Error('a site without points');
}

/** Joins each snapshot's points onto the tracks: exact keys first, then the closest unpaired track with the same loose key. */
function matchTracks(folded: readonly Map<string, FoldedPoint>[]): Track[] {
  const n = folded.length;
  const tracks: Track[] = [];
  const byExact = new Map<string, Track>();
  const byLoose = new Map<string, Track[]>();
  const add = (p: FoldedPoint, i: number): void => {
    const t: Track = { loose: p.loose, points: new Array<FoldedPoint | null>(n).fill(null), moved: false };
    t.points[i] = p;
    tracks.push(t);
    byExact.set(p.key, t);
    const list = byLoose.get(p.loose);
    if (list === undefined) byLoose.set(p.loose, [t]);
    else list.push(t);
  };
  folded.forEach((points, i) => {
    const unmatched: FoldedPoint[] = [];
    for (const p of points.values()) {
      const t = byExact.get(p.key);
      if (t !== undefined && t.points[i] === null) t.points[i] = p;
      else unmatched.push(p);
    }
    const pairs: { p: FoldedPoint; t: Track; d: number }[] = [];
    for (const p of unmatched) {
      for (const t of byLoose.get(p.loose) ?? []) {
        if (t.points[i] === null) pairs.push({ p, t, d: distance(lastPresent(t.points).representative, p.representative) });
      }
    }
    pairs.sort((a, b) => a.d - b.d);
    const placed = new Set<FoldedPoint>();
    for (const { p, t } of pairs) {
      if (placed.has(p) || t.points[i] !== null) continue;
      t.points[i] = p;
      t.moved = true;
      byExact.set(p.key, t);
      placed.add(p);
    }
    for (const p of unmatched) if (!placed.has(p)) add(p, i);
  });
  return tracks;
}

/** Change per state from the first to the last snapshot, non-zero only. */
function stateDeltas(first: SitePoint | null, last: SitePoint | null): Map<string, number> {
  const out = new Map<string, number>();
  const names = new Set([...(first?.states.keys() ?? []), ...(last?.states.keys() ?? [])]);
  for (const s of names) {
    const d = (last?.states.get(s) ?? 0) - (first?.states.get(s) ?? 0);
    if (d !== 0) out.set(s, d);
  }
  return new Map([...out].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** Grew in every interval (with two snapshots: grew at all). */
export function isMonotonic(counts: readonly number[]): boolean {
  if (counts.length < 2) return false;
  for (let i = 1; i < counts.length; i++) if (counts[i]! <= counts[i - 1]!) return false;
  return true;
}

/** Below this span a rate says more about how fast files were copied than about a leak. */
const MIN_RATE_SPAN_MS = 60_000;

/** Change per hour between the first and last time, or null when a time is unknown or they are under a minute apart. */
export function perHour(delta: number, times: readonly (Date | null)[]): number | null {
  const first = times[0];
  const last = times[times.length - 1];
  if (first == null || last == null) return null;
  const ms = last.getTime() - first.getTime();
  return ms >= MIN_RATE_SPAN_MS ? delta / (ms / 3_600_000) : null;
}

function statusOf(before: number, after: number): SiteStatus {
  if (before === 0 && after > 0) return 'new';
  if (after === 0 && before > 0) return 'vanished';
  return after > before ? 'grew' : after < before ? 'shrank' : 'same';
}

function finishSite(t: Track, statesKnown: boolean, times: readonly (Date | null)[]): DiffSite {
  const counts = t.points.map((p) => p?.count ?? 0);
  const heap = t.points.some((p) => p?.bytes !== undefined);
  const before = counts[0]!;
  const after = counts[counts.length - 1]!;
  const delta = after - before;
  const latest = lastPresent(t.points);
  const earliest = t.points.find((p) => p !== null)!;
  return {
    key: latest.key,
    looseKey: t.loose,
    points: t.points,
    counts,
    bytes: heap ? t.points.map((p) => p?.bytes ?? 0) : null,
    objects: heap ? t.points.map((p) => p?.objects ?? 0) : null,
    before,
    after,
    delta,
    deltaPercent: before === 0 ? null : (100 * delta) / before,
    monotonic: isMonotonic(counts),
    states: statesKnown ? stateDeltas(t.points[0]!, t.points[t.points.length - 1]!) : null,
    moved: t.moved,
    growthPerHour: perHour(delta, times),
    status: statusOf(before, after),
    latest,
    earliest,
    entry: entryOf(latest.representative),
    createdBy: latest.representative.createdBy,
  };
}

/** The representative stacks of every site in every snapshot: all a diff ever shows (its classifier and paths come from them). */
export function siteStacks(result: DiffResult): Member[] {
  const stacks: Member[] = [];
  for (const s of result.sites) for (const p of s.points) if (p !== null) stacks.push(p.representative);
  return stacks;
}

/** Biggest growth first; then the bigger site; then by key, so output is stable. */
export function compareSites(a: DiffSite, b: DiffSite): number {
  return b.delta - a.delta || b.after - a.after || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function ignored(t: Track, re: RegExp): boolean {
  for (const p of t.points) {
    if (p === null) continue;
    const m = p.representative;
    if (re.test(p.key) || re.test(entryOf(m)?.func.full ?? '') || (m.createdBy !== null && re.test(m.createdBy.func.full))) return true;
  }
  return false;
}

/** Snapshots a diff can compare: all goroutine dumps (traceback and count profiles may be mixed), or all heap/allocs profiles. */
export type Comparable = { readonly kind: 'goroutine'; readonly snapshots: readonly GoroutineSnapshot[] } | { readonly kind: 'heap'; readonly snapshots: readonly HeapSnapshot[] };

/** What a diff of these snapshots compares, or null when they do not go together. */
export function comparable(snapshots: readonly Snapshot[]): Comparable | null {
  const goroutines = snapshots.filter(holdsGoroutines);
  if (goroutines.length === snapshots.length) return { kind: 'goroutine', snapshots: goroutines };
  const heaps = snapshots.filter((s): s is HeapSnapshot => s.kind === 'heap');
  return heaps.length === snapshots.length ? { kind: 'heap', snapshots: heaps } : null;
}

/** What the keys of a comparison may use: `created by` and arguments only when every snapshot has them. */
function keyOptionsOf(snapshots: readonly Snapshot[]): DiffKeyOptions {
  const traceback = snapshots.every((s) => s.kind === 'traceback');
  return { creators: traceback, similarity: traceback ? 'pointers' : 'values' };
}

function memStatsOf(snapshots: readonly HeapSnapshot[]): MemStatSeries[] {
  return MEMSTATS_DIFFED.map((name) => ({ name, values: snapshots.map((s) => s.heap.memStats[name] ?? null) }));
}

/**
 * Compares snapshots taken one after another (two for a diff, more for a
 * series): all goroutine dumps (traceback and debug=1 may be mixed), or all
 * heap/allocs profiles. Throws when the kinds are mixed (diffKindOf says).
 */
export function diffSnapshots(snapshots: readonly Snapshot[], options: DiffOptions = {}): DiffResult {
  const compared = comparable(snapshots);
  if (compared === null) throw new Error(`cannot diff ${snapshots.map((s) => s.format).join(', ')}: give all goroutine dumps or all heap profiles`);
  const keys = keyOptionsOf(snapshots);
  const times = options.times ?? snapshots.map(() => null);
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  let by: DiffBy;
  let sample: HeapSample | null = null;
  let folded: Map<string, FoldedPoint>[];
  let totals: number[];
  const runtimeLeftOut = compared.snapshots.map(() => 0);
  if (compared.kind === 'heap') {
    // Heap sites default to the allocating function (the first non-runtime frame), as `gdump heap.txt` does.
    by = options.by ?? 'top';
    const s = options.sample ?? defaultSample(compared.snapshots[0]!.format);
    sample = s;
    folded = compared.snapshots.map((snapshot) => foldHeap(snapshot, by, keys, s, options.filter));
    totals = folded.map((points) => [...points.values()].reduce((n, p) => n + p.count, 0));
  } else {
    by = options.by ?? 'site';
    const filter = options.filter;
    folded = compared.snapshots.map((snapshot, i) => {
      const keep = (m: Member): boolean => {
        if (filter !== undefined && !matchesFilter(m, filter)) return false;
        if (options.runtime === true || !isRuntimeInternal(m)) return true;
        runtimeLeftOut[i]! += m.count;
        return false;
      };
      // Sites folded while reading are judged by their representative (the goroutines themselves are gone).
      const groups = options.folded?.get(snapshot);
      return groups === undefined ? foldGoroutines(snapshot, by, keys, keep) : pointsOf(groups.filter((g) => keep({ ...g.representative, count: g.count })), by, keys);
    });
    totals = snapshots.map((s) => s.total);
  }
  const tracks = matchTracks(folded);
  const kept = options.ignore === undefined ? tracks : tracks.filter((t) => !ignored(t, options.ignore!));
  const statesKnown = first?.format === 'goroutine' && last?.format === 'goroutine';
  return {
    kind: compared.kind,
    sample,
    memStats: compared.kind === 'heap' ? memStatsOf(compared.snapshots) : [],
    by,
    keys,
    sites: kept.map((t) => finishSite(t, statesKnown, times)).sort(compareSites),
    totals,
    times,
    ignored: tracks.length - kept.length,
    runtimeLeftOut,
  };
}
