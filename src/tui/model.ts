/**
 * What the interactive views read: one snapshot with its indexes built once
 * (goroutines by id, children by parent, groupings per mode), immutable
 * after construction. React never holds it in state; views receive indexes
 * into it. The caches below are memoisation only: the same question always
 * gets the same answer, so the reducer that calls into the model stays pure.
 */
import { Grouper, classifierFor, groupKey, matchesFilter, type Group, type MemberFilter } from '../analysis/group.js';
import type { FrameClassifier } from '../analysis/frames.js';
import { isGroupBy, siteKeyOf, type GroupBy, type Similarity } from '../analysis/keys.js';
import { siteFactsOf } from '../analysis/site-facts.js';
import { spawnTree, type SpawnTree } from '../analysis/spawn.js';
import { membersOf, type Member } from '../analysis/members.js';
import type { Goroutine } from '../model/goroutine.js';
import { stacksOf, type GoroutineSnapshot, type Snapshot } from '../model/snapshot.js';
import { shortenerOf, type PathShortener } from '../render/paths.js';
import { formatStates, formatWait, groupTitle } from '../render/text.js';
import type { HeapSample } from '../model/profile.js';
import type { DiffModel } from './diff-model.js';
import { ContentionModel } from './contention-model.js';
import { HeapModel } from './heap-model.js';
import { passingFilter, searchTextOf } from './search.js';
import { groupComparator } from '../analysis/sort.js';

export type SortOrder = 'count' | 'name' | 'wait';
export const SORT_ORDERS: readonly SortOrder[] = ['count', 'name', 'wait'];

/** One grouping mode's groups, with what the list needs per group computed once. */
export interface Grouping {
  readonly by: GroupBy;
  /** Biggest first, as the Grouper returns them. */
  readonly groups: readonly Group[];
  /** Escaped one-line title of each group (site, stack head, state or label value). */
  readonly titles: readonly string[];
  /** Every distinct function name and file of each group's members, one per line, for the `/` filter. */
  readonly searchText: readonly string[];
  /** Goroutines (or record counts) over all groups. */
  readonly total: number;
  /** Widest states and wait-age texts, so columns stay put while scrolling (0: the column is empty). */
  readonly stateWidth: number;
  readonly waitWidth: number;
}

export interface TuiModelOptions {
  groupBy: GroupBy;
  similarity: Similarity;
  filter: MemberFilter;
  /** Heap and allocs snapshots: the site key (default top, the allocating function) and the value sorted by. */
  profileGroupBy?: GroupBy;
  sample?: HeapSample;
}

/** The group-by modes `g` cycles through; `label:KEY` only when the dump has labels (KEY: the most common one). */
function groupByCycle(members: readonly Member[], start: GroupBy): GroupBy[] {
  const modes: GroupBy[] = ['site', 'stack', 'top', 'state'];
  const keys = new Map<string, number>();
  for (const m of members) if (m.labels !== null) for (const k of Object.keys(m.labels)) keys.set(k, (keys.get(k) ?? 0) + m.count);
  const common = [...keys].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (start.startsWith('label:')) modes.push(start);
  else if (common !== undefined && isGroupBy(`label:${common[0]}`)) modes.push(`label:${common[0]}`);
  return modes;
}

export class TuiModel {
  readonly classifier: FrameClassifier;
  readonly shortPaths: PathShortener;
  readonly fullPaths: PathShortener;
  readonly members: readonly Member[];
  /** The snapshot when it holds goroutines (or count records) to group; null for heap and contention profiles. */
  private readonly stacks: GoroutineSnapshot | null;
  readonly groupByModes: readonly GroupBy[];
  private readonly byId = new Map<number, Goroutine>();
  private readonly childIds = new Map<number, number[]>();
  private readonly groupings = new Map<GroupBy, Grouping>();
  private orderCache: { key: string; order: readonly number[] } | null = null;
  /** A heap or allocs snapshot's allocation sites: the heap view is the first page. */
  readonly heap: HeapModel | null;
  /** A block or mutex snapshot's contention sites: the contention view is the first page. */
  readonly contention: ContentionModel | null;

