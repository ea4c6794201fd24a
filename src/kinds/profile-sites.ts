/** What the heap and contention kinds share: sites keyed by the waiting or allocating function unless asked otherwise. */
import { classifierOf, type FrameClassifier } from '../analysis/frames.js';
import type { GroupBy } from '../analysis/keys.js';
import { GdumpError } from '../errors.js';
import { stacksOf, type ContentionSnapshot, type HeapSnapshot } from '../model/snapshot.js';
import type { ReportOptions } from './kind.js';

/** The --group-by for profiles when none is given: the allocating or waiting function (the top frame). */
export const PROFILE_GROUP_BY: GroupBy = 'top';

/** The site key, classifier and filter of a profile's sites. */
export function siteOptions(s: HeapSnapshot | ContentionSnapshot, o: ReportOptions): { by: GroupBy; classifier: FrameClassifier; filter: ReportOptions['filter'] } {
  const by = o.groupBy ?? PROFILE_GROUP_BY;
  if (by === 'state') throw new GdumpError('--group-by state: heap and contention profiles have no goroutine states; use top, stack, site or label:KEY', 'usage');
  return { by, classifier: classifierOf(stacksOf(s)), filter: o.filter };
}
