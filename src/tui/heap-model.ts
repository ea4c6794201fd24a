/**
 * What the heap view reads: a heap or allocs snapshot's allocation sites
 * (src/analysis/heap.ts, scaled for sampling), per grouping key, with the
 * classifier and paths of its records. Memoised like TuiModel.
 */
import type { FrameClassifier } from '../analysis/frames.js';
import type { MemberFilter } from '../analysis/group.js';
import { defaultSample, heapSites, heapSiteValue, heapTotals, profileClassifier, type HeapSample, type HeapSite } from '../analysis/heap.js';
import type { GroupBy } from '../analysis/keys.js';
import type { HeapTotals } from '../model/profile.js';
import type { Snapshot } from '../model/snapshot.js';
import { shortener, siteTitle } from '../render/heap.js';
import type { PathShortener } from '../render/paths.js';
import { passingFilter, searchTextOf } from './search.js';

/** Grouping keys that mean something for allocation records (no goroutine states). */
const HEAP_BY: readonly GroupBy[] = ['top', 'stack', 'site'];

export interface HeapSites {
  readonly sites: readonly HeapSite[];
  readonly totals: HeapTotals;
}

export class HeapModel {
  readonly classifier: FrameClassifier;
  readonly shortPaths: PathShortener;
  readonly fullPaths: PathShortener;
  readonly initialBy: GroupBy;
  readonly initialSample: HeapSample;
  readonly byModes: readonly GroupBy[];
  /** --focus / --ignore, applied to the records. */
  private readonly filter: MemberFilter;
  private readonly byKey = new Map<GroupBy, HeapSites>();
  private readonly titleCache = new Map<string, readonly string[]>();
  private readonly searchCache = new Map<GroupBy, readonly string[]>();
  private orderCache: { key: string; order: readonly number[] } | null = null;

  constructor(
    readonly snapshot: Snapshot,
    options: { by?: GroupBy; sample?: HeapSample; filter?: MemberFilter } = {},
  ) {
    const records = snapshot.heap?.records ?? [];
    this.classifier = profileClassifier(records);
    this.shortPaths = shortener(records, { classifier: this.classifier, fullPaths: false });
    this.fullPaths = shortener(records, { classifier: this.classifier, fullPaths: true });
    // `state` means nothing for allocation records: the allocating function stands in.
    this.initialBy = options.by === undefined || options.by === 'state' ? 'top' : options.by;
    this.initialSample = options.sample ?? defaultSample(snapshot.format);
    this.byModes = HEAP_BY.includes(this.initialBy) ? HEAP_BY : [this.initialBy, ...HEAP_BY];
    this.filter = options.filter ?? {};
  }

  sites(by: GroupBy): HeapSites {
    let h = this.byKey.get(by);
    if (h === undefined) {
      const sites = heapSites(this.snapshot, { by, classifier: this.classifier, filter: this.filter });
      h = { sites, totals: heapTotals(sites) };
      this.byKey.set(by, h);
    }
    return h;
  }

  nextBy(by: GroupBy): GroupBy {
    return this.byModes[(this.byModes.indexOf(by) + 1) % this.byModes.length]!;
  }

  titles(by: GroupBy, fullPaths: boolean): readonly string[] {
    const key = `${by}\u0000${fullPaths}`;
    let t = this.titleCache.get(key);
    if (t === undefined) {
      const o = { classifier: this.classifier, groupBy: by };
      const paths = fullPaths ? this.fullPaths : this.shortPaths;
      t = this.sites(by).sites.map((s) => siteTitle(s, o, paths));
      this.titleCache.set(key, t);
    }
    return t;
  }

  /** What the `/` filter searches in each site: the stacks of its records. */
  searchText(by: GroupBy): readonly string[] {
    let t = this.searchCache.get(by);
    if (t === undefined) {
      t = this.sites(by).sites.map((s) => searchTextOf(s.group.members.length > 0 ? s.group.members : [s.group.representative]));
      this.searchCache.set(by, t);
    }
    return t;
  }

  /** Indexes into sites(by) that pass the `/` filter, biggest `sample` first (ties keep heapSites' order). */
  order(by: GroupBy, sample: HeapSample, filter: RegExp | null): readonly number[] {
    const key = `${by}\u0000${sample}\u0000${filter === null ? '' : filter.source + '/' + filter.flags}`;
    if (this.orderCache?.key === key) return this.orderCache.order;
    const sites = this.sites(by).sites;
    const order = passingFilter(this.searchText(by), filter).sort((a, b) => heapSiteValue(sites[b]!, sample) - heapSiteValue(sites[a]!, sample) || a - b);
    this.orderCache = { key, order };
    return order;
  }
}
