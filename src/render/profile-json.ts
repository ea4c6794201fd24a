/**
 * The JSON contract for heap/allocs and block/mutex snapshots (README "JSON
 * output"), extending the goroutine one: groups carry inuseBytes,
 * inuseObjects, allocBytes, allocObjects (heap/allocs) or delaySeconds and
 * contentions (block/mutex); the top level carries sampleRate, and memStats
 * `{name: number}` for heap/allocs. `total` is the number of records.
 */
import { skippedCount, type ContentionSnapshot, type HeapSnapshot } from '../model/snapshot.js';
import type { FrameClassifier } from '../analysis/frames.js';
import { heapTotals, isEstimate, type ContentionSite, type HeapSite } from '../analysis/heap.js';
import { type HeapSample } from '../model/profile.js';
import { entryOf, type GroupBy } from '../analysis/keys.js';
import { frameJson, JSON_SCHEMA } from './json.js';

function siteJson(site: HeapSite | ContentionSite, classifier: FrameClassifier): Record<string, unknown> {
  const m = site.group.representative;
  const entry = entryOf(m);
  const top = classifier.topFrame(m.frames);
  const out: Record<string, unknown> = {
    key: site.key,
    records: site.group.count,
    entry: entry === null ? null : frameJson(entry),
    top: top === null ? null : frameJson(top),
  };
  if (m.labels !== null) out.labels = m.labels;
  return out;
}

function common(s: HeapSnapshot | ContentionSnapshot, groupBy: GroupBy, groups: Record<string, unknown>[], extra: Record<string, unknown>): Record<string, unknown> {
  return {
    schema: JSON_SCHEMA,
    format: s.format,
    total: s.total,
    groupBy,
    ...extra,
    groups,
    messages: s.messages,
    warnings: s.warnings,
    skipped: skippedCount(s),
  };
}

export function heapJson(s: HeapSnapshot, sites: HeapSite[], o: { groupBy: GroupBy; sample: HeapSample; classifier: FrameClassifier }): Record<string, unknown> {
  const h = s.heap;
  const groups = sites.map((x) => ({
    ...siteJson(x, o.classifier),
    inuseBytes: x.inuseBytes,
    inuseObjects: x.inuseObjects,
    allocBytes: x.allocBytes,
    allocObjects: x.allocObjects,
    frames: x.group.representative.frames.map(frameJson),
  }));
  return common(s, o.groupBy, groups, {
    kindFrom: h.kindSource,
    sample: o.sample,
    sampleRate: h.sampleRate,
    estimated: isEstimate(h),
    totals: heapTotals(sites),
    header: h.header,
    memStats: h.memStats,
    memStatsLists: h.memStatsLists,
  });
}

export function contentionJson(s: ContentionSnapshot, sites: ContentionSite[], o: { groupBy: GroupBy; classifier: FrameClassifier }): Record<string, unknown> {
  const c = s.contention;
  const groups = sites.map((x) => ({
    ...siteJson(x, o.classifier),
    delaySeconds: x.delaySeconds,
    contentions: x.contentions,
    frames: x.group.representative.frames.map(frameJson),
  }));
  return common(s, o.groupBy, groups, {
    kindFrom: c.kindSource,
    sampleRate: c.samplingPeriod,
    cyclesPerSecond: c.cyclesPerSecond,
  });
}
