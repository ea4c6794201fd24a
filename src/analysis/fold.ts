/**
 * Streaming grouping: goroutines are folded into their snapshot's groups as
 * the grammar parses them, and dropped (ParseOptions.onGoroutine returns
 * false), so memory grows with the number of groups, not with the input.
 * A group keeps what the reports show: count, states, wait range, ids, and
 * its first goroutine as the representative stack.
 *
 * The frame classifier needs GOROOT, read off the first runtime frame
 * (classifierFor); until one is seen the goroutines wait in a small buffer,
 * so the groups come out as groupSnapshot would make them from the whole
 * snapshot.
 */
import type { Goroutine } from '../model/goroutine.js';
import type { Snapshot } from '../model/snapshot.js';
import { FrameClassifier, findGoroot } from './frames.js';
import { Grouper, matchesFilter, type Group, type GroupOptions, type MemberFilter } from './group.js';
import { goroutineMember } from './members.js';

/** Goroutines to hold while looking for GOROOT; past this, the snapshot has no runtime frames worth waiting for. */
const GOROOT_WAIT = 10_000;

class SnapshotFold {
  private grouper: Grouper | null = null;
  private pending: Goroutine[] = [];
  classifier: FrameClassifier | null = null;

  constructor(private readonly options: GroupOptions & { filter?: MemberFilter }) {}

  add(g: Goroutine): void {
    if (this.grouper !== null) return this.fold(g);
    this.pending.push(g);
    const goroot = findGoroot(g.frames);
    if (goroot !== null || this.pending.length >= GOROOT_WAIT) this.start(goroot);
  }

  private start(goroot: string | null): void {
    this.classifier = new FrameClassifier(goroot);
    this.grouper = new Grouper(this.classifier, this.options);
    for (const p of this.pending) this.fold(p);
    this.pending = [];
  }

  private fold(g: Goroutine): void {
    const m = goroutineMember(g);
    if (this.options.filter === undefined || matchesFilter(m, this.options.filter)) this.grouper!.add(m);
  }

  finish(): { groups: Group[]; classifier: FrameClassifier } {
    if (this.grouper === null) this.start(null);
    return { groups: this.grouper!.result(), classifier: this.classifier! };
  }
}

/** Folds the goroutines of every traceback snapshot of a load; pass `onGoroutine` to the parser. */
export class GoroutineFolder {
  private readonly folds = new Map<Snapshot, SnapshotFold>();

  constructor(private readonly options: GroupOptions & { filter?: MemberFilter }) {}

  readonly onGoroutine = (g: Goroutine, s: Snapshot): boolean => {
    let fold = this.folds.get(s);
    if (fold === undefined) {
      fold = new SnapshotFold(this.options);
      this.folds.set(s, fold);
    }
    fold.add(g);
    return false;
  };

  /** The groups of a snapshot whose goroutines were folded, or null when none were. */
  result(s: Snapshot): { groups: Group[]; classifier: FrameClassifier } | null {
    return this.folds.get(s)?.finish() ?? null;
  }
}

/**
 * The snapshot as the renderers see it after folding: its goroutines are
 * the groups' representatives (what the path shortener and the stacks need).
 */
export function foldedView(s: Snapshot, groups: readonly Group[]): Snapshot {
  return { ...s, goroutines: groups.map((g) => g.representative.source as Goroutine) };
}
