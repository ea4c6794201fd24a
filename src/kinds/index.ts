/**
 * The registry of snapshot kinds: one line per kind. Adding a kind is its
 * snapshot type in src/model/snapshot.ts, its grammar section, its module
 * here, and one line below (README "Architecture").
 */
import type { Snapshot, SnapshotKind, SnapshotOf } from '../model/snapshot.js';
import { contentionKind } from './contention.js';
import { countKind } from './count.js';
import { heapKind } from './heap.js';
import type { Kind } from './kind.js';
import { tracebackKind } from './traceback.js';

export type { FirstPage, Kind, ReportOptions, TextReportOptions } from './kind.js';

const KINDS: { readonly [K in SnapshotKind]: Kind<SnapshotOf<K>> } = {
  traceback: tracebackKind,
  count: countKind,
  heap: heapKind,
  contention: contentionKind,
};

/** The module of a snapshot's kind. */
export function kindOf<S extends Snapshot>(s: S): Kind<S> {
  // The registry pairs each kind with the module for its snapshot type; TypeScript cannot follow that through an index.
  return KINDS[s.kind] as unknown as Kind<S>;
}
