/** Block and mutex profiles: contention sites by total delay, then events. */
import { contentionSites } from '../analysis/heap.js';
import type { ContentionSnapshot } from '../model/snapshot.js';
import { renderContention } from '../render/heap.js';
import { contentionJson } from '../render/profile-json.js';
import type { Kind } from './kind.js';
import { PROFILE_GROUP_BY, siteOptions } from './profile-sites.js';

export const contentionKind: Kind<ContentionSnapshot> = {
  defaultGroupBy: PROFILE_GROUP_BY,
  firstPage: 'contention',
  json(s, o) {
    const site = siteOptions(s, o);
    return contentionJson(s, contentionSites(s, site), { groupBy: site.by, classifier: site.classifier });
  },
  text(s, o) {
    const site = siteOptions(s, o);
    return renderContention(s, contentionSites(s, site), { ...o, classifier: site.classifier, groupBy: site.by });
  },
};
