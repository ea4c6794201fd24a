/**
 * Folded groups as they cross from a parse worker to the main thread
 * (structured clone): plain data, ids as an array, the representative as its
 * goroutine. Line numbers are the worker's part's own; the receiver shifts
 * them by the lines before that part.
 */
import type { Goroutine, Labels } from '../model/goroutine.js';
import type { Group } from './group.js';
import { IdList } from './idlist.js';
import { goroutineMember } from './members.js';

export interface GroupWire {
  key: string;
  count: number;
  states: [string, number][];
  waitMin: number | null;
  waitMax: number | null;
  ids: number[];
  labels: Labels | null;
  representative: Goroutine;
}

export function groupToWire(g: Group): GroupWire {
  return {
    key: g.key,
    count: g.count,
    states: [...g.states],
    waitMin: g.waitMin,
    waitMax: g.waitMax,
    ids: g.ids.slice(),
    labels: g.labels,
    representative: g.representative.source as Goroutine,
  };
}

export function groupFromWire(w: GroupWire, lineOffset: number): Group {
  const ids = new IdList();
  for (const id of w.ids) ids.push(id);
  const source: Goroutine = { ...w.representative, line: w.representative.line + lineOffset };
  return {
    key: w.key,
    count: w.count,
    states: new Map(w.states),
    waitMin: w.waitMin,
    waitMax: w.waitMax,
    ids,
    representative: goroutineMember(source),
    members: [],
    labels: w.labels,
  };
}
