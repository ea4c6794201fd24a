/**
 * The analyze command's path for heap/allocs and block/mutex snapshots:
 * group into sites, then JSON or the text report. Goroutine snapshots (and
 * the count profiles) keep the core path; these return null for them.
 */
import { contentionSites, defaultSample, heapSites, HEAP_SAMPLES, profileClassifier, type HeapSample } from '../../analysis/heap.js';
import type { MemberFilter } from '../../analysis/group.js';
import type { GroupBy } from '../../analysis/keys.js';
import type { Frame } from '../../model/frame.js';
import type { Snapshot } from '../../model/snapshot.js';
import { renderContention, renderHeap, type ProfileTextOptions } from '../../render/heap.js';
import { contentionJson, heapJson } from '../../render/profile-json.js';
import { EXIT, UserError } from '../exit.js';

export interface ProfileArgs {
  groupBy: GroupBy;
  filter: MemberFilter;
  /** --sample, or undefined for the profile's default (inuse_space for heap, alloc_space for allocs). */
  sample: HeapSample | undefined;
}

/** The --group-by for profiles when none is given: the allocating / waiting function. */
export const PROFILE_DEFAULT_GROUP_BY: GroupBy = 'top';

export function parseSample(value: string | undefined): HeapSample | undefined {
  if (value === undefined) return undefined;
  if (!(HEAP_SAMPLES as readonly string[]).includes(value)) throw new UserError(`--sample: expected ${HEAP_SAMPLES.join(', ')}, got "${value}"`, EXIT.usage);
  return value as HeapSample;
}

function checkGroupBy(by: GroupBy): void {
  if (by === 'state') throw new UserError('--group-by state: heap and contention profiles have no goroutine states; use top, stack, site or label:KEY', EXIT.usage);
}

function recordsOf(s: Snapshot): readonly { frames: readonly Frame[] }[] {
  return s.heap?.records ?? s.contention?.records ?? [];
}

export function profileJson(s: Snapshot, a: ProfileArgs): Record<string, unknown> | null {
  if (s.heap === undefined && s.contention === undefined) return null;
  checkGroupBy(a.groupBy);
  const classifier = profileClassifier(recordsOf(s));
  const o = { by: a.groupBy, filter: a.filter, classifier };
  if (s.heap !== undefined) {
    const sample = a.sample ?? defaultSample(s.format);
    return heapJson(s, heapSites(s, { ...o, sample }), { groupBy: a.groupBy, sample, classifier });
  }
  return contentionJson(s, contentionSites(s, o), { groupBy: a.groupBy, classifier });
}

export function profileText(s: Snapshot, a: ProfileArgs, o: Omit<ProfileTextOptions, 'classifier' | 'groupBy'>): string | null {
  if (s.heap === undefined && s.contention === undefined) return null;
  checkGroupBy(a.groupBy);
  const classifier = profileClassifier(recordsOf(s));
  const options = { ...o, classifier, groupBy: a.groupBy };
  const site = { by: a.groupBy, filter: a.filter, classifier };
  if (s.heap !== undefined) {
    const sample = a.sample ?? defaultSample(s.format);
    return renderHeap(s, heapSites(s, { ...site, sample }), sample, options);
  }
  return renderContention(s, contentionSites(s, site), options);
}
