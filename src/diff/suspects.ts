/**
 * The likely leaks of a series' last snapshot (gdump diff, gdump watch):
 * with three or more snapshots, a site that grew in every interval
 * (DiffSite.monotonic) has that growth as its evidence.
 */
import { classifierFor } from '../analysis/group.js';
import { siteKeyOf } from '../analysis/keys.js';
import { siteFactsOf, type SiteFacts } from '../analysis/site-facts.js';
import { snapshotSuspects, type Suspect } from '../analysis/suspects.js';
import type { Snapshot } from '../model/snapshot.js';
import type { DiffResult } from './diff.js';

/** `lastFacts`: the last snapshot's site facts when its goroutines were folded away as they were read (stream.ts's DiffFolder). */
export function seriesSuspects(result: DiffResult, snapshots: readonly Snapshot[], ignore?: RegExp, lastFacts?: SiteFacts): Suspect[] {
  const last = snapshots[snapshots.length - 1];
  if (last === undefined || result.kind !== 'goroutine') return [];
  const growing =
    snapshots.length < 3
      ? undefined
      : new Map(result.sites.filter((s) => s.monotonic && s.points[s.points.length - 1] !== null).map((s) => [siteKeyOf(s.latest.representative.frames, s.latest.representative.createdBy, s.latest.representative.parentId), s.counts] as const));
  const suspects = snapshotSuspects(last, lastFacts ?? siteFactsOf(last), classifierFor(last), { growing });
  // --ignore-site leaves a known site out of the suspects too, matched as the diff matches it.
  return ignore === undefined ? suspects : suspects.filter((x) => !ignore.test(x.key) && !ignore.test(x.entry?.func.full ?? '') && !(x.createdBy !== null && ignore.test(x.createdBy.func.full)));
}
