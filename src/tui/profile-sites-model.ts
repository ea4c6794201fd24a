/**
 * What the heap and contention views share: a profile snapshot's sites per
 * grouping key (top frame, stack, site), memoised, with the classifier and
 * paths of its records, their titles and what the `/` filter searches.
 * HeapModel and ContentionModel add how their sites are measured and sorted.
 */
import type { FrameClassifier } from '../analysis/frames.js';
import type { MemberFilter } from '../analysis/group.js';
import { classifierOf } from '../analysis/frames.js';
import type { ContentionSite, HeapSite } from '../analysis/heap.js';
import type { GroupBy } from '../analysis/keys.js';
import type { StackRecord } from '../model/record.js';
import { siteTitle } from '../render/heap.js';
import { shortenerOf, type PathShortener } from '../render/paths.js';
import { passingFilter, searchTextOf } from './search.js';

/** Grouping keys that mean something for profile records (no goroutine states). */
const PROFILE_BY: readonly GroupBy[] = ['top', 'stack', 'site'];

export abstract class ProfileSitesModel<Site extends HeapSite | ContentionSite, Sites extends { readonly sites: readonly Site[] }> {
  readonly classifier: FrameClassifier;
  readonly shortPaths: PathShortener;
  readonly fullPaths: PathShortener;
  readonly initialBy: GroupBy;
  /** What `g` cycles through, starting at initialBy. */
  readonly byModes: readonly GroupBy[];
  /** --focus / --ignore, applied to the records. */
  protected readonly filter: MemberFilter;
  private readonly byKey = new Map<GroupBy, Sites>();
  private readonly titleCache = new Map<string, readonly string[]>();
  private readonly searchCache = new Map<GroupBy, readonly string[]>();
  private orderCache: { key: string; order: readonly number[] } | null = null;

  constructor(records: readonly StackRecord[], options: { by?: GroupBy; filter?: MemberFilter }) {
    this.classifier = classifierOf(records);
    this.shortPaths = shortenerOf(records, this.classifier, false);
    this.fullPaths = shortenerOf(records, this.classifier, true);
    // `state` means nothing for profile records: the top frame (the allocating or waiting function) stands in.
    this.initialBy = options.by === undefined || options.by === 'state' ? 'top' : options.by;
    this.byModes = PROFILE_BY.includes(this.initialBy) ? PROFILE_BY : [this.initialBy, ...PROFILE_BY];
    this.filter = options.filter ?? {};
  }

  /** The sites grouped by `by`, in the order the analysis returns them. */
  protected abstract compute(by: GroupBy): Sites;

  sites(by: GroupBy): Sites {
    let s = this.byKey.get(by);
    if (s === undefined) {
      s = this.compute(by);
      this.byKey.set(by, s);
    }
    return s;
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

  /**
   * Indexes into sites(by) that pass the `/` filter, ordered by `compare`
   * (ties keep the analysis' order). The last answer is kept: moving the
   * cursor asks again with the same `order` key.
   */
  protected filteredOrder(by: GroupBy, order: string, filter: RegExp | null, compare: ((a: Site, b: Site) => number) | null): readonly number[] {
    const key = `${by}\u0000${order}\u0000${filter === null ? '' : filter.source + '/' + filter.flags}`;
    if (this.orderCache?.key === key) return this.orderCache.order;
    const sites = this.sites(by).sites;
    const indexes = passingFilter(this.searchText(by), filter);
    if (compare !== null) indexes.sort((a, b) => compare(sites[a]!, sites[b]!) || a - b);
    this.orderCache = { key, order: indexes };
    return indexes;
  }
}
