/**
 * What the diff view reads: snapshots taken one after another, lined up by
 * src/diff once per matching key (`g` asks for another key; the answer is
 * kept), with the classifier and paths of the whole series. Immutable after
 * construction apart from that memoisation, like TuiModel.
 */
import { classifierOf, type FrameClassifier } from '../analysis/frames.js';
import { diffSnapshots, siteStacks, type DiffBy, type DiffOptions, type DiffResult } from '../diff/diff.js';
import type { Snapshot } from '../model/snapshot.js';
import { siteTitle } from '../render/diff.js';
import { shortenerOf, type PathShortener } from '../render/paths.js';
import { passingFilter, searchTextOf } from './search.js';

export type DiffSort = 'delta' | 'after' | 'name';
export const DIFF_SORTS: readonly DiffSort[] = ['delta', 'after', 'name'];

export class DiffModel {
  readonly classifier: FrameClassifier;
  readonly shortPaths: PathShortener;
  readonly fullPaths: PathShortener;
  /** The key the diff starts with (site for goroutines, top for heap). */
  readonly initialBy: DiffBy;
  /** What `g` cycles through, starting at initialBy. */
  readonly byModes: readonly DiffBy[];
  private readonly results = new Map<DiffBy, DiffResult>();
  private readonly titleCache = new Map<string, readonly string[]>();
  private readonly searchCache = new Map<DiffBy, readonly string[]>();
  private orderCache: { key: string; order: readonly number[] } | null = null;

  constructor(
    readonly snapshots: readonly Snapshot[],
    /** One name per snapshot. */
    readonly sources: readonly string[],
    private readonly options: DiffOptions = {},
  ) {
    const first = diffSnapshots(snapshots, options);
    this.results.set(first.by, first);
    this.initialBy = first.by;
    const modes: DiffBy[] = first.kind === 'heap' ? ['top', 'stack', 'site'] : ['site', 'stack', 'top'];
    this.byModes = modes.includes(first.by) ? modes : [first.by, ...modes];
    const stacks = siteStacks(first);
    this.classifier = classifierOf(stacks);
    this.shortPaths = shortenerOf(stacks, this.classifier, false);
    this.fullPaths = shortenerOf(stacks, this.classifier, true);
  }

  get kind(): DiffResult['kind'] {
    return this.result(this.initialBy).kind;
  }

  result(by: DiffBy): DiffResult {
    let r = this.results.get(by);
    if (r === undefined) {
      r = diffSnapshots(this.snapshots, { ...this.options, by });
      this.results.set(by, r);
    }
    return r;
  }

  nextBy(by: DiffBy): DiffBy {
    return this.byModes[(this.byModes.indexOf(by) + 1) % this.byModes.length]!;
  }

  /** Escaped one-line title of each site (siteTitle), per key and path setting. */
  titles(by: DiffBy, fullPaths: boolean): readonly string[] {
    const key = `${by}\u0000${fullPaths}`;
    let t = this.titleCache.get(key);
    if (t === undefined) {
      const o = { classifier: this.classifier, paths: fullPaths ? this.fullPaths : this.shortPaths };
      t = this.result(by).sites.map((s) => siteTitle(s, by, o));
      this.titleCache.set(key, t);
    }
    return t;
  }

  /** What the `/` filter searches in each site: the stacks that stand for it in every snapshot. */
  searchText(by: DiffBy): readonly string[] {
    let t = this.searchCache.get(by);
    if (t === undefined) {
      t = this.result(by).sites.map((s) => searchTextOf(s.points.flatMap((p) => (p === null ? [] : [p.representative]))));
      this.searchCache.set(by, t);
    }
    return t;
  }

  /** Indexes into result(by).sites that pass the filter, in the sort order (the result itself is biggest Δ first). */
  order(by: DiffBy, sort: DiffSort, filter: RegExp | null): readonly number[] {
    const key = `${by}\u0000${sort}\u0000${filter === null ? '' : filter.source + '/' + filter.flags}`;
    if (this.orderCache?.key === key) return this.orderCache.order;
    const sites = this.result(by).sites;
    const order = passingFilter(this.searchText(by), filter);
    if (sort === 'after') order.sort((a, b) => sites[b]!.after - sites[a]!.after || a - b);
    else if (sort === 'name') {
      const titles = this.titles(by, false);
      order.sort((a, b) => (titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : a - b));
    }
    this.orderCache = { key, order };
    return order;
  }
}
