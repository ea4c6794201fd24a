/**
 * What the contention view reads: a block or mutex snapshot's sites
 * (src/analysis/heap.ts contentionSites), per grouping key, with the
 * classifier and paths of its records. Memoised like HeapModel.
 */
import type { FrameClassifier } from '../analysis/frames.js';
import type { MemberFilter } from '../analysis/group.js';
import { contentionSites, profileClassifier, type ContentionSite } from '../analysis/heap.js';
import type { GroupBy } from '../analysis/keys.js';
import type { Snapshot } from '../model/snapshot.js';
import { shortener, siteTitle } from '../render/heap.js';
import type { PathShortener } from '../render/paths.js';
import { passingFilter, searchTextOf } from './search.js';

/** Grouping keys that mean something for contention records (no goroutine states). */
const CONTENTION_BY: readonly GroupBy[] = ['top', 'stack', 'site'];

export type ContentionSort = 'delay' | 'events';
export const CONTENTION_SORTS: readonly ContentionSort[] = ['delay', 'events'];

export interface ContentionSites {
  readonly sites: readonly ContentionSite[];
  /** Seconds over all sites; null when the profile has no `cycles/second=` line to convert cycles. */
  readonly delaySeconds: number | null;
  readonly events: number;
}

export class ContentionModel {
  readonly classifier: FrameClassifier;
  readonly shortPaths: PathShortener;
  readonly fullPaths: PathShortener;
  readonly initialBy: GroupBy;
  readonly byModes: readonly GroupBy[];
  private readonly filter: MemberFilter;
  private readonly byKey = new Map<GroupBy, ContentionSites>();
  private readonly titleCache = new Map<string, readonly string[]>();
  private readonly searchCache = new Map<GroupBy, readonly string[]>();
  private orderCache: { key: string; order: readonly number[] } | null = null;

  constructor(
    readonly snapshot: Snapshot,
    options: { by?: GroupBy; filter?: MemberFilter } = {},
  ) {
    const records = snapshot.contention?.records ?? [];
    this.classifier = profileClassifier(records);
    this.shortPaths = shortener(records, { classifier: this.classifier, fullPaths: false });
    this.fullPaths = shortener(records, { classifier: this.classifier, fullPaths: true });
    // `state` means nothing for contention records: the waiting function stands in.
    this.initialBy = options.by === undefined || options.by === 'state' ? 'top' : options.by;
    this.byModes = CONTENTION_BY.includes(this.initialBy) ? CONTENTION_BY : [this.initialBy, ...CONTENTION_BY];
    this.filter = options.filter ?? {};
  }

  sites(by: GroupBy): ContentionSites {
    let c = this.byKey.get(by);
    if (c === undefined) {
      const sites = contentionSites(this.snapshot, { by, classifier: this.classifier, filter: this.filter });
      const delaySeconds = sites.reduce<number | null>((a, x) => (a === null || x.delaySeconds === null ? null : a + x.delaySeconds), 0);
      c = { sites, delaySeconds, events: sites.reduce((a, x) => a + x.contentions, 0) };
      this.byKey.set(by, c);
    }
    return c;
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

  /** Indexes into sites(by) that pass the `/` filter, by delay (contentionSites' order) or by events. */
  order(by: GroupBy, sort: ContentionSort, filter: RegExp | null): readonly number[] {
    const key = `${by}\u0000${sort}\u0000${filter === null ? '' : filter.source + '/' + filter.flags}`;
    if (this.orderCache?.key === key) return this.orderCache.order;
    const sites = this.sites(by).sites;
    const order = passingFilter(this.searchText(by), filter);
    if (sort === 'events') order.sort((a, b) => sites[b]!.contentions - sites[a]!.contentions || a - b);
    this.orderCache = { key, order };
    return order;
  }
}
