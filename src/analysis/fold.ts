/**
 * Streaming grouping: goroutines are folded into their snapshot's groups as
 * the grammar parses them, and dropped (ParseOptions.onGoroutine returns
 * false), so memory grows with the number of groups, not with the input.
 * A group keeps what the reports show: count, states, wait range, ids, and
 * its first goroutine as the representative stack.
 *
 * The frame classifier needs GOROOT, read off the first runtime frame
 * (classifierFor). Only --group-by top keys on it: there, until GOROOT is
 * seen, the goroutines wait in a small buffer, so the groups come out as
 * groupSnapshot would make them from the whole snapshot.
 */
import type { Goroutine } from '../model/goroutine.js';
import type { TracebackSnapshot } from '../model/snapshot.js';
import { FrameClassifier, findGoroot } from './frames.js';
import { Grouper, matchesFilter, type Group, type GroupOptions, type MemberFilter } from './group.js';
import { keyFunctions } from './keys.js';
import { goroutineMember } from './members.js';

/** Goroutines to hold while looking for GOROOT; past this, the snapshot has no runtime frames worth waiting for. */
const GOROOT_WAIT = 10_000;

class SnapshotFold {
  private grouper: Grouper | null = null;
  private pending: Goroutine[] = [];
  private goroot: string | null = null;
  /** Goroutines looked at for GOROOT; the search stops at GOROOT_WAIT. */
  private searched = 0;
  private classifier: FrameClassifier | null = null;

  constructor(private readonly options: GroupOptions & { filter?: MemberFilter }) {
    // Only --group-by top keys on frame kinds; other keys fold at once while GOROOT is looked for,
    // so a dump without standard-library frames does not hold its first 10k goroutines.
    if ((options.by ?? 'site') !== 'top') this.grouper = this.newGrouper(new FrameClassifier(null));
  }

  add(g: Goroutine): void {
    if (this.goroot === null && this.searched < GOROOT_WAIT) {
      this.searched++;
      this.goroot = findGoroot(g.frames);
    }
    if (this.grouper !== null) return this.fold(g);
    this.pending.push(g);
    if (this.goroot !== null || this.searched >= GOROOT_WAIT) this.start();
  }

  private classifierNow(): FrameClassifier {
    return (this.classifier ??= new FrameClassifier(this.goroot));
  }

  private newGrouper(classifier: FrameClassifier): Grouper {
    const key = keyFunctions(this.options.by ?? 'site', { similarity: this.options.similarity ?? 'pointers', creators: true, classifier }).exact;
    return new Grouper(key, this.options.keepMembers);
  }

  private start(): void {
    this.grouper = this.newGrouper(this.classifierNow());
    for (const p of this.pending) this.fold(p);
    this.pending = [];
  }

  private fold(g: Goroutine): void {
    const m = goroutineMember(g);
    if (this.options.filter === undefined || matchesFilter(m, this.options.filter)) this.grouper!.add(m);
  }

  /** Groups folded from a later part of the same snapshot's text (a parallel parse). */
  absorb(groups: readonly Group[]): void {
    if (this.grouper === null) this.start();
    for (const g of groups) this.grouper!.absorb(g);
  }

  finish(): { groups: Group[]; classifier: FrameClassifier } {
    if (this.grouper === null) this.start();
    return { groups: this.grouper!.result(), classifier: this.classifierNow() };
  }
}

/** Folds the goroutines of every traceback snapshot of a load; pass `onGoroutine` to the parser. */
export class GoroutineFolder {
  private readonly folds = new Map<TracebackSnapshot, SnapshotFold>();

  constructor(private readonly options: GroupOptions & { filter?: MemberFilter }) {}

  readonly onGoroutine = (g: Goroutine, s: TracebackSnapshot): boolean => {
    let fold = this.folds.get(s);
    if (fold === undefined) {
      fold = new SnapshotFold(this.options);
      this.folds.set(s, fold);
    }
    fold.add(g);
    return false;
  };

  /** Adds groups folded elsewhere from the rest of `s`'s text (a parallel parse; not for --group-by top, whose keys need this fold's GOROOT). */
  absorb(s: TracebackSnapshot, groups: readonly Group[]): void {
    let fold = this.folds.get(s);
    if (fold === undefined) {
      fold = new SnapshotFold(this.options);
      this.folds.set(s, fold);
    }
    fold.absorb(groups);
  }

  /** The groups of a snapshot whose goroutines were folded, or null when none were. */
  result(s: TracebackSnapshot): { groups: Group[]; classifier: FrameClassifier } | null {
    return this.folds.get(s)?.finish() ?? null;
  }
}

/**
 * The snapshot as the renderers see it after folding: its goroutines are
 * the groups' representatives (what the path shortener and the stacks need).
 */
export function foldedView(s: TracebackSnapshot, groups: readonly Group[]): TracebackSnapshot {
  return { ...s, goroutines: groups.map((g) => g.representative.source as Goroutine) };
}
