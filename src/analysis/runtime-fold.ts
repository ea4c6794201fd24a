/**
 * Goroutines of the runtime itself, not of the program: GC mark workers,
 * the sweeper and scavenger, forcegc, the finalizer and cleanup goroutines,
 * `runtime.main` before main runs (all frames in the runtime), the signal
 * loop (os/signal), and pprof's own goroutine writing the dump. They fill
 * a table with rows nobody acts on, and in a diff they come and go with
 * GOTRACEBACK (a SIGQUIT dump lists them, debug=2 does not). Reports fold
 * them into one "runtime" row, and diffs leave them out of growth, unless
 * --runtime asks for them.
 *
 * Folding is a function over groups (judged by each group's representative),
 * so later analyses (leak suspects) can take the folded list too.
 */
import { entryFrame } from '../model/goroutine.js';
import { isRuntimePackage } from './frames.js';
import type { Group } from './group.js';
import type { Member } from './members.js';
import { addWait } from './wait.js';
import { appendAll } from '../lists.js';
import { IdList } from './idlist.js';

/**
 * Every frame in the runtime; or run by os/signal (the signal loop); or
 * serving net/http/pprof (the handler writing the very dump being read). A
 * program's own goroutine that calls runtime/pprof itself stays the program's.
 */
export function isRuntimeInternal(m: Pick<Member, 'frames'>): boolean {
  if (m.frames.length === 0) return false;
  if (m.frames.every((f) => isRuntimePackage(f.func.pkg))) return true;
  if (entryFrame(m.frames)?.func.pkg === 'os/signal') return true;
  return m.frames.some((f) => f.func.pkg === 'net/http/pprof');
}

export const RUNTIME_GROUP_KEY = 'runtime';

export interface FoldedGroups {
  /** The program's groups, in their order. */
  readonly groups: Group[];
  /** The runtime's goroutines as one group, or null when there are none. */
  readonly runtime: Group | null;
  /** How many groups went into it. */
  readonly runtimeGroups: number;
}

/** Merges the runtime-internal groups into one, keeping the others as they are. */
export function foldRuntime(groups: readonly Group[]): FoldedGroups {
  const kept: Group[] = [];
  const internal: Group[] = [];
  for (const g of groups) (isRuntimeInternal(g.representative) ? internal : kept).push(g);
  if (internal.length === 0) return { groups: kept, runtime: null, runtimeGroups: 0 };
  const first = internal[0]!;
  const runtime: Group = { key: RUNTIME_GROUP_KEY, count: 0, states: new Map(), waitMin: null, waitMax: null, ids: new IdList(), representative: first.representative, members: [], labels: null };
  for (const g of internal) {
    runtime.count += g.count;
    for (const [state, n] of g.states) runtime.states.set(state, (runtime.states.get(state) ?? 0) + n);
    // The range of ranges: each group's ends widen the merged one (a minimum of 0 stands for no age).
    if (g.waitMin !== null) addWait(runtime, g.waitMin === 0 ? null : g.waitMin);
    if (g.waitMax !== null) addWait(runtime, g.waitMax);
    for (let i = 0; i < g.ids.length; i++) runtime.ids.push(g.ids.at(i));
    appendAll(runtime.members, g.members);
  }
  runtime.ids.sort();
  return { groups: kept, runtime, runtimeGroups: internal.length };
}
