/**
 * One snapshot folded into sites, ready to be lined up with the others:
 * goroutines by their diff key (counts, states, wait ages), or heap/allocs
 * allocation sites (src/analysis/heap.ts, scaled for sampling) by theirs.
 */
import type { Snapshot } from '../model/snapshot.js';
import { classifierFor } from '../analysis/group.js';
import { heapSites, heapSiteValue, profileClassifier, type HeapSample } from '../analysis/heap.js';
import { membersOf, type Member } from '../analysis/members.js';
import { keysFunction, type DiffBy, type KeyDetail } from './keys.js';

/** One site in one snapshot. */
export interface SitePoint {
  /** The exact key in this snapshot (it differs between snapshots when the site moved). */
  readonly key: string;
  /** Goroutines; for heap sites the --sample value (bytes or objects). */
  count: number;
  /** State → goroutines; empty for debug=1 profiles and heap sites. */
  readonly states: Map<string, number>;
  waitMin: number | null;
  waitMax: number | null;
  /** The first member folded in: its stack stands for the site in this snapshot. */
  readonly representative: Member;
  /** Heap sites: bytes and objects of the sample's kind (in use, or allocated). */
  bytes?: number;
  objects?: number;
}

/** A point with the key that pairs moved sites. */
export interface FoldedPoint extends SitePoint {
  readonly loose: string;
}

/** Folds one goroutine snapshot's members into points by exact key. */
export function foldGoroutines(s: Snapshot, by: DiffBy, detail: KeyDetail): Map<string, FoldedPoint> {
  const keys = keysFunction(by, detail, classifierFor(s));
  const points = new Map<string, FoldedPoint>();
  for (const m of membersOf(s)) {
    const k = keys(m);
    let p = points.get(k.exact);
    if (p === undefined) {
      p = { key: k.exact, loose: k.loose, count: 0, states: new Map(), waitMin: null, waitMax: null, representative: m };
      points.set(k.exact, p);
    }
    p.count += m.count;
    if (m.state !== null) p.states.set(m.state, (p.states.get(m.state) ?? 0) + m.count);
    if (m.waitMinutes !== null) {
      if (p.waitMin === null || m.waitMinutes < p.waitMin) p.waitMin = m.waitMinutes;
      if (p.waitMax === null || m.waitMinutes > p.waitMax) p.waitMax = m.waitMinutes;
    }
  }
  return points;
}

/**
 * Folds a heap or allocs snapshot into points: the allocation sites of
 * heapSites() (values scaled for sampling), re-keyed with the diff keys so a
 * site whose lines moved still pairs up.
 */
export function foldHeap(s: Snapshot, by: DiffBy, detail: KeyDetail, sample: HeapSample): Map<string, FoldedPoint> {
  const classifier = profileClassifier(s.heap?.records ?? []);
  const keys = keysFunction(by, detail, classifier);
  const inuse = sample.startsWith('inuse');
  const points = new Map<string, FoldedPoint>();
  for (const site of heapSites(s, { by, classifier, sample })) {
    const value = heapSiteValue(site, sample);
    // Records with nothing of this sample (freed allocations, for in-use) are not sites of this diff.
    if (value === 0) continue;
    const m = site.group.representative;
    const k = keys(m);
    let p = points.get(k.exact);
    if (p === undefined) {
      p = { key: k.exact, loose: k.loose, count: 0, states: new Map(), waitMin: null, waitMax: null, representative: m, bytes: 0, objects: 0 };
      points.set(k.exact, p);
    }
    p.count += value;
    p.bytes = (p.bytes ?? 0) + (inuse ? site.inuseBytes : site.allocBytes);
    p.objects = (p.objects ?? 0) + (inuse ? site.inuseObjects : site.allocObjects);
  }
  return points;
}
