/**
 * Grouping by hash key: each member is folded into the group of its key as
 * it comes (so a stream can drop goroutines once folded), and groups are
 * sorted biggest first at the end.
 */
import type { Labels } from '../model/goroutine.js';
import { stacksOf, type GoroutineSnapshot, type Snapshot } from '../model/snapshot.js';
import { classifierOf, type FrameClassifier } from './frames.js';
import { appendAll } from '../lists.js';
import { IdList } from './idlist.js';
import { keyFunctions, type GroupBy, type Similarity } from './keys.js';
import { matchesFilter, type MemberFilter } from './filter.js';
import { membersOf, type Member } from './members.js';
import { addWait } from './wait.js';

export interface Group {
  readonly key: string;
  count: number;
  /** State → goroutines; empty for debug=1 records. */
  readonly states: Map<string, number>;
  waitMin: number | null;
  waitMax: number | null;
  /** Goroutine ids (traceback text only). */
  readonly ids: IdList;
  /** Its stack stands for the group: the first member in the group's most common state (Grouper.result). */
  representative: Member;
  /** Every member, when kept (TUI, --keep-all). */
  readonly members: Member[];
  /** Labels every member shares, or null. */
  labels: Labels | null;
}

export interface GroupOptions {
  by?: GroupBy;
  similarity?: Similarity;
  /** Keep every member in its group (drill-down views need them). */
  keepMembers?: boolean;
  classifier?: FrameClassifier;
}

export function commonLabels(a: Labels | null, b: Labels | null): Labels | null {
  if (a === null || b === null) return null;
  if (a === b) return a;
  const out: Record<string, string> = {};
  let any = false;
  for (const [k, v] of Object.entries(a)) {
    if (b[k] === v) {
      out[k] = v;
      any = true;
    }
  }
  return any ? out : null;
}

/** Folds members into groups by a key (keys.ts); the one accumulator of grouping, profile sites and diff points. */
export class Grouper {
  private readonly groups = new Map<string, Group>();
  /** Mixed-state groups: the first member of each state after the first seen, so the majority's stack can stand for the group. */
  private readonly firstOfState = new Map<Group, Map<string, Member>>();

  constructor(
    private readonly key: (m: Member) => string,
    private readonly keep = false,
  ) {}

  /** Folds `m` into the group of its key and returns that group. */
  add(m: Member): Group {
    const key = this.key(m);
    let g = this.groups.get(key);
    if (g === undefined) {
      g = { key, count: 0, states: new Map(), waitMin: null, waitMax: null, ids: new IdList(), representative: m, members: [], labels: m.labels };
      this.groups.set(key, g);
    } else {
      g.labels = commonLabels(g.labels, m.labels);
    }
    g.count += m.count;
    if (m.state !== null) {
      const before = g.states.get(m.state);
      if (before === undefined && g.states.size > 0) {
        let firsts = this.firstOfState.get(g);
        if (firsts === undefined) this.firstOfState.set(g, (firsts = new Map()));
        firsts.set(m.state, m);
      }
      g.states.set(m.state, (before ?? 0) + m.count);
    }
    addWait(g, m.waitMinutes);
    if (m.id !== null) g.ids.push(m.id);
    if (this.keep) g.members.push(m);
    return g;
  }

  /**
   * Takes in a group folded from a later part of the same input (a parallel
   * parse): the result is what adding its members here one by one makes.
   */
  absorb(later: Group): void {
    const g = this.groups.get(later.key);
    if (g === undefined) {
      this.groups.set(later.key, later);
      return;
    }
    g.count += later.count;
    for (const [state, n] of later.states) g.states.set(state, (g.states.get(state) ?? 0) + n);
    if (later.waitMin !== null && (g.waitMin === null || later.waitMin < g.waitMin)) g.waitMin = later.waitMin;
    if (later.waitMax !== null && (g.waitMax === null || later.waitMax > g.waitMax)) g.waitMax = later.waitMax;
    for (let i = 0; i < later.ids.length; i++) g.ids.push(later.ids.at(i));
    g.labels = commonLabels(g.labels, later.labels);
    if (this.keep) appendAll(g.members, later.members);
  }

  /** Groups, biggest first; ties by key so output is stable. */
  result(): Group[] {
    for (const g of this.groups.values()) g.ids.sort();
    // A group of several states shows the stack of its most common one, not whichever came first.
    for (const [g, firsts] of this.firstOfState) {
      let main = g.representative.state;
      for (const [state, n] of g.states) if (n > (g.states.get(main ?? '') ?? 0)) main = state;
      const rep = main === null ? undefined : firsts.get(main);
      if (rep !== undefined) g.representative = rep;
    }
    return [...this.groups.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** The classifier for one snapshot: GOROOT is read off its runtime frames. */
export function classifierFor(s: Snapshot): FrameClassifier {
  return classifierOf(stacksOf(s));
}

export { matchesFilter, type MemberFilter } from './filter.js';

/** The key of --group-by `options.by` (default site) for a snapshot's members: tracebacks key sites on their `go` statement too. */
export function groupKey(s: GoroutineSnapshot, options: GroupOptions, classifier: FrameClassifier): (m: Member) => string {
  return keyFunctions(options.by ?? 'site', { similarity: options.similarity ?? 'pointers', creators: s.kind === 'traceback', classifier }).exact;
}

export function groupSnapshot(s: GoroutineSnapshot, options: GroupOptions & { filter?: MemberFilter } = {}): Group[] {
  const classifier = options.classifier ?? classifierFor(s);
  const grouper = new Grouper(groupKey(s, options, classifier), options.keepMembers);
  for (const m of membersOf(s)) if (options.filter === undefined || matchesFilter(m, options.filter)) grouper.add(m);
  return grouper.result();
}
