/**
 * One snapshot folded into sites, ready to be lined up with the others:
 * goroutines by their key (counts, states, wait ages), or heap/allocs
 * allocation sites (src/analysis/heap.ts, scaled for sampling) by theirs.
 * Keys and folding are grouping's own (analysis/keys.ts, Grouper), so a
 * site has the same key here as in `gdump --json`.
 */
import type { GoroutineSnapshot, HeapSnapshot } from '../model/snapshot.js';
import { classifierFor, Grouper, type Group } from '../analysis/group.js';
import { classifierOf } from '../analysis/frames.js';
import { heapSites, heapSiteValue } from '../analysis/heap.js';
import { type HeapSample } from '../model/profile.js';
import { keyFunctions, type GroupBy, type KeyOptions } from '../analysis/keys.js';
import type { MemberFilter } from '../analysis/filter.js';
import { membersOf, type Member } from '../analysis/members.js';

/** One site in one snapshot: its group (count, states, wait ages, representative); heap sites add bytes and objects. */
export interface SitePoint extends Group {
  /** Heap sites: bytes and objects of the sample's kind (in use, or allocated). */
  readonly bytes?: number;
  readonly objects?: number;
}

/** A point with the key that pairs moved sites. */
export interface FoldedPoint extends SitePoint {
  readonly loose: string;
}

/** What the keys of a comparison may use (KeyOptions without the classifier, which each snapshot brings). */
export type DiffKeyOptions = Omit<KeyOptions, 'classifier'>;

/** Folds one goroutine snapshot's members into points by key. `keep`: which members count (the --focus/--ignore/--state filter, the runtime's own left out); all by default. */
export function foldGoroutines(s: GoroutineSnapshot, by: GroupBy, o: DiffKeyOptions, keep?: (m: Member) => boolean): Map<string, FoldedPoint> {
  const keys = keyFunctions(by, { ...o, classifier: classifierFor(s) });
  const grouper = new Grouper(keys.exact);
  for (const m of membersOf(s)) if (keep === undefined || keep(m)) grouper.add(m);
  const points = new Map<string, FoldedPoint>();
  for (const g of grouper.result()) points.set(g.key, { ...g, loose: keys.loose(g.representative) });
  return points;
}

/**
 * Folds a heap or allocs snapshot into points: the allocation sites of
 * heapSites() (values scaled for sampling), with the sample's value as the
 * count; their loose keys pair a site whose lines moved.
 */
export function foldHeap(s: HeapSnapshot, by: GroupBy, o: DiffKeyOptions, sample: HeapSample, filter?: MemberFilter): Map<string, FoldedPoint> {
  const classifier = classifierOf(s.heap.records);
  const keys = keyFunctions(by, { ...o, classifier });
  const inuse = sample.startsWith('inuse');
  const points = new Map<string, FoldedPoint>();
  for (const site of heapSites(s, { by, classifier, sample, ...(filter !== undefined ? { filter } : {}) })) {
    const value = heapSiteValue(site, sample);
    // Records with nothing of this sample (freed allocations, for in-use) are not sites of this diff.
    if (value === 0) continue;
    points.set(site.key, {
      ...site.group,
      count: value,
      loose: keys.loose(site.group.representative),
      bytes: inuse ? site.inuseBytes : site.allocBytes,
      objects: inuse ? site.inuseObjects : site.allocObjects,
    });
  }
  return points;
}
