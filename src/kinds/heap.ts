/** Heap and allocs profiles: allocation sites by bytes or objects in use or allocated (--sample). */
import { defaultSample, heapSites } from '../analysis/heap.js';
import type { HeapSnapshot } from '../model/snapshot.js';
import { renderHeap } from '../render/heap.js';
import { heapJson } from '../render/profile-json.js';
import type { Kind } from './kind.js';
import { PROFILE_GROUP_BY, siteOptions } from './profile-sites.js';

export const heapKind: Kind<HeapSnapshot> = {
  defaultGroupBy: PROFILE_GROUP_BY,
  firstPage: 'heap',
  json(s, o) {
    const site = siteOptions(s, o);
    const sample = o.sample ?? defaultSample(s.format);
    return heapJson(s, heapSites(s, { ...site, sample }), { groupBy: site.by, sample, classifier: site.classifier });
  },
  text(s, o) {
    const site = siteOptions(s, o);
    const sample = o.sample ?? defaultSample(s.format);
    return renderHeap(s, heapSites(s, { ...site, sample }), sample, { ...o, classifier: site.classifier, groupBy: site.by });
  },
};
