/**
 * What the contention view reads: a block or mutex snapshot's sites
 * (src/analysis/heap.ts contentionSites) per grouping key, by delay or by
 * events. The rest is ProfileSitesModel's, shared with the heap view.
 */
import type { MemberFilter } from '../analysis/group.js';
import { contentionSites, type ContentionSite } from '../analysis/heap.js';
import type { GroupBy } from '../analysis/keys.js';
import type { ContentionSnapshot } from '../model/snapshot.js';
import { ProfileSitesModel } from './profile-sites-model.js';

export type ContentionSort = 'delay' | 'events';
export const CONTENTION_SORTS: readonly ContentionSort[] = ['delay', 'events'];

export interface ContentionSites {
  readonly sites: readonly ContentionSite[];
  /** Seconds over all sites; null when the profile has no `cycles/second=` line to convert cycles. */
  readonly delaySeconds: number | null;
  readonly events: number;
}

export class ContentionModel extends ProfileSitesModel<ContentionSite, ContentionSites> {
  constructor(readonly snapshot: ContentionSnapshot, options: { by?: GroupBy; filter?: MemberFilter } = {}) {
    super(snapshot.contention.records, options);
  }

  protected compute(by: GroupBy): ContentionSites {
    const sites = contentionSites(this.snapshot, { by, classifier: this.classifier, filter: this.filter });
    const delaySeconds = sites.reduce<number | null>((a, x) => (a === null || x.delaySeconds === null ? null : a + x.delaySeconds), 0);
    return { sites, delaySeconds, events: sites.reduce((a, x) => a + x.contentions, 0) };
  }

  /** Indexes into sites(by) that pass the `/` filter, by delay (contentionSites' order) or by events. */
  order(by: GroupBy, sort: ContentionSort, filter: RegExp | null): readonly number[] {
    return this.filteredOrder(by, sort, filter, sort === 'events' ? (a, b) => b.contentions - a.contentions : null);
  }
}
