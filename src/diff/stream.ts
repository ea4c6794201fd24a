/**
 * Diff and watch without every goroutine of every snapshot in memory: each
 * traceback goroutine is folded into its snapshot's groups as the grammar
 * parses it, then dropped, with the single-dump run's own fold
 * (analysis/fold.ts's GoroutineFolder). A snapshot then keeps one
 * representative goroutine per group, so memory follows the number of
 * sites, not of goroutines times snapshots.
 *
 * The groups are folded with the keys of an all-traceback comparison
 * (creators, pointer-masked arguments), the finest a diff uses. When a
 * debug=1 snapshot takes part, pointsOf folds the groups again with the
 * coarser keys: every coarse key is a function of the group's
 * representative, so that gives what folding the goroutines themselves gives.
 * --by top needs each snapshot's GOROOT and is not folded early.
 *
 * The likely leaks of a series are those of its last snapshot, read off
 * its site facts (analysis/site-facts.ts): they are gathered as the
 * goroutines stream by, for the latest snapshot only, so they too stay flat.
 */
import { GoroutineFolder } from '../analysis/fold.js';
import { FrameClassifier } from '../analysis/frames.js';
import { Grouper, type Group } from '../analysis/group.js';
import { IdList } from '../analysis/idlist.js';
import { keyFunctions, type GroupBy } from '../analysis/keys.js';
import type { Goroutine } from '../model/goroutine.js';
import type { Snapshot, TracebackSnapshot } from '../model/snapshot.js';
import { SiteFacts } from '../analysis/site-facts.js';
import type { DiffKeyOptions, FoldedPoint } from './points.js';

/** The key options of a comparison of traceback dumps only: what streamed groups are folded with. */
const TRACEBACK_KEYS: DiffKeyOptions = { creators: true, similarity: 'pointers' };

export class DiffFolder {
  private readonly folder: GoroutineFolder;
  /** The site facts of the snapshot whose goroutines came last, and the view it was settled into. */
  private latest: { snapshot: Snapshot; facts: SiteFacts; view: Snapshot | null } | null = null;

  constructor(by: GroupBy) {
    if (!DiffFolder.folds(by)) throw new Error(`--by ${by} is not folded as it is parsed`);
    this.folder = new GoroutineFolder({ by, similarity: TRACEBACK_KEYS.similarity });
  }

  static folds(by: GroupBy): boolean {
    return by !== 'top';
  }

  readonly onGoroutine = (g: Goroutine, s: TracebackSnapshot): boolean => {
    if (this.latest?.snapshot !== s) this.latest = { snapshot: s, facts: new SiteFacts(), view: null };
    this.latest.facts.add(g);
    return this.folder.onGoroutine(g, s);
  };

  /** The site facts of `s` when it is the last snapshot folded (what the suspects read); undefined otherwise. */
  factsOf(s: Snapshot): SiteFacts | undefined {
    return this.latest !== null && (this.latest.view === s || this.latest.snapshot === s) ? this.latest.facts : undefined;
  }

  /**
   * The snapshot as diff and watch keep it: its goroutines are the groups'
   * representatives (what the classifier and path shortener read), and its
   * groups go into `folded` for diffSnapshots.
   */
  settle(s: Snapshot, folded: Map<Snapshot, readonly Group[]>): Snapshot {
    if (s.kind !== 'traceback') return s;
    const groups = this.folder.result(s)?.groups;
    if (groups === undefined) return s;
    const view: Snapshot = { ...s, goroutines: groups.map((g) => g.representative.source as Goroutine) };
    folded.set(view, groups);
    if (this.latest?.snapshot === s) this.latest.view = view;
    return view;
  }
}

/** A copy of `g` under another key, its counters its own. */
function rekeyed(g: Group, key: string): Group {
  const ids = new IdList();
  for (let i = 0; i < g.ids.length; i++) ids.push(g.ids.at(i));
  return { ...g, key, states: new Map(g.states), ids, members: [...g.members] };
}

/** The diff points of a snapshot whose goroutines were folded into `groups` (DiffFolder), for a comparison with key options `o`. */
export function pointsOf(groups: readonly Group[], by: GroupBy, o: DiffKeyOptions): Map<string, FoldedPoint> {
  const keys = keyFunctions(by, { ...o, classifier: new FrameClassifier(null) });
  let folded = groups;
  if (o.creators !== TRACEBACK_KEYS.creators || o.similarity !== TRACEBACK_KEYS.similarity) {
    // In input order (a group's representative is its first goroutine), so each coarse group's representative is its first goroutine too.
    const inOrder = [...groups].sort((a, b) => (a.representative.source as Goroutine).line - (b.representative.source as Goroutine).line);
    const grouper = new Grouper(keys.exact);
    for (const g of inOrder) grouper.absorb(rekeyed(g, keys.exact(g.representative)));
    folded = grouper.result();
  }
  const points = new Map<string, FoldedPoint>();
  for (const g of folded) points.set(g.key, { ...g, loose: keys.loose(g.representative) });
  return points;
}
