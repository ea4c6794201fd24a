/** Snapshots of one kind, for tests: the assertion fails the test when a dump was read as another kind. */
import assert from 'node:assert/strict';
import type { Goroutine } from '../../src/model/goroutine.js';
import type { GoroutineSnapshot, Snapshot, SnapshotKind, SnapshotOf } from '../../src/model/snapshot.js';

export function ofKind<K extends SnapshotKind>(s: Snapshot | undefined, kind: K): SnapshotOf<K> {
  assert.ok(s !== undefined, `expected a ${kind} snapshot, got none`);
  assert.equal(s.kind, kind, `expected a ${kind} snapshot, got ${s.kind} (${s.format})`);
  return s as SnapshotOf<K>;
}

/** The goroutines of a traceback snapshot (the assertion fails for any other kind). */
export function goroutinesOf(s: Snapshot | undefined): Goroutine[] {
  return ofKind(s, 'traceback').goroutines;
}

/** The goroutines a snapshot holds: a traceback's, none for other kinds (for totals over mixed inputs). */
export function goroutinesIn(s: Snapshot): Goroutine[] {
  return s.kind === 'traceback' ? s.goroutines : [];
}

/** A snapshot of counted stacks (traceback or count profile), what grouping takes; the assertion fails for profiles. */
export function stacksOfKind(s: Snapshot | undefined): GoroutineSnapshot {
  assert.ok(s !== undefined && (s.kind === 'traceback' || s.kind === 'count'), `expected a traceback or count snapshot, got ${s?.kind ?? 'none'}`);
  return s;
}