  constructor(
    readonly snapshot: Snapshot,
    readonly options: TuiModelOptions,
    /** Name of the input, for the title bar. */
    readonly source: string,
    /** Snapshots lined up over time (`gdump diff -i`, `watch -i`): the diff view is the first page; `snapshot` is the latest. */
    readonly diff: DiffModel | null = null,
  ) {
    this.heap = diff === null && snapshot.kind === 'heap' ? new HeapModel(snapshot, { by: options.profileGroupBy, sample: options.sample, filter: options.filter }) : null;
    this.contention = diff === null && snapshot.kind === 'contention' ? new ContentionModel(snapshot, { by: options.profileGroupBy, filter: options.filter }) : null;
    this.classifier = classifierFor(snapshot);
    this.shortPaths = shortenerOf(stacksOf(snapshot), this.classifier, false);
    this.fullPaths = shortenerOf(stacksOf(snapshot), this.classifier, true);
    // Profile snapshots have sites, not members: their first page is the heap or contention view.
    this.stacks = snapshot.kind === 'traceback' || snapshot.kind === 'count' ? snapshot : null;
    this.members = this.stacks === null ? [] : membersOf(this.stacks).filter((m) => matchesFilter(m, options.filter));
    if (snapshot.kind === 'traceback') {
      for (const g of snapshot.goroutines) {
        this.byId.set(g.id, g);
        if (g.parentId !== null) {
          const list = this.childIds.get(g.parentId);
          if (list === undefined) this.childIds.set(g.parentId, [g.id]);
          else list.push(g.id);
        }
      }
    }
    this.groupByModes = groupByCycle(this.members, options.groupBy);
  }

  goroutine(id: number): Goroutine | undefined {
    return this.byId.get(id);
  }

  private tree: SpawnTree | null = null;

  /** Which site's goroutines started which (built on the first `t`). */
  spawnTree(): SpawnTree {
    return (this.tree ??= spawnTree(siteFactsOf(this.snapshot)));
  }

  /** The creation site key of a member (what the spawn tree's nodes are keyed by). */
  siteOfMember(m: Member): string {
    return siteKeyOf(m.frames, m.createdBy, m.parentId);
  }

  siteOfGoroutine(id: number): string | null {
    const g = this.byId.get(id);
    return g === undefined ? null : siteKeyOf(g.frames, g.createdBy, g.parentId);
  }

  /** The index of a creation site's group when grouped by site, or null when it has none (an exited creator). */
  siteGroupIndex(site: string): number | null {
    const i = this.grouping('site').groups.findIndex((g) => g.key === site);
    return i < 0 ? null : i;
  }

  /** Ids of the goroutines whose `created by … in goroutine N` names this one, in dump order. */
  children(id: number): readonly number[] {
    return this.childIds.get(id) ?? [];
  }

  nextGroupBy(by: GroupBy): GroupBy {
    const i = this.groupByModes.indexOf(by);
    return this.groupByModes[(i + 1) % this.groupByModes.length]!;
  }

  grouping(by: GroupBy): Grouping {
    let g = this.groupings.get(by);
    if (g === undefined) {
      g = this.buildGrouping(by);
      this.groupings.set(by, g);
    }
    return g;
  }

  private buildGrouping(by: GroupBy): Grouping {
    const key = this.stacks === null ? () => '' : groupKey(this.stacks, { by, similarity: this.options.similarity }, this.classifier);
    const grouper = new Grouper(key, true);
    for (const m of this.members) grouper.add(m);
    const groups = grouper.result();
    const titleOptions = { groupBy: by, classifier: this.classifier, paths: this.shortPaths };
    const titles = groups.map((g) => groupTitle(g, titleOptions));
    const searchText = groups.map(groupSearchText);
    let stateWidth = 0;
    let waitWidth = 0;
    for (const g of groups) {
      stateWidth = Math.max(stateWidth, formatStates(g.states).length);
      waitWidth = Math.max(waitWidth, formatWait(g.waitMin, g.waitMax).length);
    }
    return { by, groups, titles, searchText, total: groups.reduce((n, g) => n + g.count, 0), stateWidth, waitWidth };
  }

  /**
   * Indexes into `grouping(by).groups` that pass the filter, in the sort
   * order. The last answer is kept: moving the cursor asks again with the
   * same key, and typing one more filter character re-filters once.
   */
  order(by: GroupBy, sort: SortOrder, filter: RegExp | null): readonly number[] {
    const key = `${by}\u0000${sort}\u0000${filter === null ? '' : filter.source + '/' + filter.flags}`;
    if (this.orderCache?.key === key) return this.orderCache.order;
    const grouping = this.grouping(by);
    const order = passingFilter(grouping.searchText, filter);
    const groups = grouping.groups;
    if (sort !== 'count') order.sort(groupComparator(sort, groups, grouping.titles));
    this.orderCache = { key, order };
    return order;
  }
}

/** What the `/` filter searches in a group: its members, or its representative when the members were not kept. */
function groupSearchText(g: Group): string {
  return searchTextOf(g.members.length > 0 ? g.members : [g.representative]);
}

