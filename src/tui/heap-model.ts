/**
 * What the heap view reads: a heap or allocs snapshot's allocation sites
 * (src/analysis/heap.ts, scaled for sampling) per grouping key, sorted by
 * any of the four values. The rest is ProfileSitesModel's, shared with the
 * contention view.
 */
import type { MemberFilter } from '../analysis/group.js';
import { defaultSample, heapSites, heapSiteValue, heapTotals, type HeapSite } from '../analysis/heap.js';
import { type HeapSample } from '../model/profile.js';
import type { GroupBy } from '../analysis/keys.js';
import type { HeapTotals } from '../model/profile.js';
import type { HeapSnapshot } from '../model/snapshot.js';
import { ProfileSitesModel } from './profile-sites-model.js';

export interface HeapSites {
  readonly sites: readonly HeapSite[];
  readonly totals: HeapTotals;
}

export class HeapModel extends ProfileSitesModel<HeapSite, HeapSites> {
  readonly initialSample: HeapSample;

  constructor(readonly snapshot: HeapSnapshot, options: { by?: GroupBy; sample?: HeapSample; filter?: MemberFilter } = {}) {
    super(snapshot.heap.records, options);
    this.initialSample = options.sample ?? defaultSample(snapshot.format);
  }

  protected compute(by: GroupBy): HeapSites {
    const sites = heapSites(this.snapshot, { by, classifier: this.classifier, filter: this.filter });
    return { sites, totals: heapTotals(sites) };
  }

  /** Indexes into sites(by) that pass the `/` filter, biggest `sample` first (ties keep heapSites' order). */
  order(by: GroupBy, sample: HeapSample, filter: RegExp | null): readonly number[] {
    return this.filteredOrder(by, sample, filter, (a, b) => heapSiteValue(b, sample) - heapSiteValue(a, sample));
  }
}
