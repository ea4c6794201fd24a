/**
 * What grouping works on: a stack with how many goroutines share it. A
 * traceback goroutine is one member of count 1; a debug=1 record is one
 * member of its record's count. Both formats then group the same way.
 */
import type { Frame } from '../model/frame.js';
import type { Goroutine, Labels } from '../model/goroutine.js';
import type { CountRecord } from '../model/record.js';
import type { GoroutineSnapshot } from '../model/snapshot.js';

export interface Member {
  readonly count: number;
  /** Leaf first. */
  readonly frames: readonly Frame[];
  readonly createdBy: Frame | null;
  readonly parentId: number | null;
  /** Null for debug=1 records, which carry no state. */
  readonly state: string | null;
  readonly waitMinutes: number | null;
  readonly labels: Labels | null;
  /** Goroutine id, or null for records. */
  readonly id: number | null;
  /** The goroutine or record this member stands for. */
  readonly source: Goroutine | CountRecord;
}

export function goroutineMember(g: Goroutine): Member {
  return {
    count: 1,
    frames: g.frames,
    createdBy: g.createdBy,
    parentId: g.parentId,
    state: g.state,
    waitMinutes: g.waitMinutes,
    labels: g.labels,
    id: g.id,
    source: g,
  };
}

export function recordMember(r: CountRecord): Member {
  return {
    count: r.count,
    frames: r.frames,
    createdBy: null,
    parentId: null,
    state: null,
    waitMinutes: null,
    labels: r.labels,
    id: null,
    source: r,
  };
}

export function membersOf(s: GoroutineSnapshot): Member[] {
  return s.kind === 'traceback' ? s.goroutines.map(goroutineMember) : s.records.map(recordMember);
}
