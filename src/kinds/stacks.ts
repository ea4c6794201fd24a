/**
 * The report of the kinds that hold counted stacks (tracebacks and count
 * profiles): members grouped by --group-by (site by default), as a table
 * with the stacks of the biggest groups, or as JSON.
 */
import { foldedView } from '../analysis/fold.js';
import { classifierFor, groupSnapshot, type Group } from '../analysis/group.js';
import type { FrameClassifier } from '../analysis/frames.js';
import type { GroupBy } from '../analysis/keys.js';
import { lineAccounting, stacksOf, type GoroutineSnapshot } from '../model/snapshot.js';
import { snapshotJson } from '../render/json.js';
import { renderLineSummary } from '../render/lines.js';
import { shortenerOf } from '../render/paths.js';
import { renderSnapshot } from '../render/text.js';
import type { ReportOptions, TextReportOptions } from './kind.js';

export const STACKS_GROUP_BY: GroupBy = 'site';

interface Grouped {
  readonly groups: Group[];
  readonly classifier: FrameClassifier;
  /** What the paths and stacks are read from: the groups' representatives when the goroutines were folded and dropped. */
  readonly view: GoroutineSnapshot;
}

function grouped(s: GoroutineSnapshot, o: ReportOptions): Grouped {
  if (s.kind === 'traceback') {
    const folded = o.folder?.result(s) ?? null;
    if (folded !== null) return { ...folded, view: foldedView(s, folded.groups) };
  }
  const classifier = classifierFor(s);
  return { classifier, groups: groupSnapshot(s, { by: o.groupBy ?? STACKS_GROUP_BY, similarity: o.similarity, filter: o.filter, classifier }), view: s };
}

export function stacksJson(s: GoroutineSnapshot, o: ReportOptions): Record<string, unknown> {
  const stripped = o.stripped.length > 0 ? { stripped: o.stripped } : {};
  const { groups, classifier } = grouped(s, o);
  return snapshotJson(s, groups, { groupBy: o.groupBy ?? STACKS_GROUP_BY, lines: lineAccounting(s), ...stripped, ...(o.explainer?.json(s, classifier) ?? {}) });
}

export function stacksText(s: GoroutineSnapshot, o: TextReportOptions): string {
  const { classifier, groups, view } = grouped(s, o);
  const paths = shortenerOf(stacksOf(view), classifier, o.fullPaths);
  const report = renderSnapshot(s, groups, {
    ...(o.explainer?.text(s, classifier, { palette: o.palette, paths, width: o.width, biggest: groups[0] }) ?? {}),
    palette: o.palette,
    paths,
    classifier,
    groupBy: o.groupBy ?? STACKS_GROUP_BY,
    top: o.top,
    stacks: o.stacks,
    width: o.width,
    source: o.source,
  });
  return report + renderLineSummary(lineAccounting(s), o.stripped, o.palette).join('\n') + '\n';
}
