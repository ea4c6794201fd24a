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
import { plural, renderSnapshot } from '../render/text.js';
import { FILTER_HINT, isFiltering } from '../analysis/filter.js';
import { foldRuntime } from '../analysis/runtime-fold.js';
import { sortGroups } from '../analysis/sort.js';
import type { ReportOptions, TextReportOptions } from './kind.js';

export const STACKS_GROUP_BY: GroupBy = 'site';

interface Grouped {
  readonly groups: Group[];
  readonly classifier: FrameClassifier;
  /** What the paths and stacks are read from: the groups' representatives when the goroutines were folded and dropped. */
  readonly view: GoroutineSnapshot;
}

function grouped(s: GoroutineSnapshot, o: ReportOptions): Grouped {
  // --sort name orders by the group's key (its site, stack, frame, state or label).
  const sorted = (groups: Group[]): Group[] => sortGroups(groups, o.sort ?? 'count', groups.map((g) => g.key));
  if (s.kind === 'traceback') {
    const folded = o.folder?.result(s) ?? null;
    if (folded !== null) return { ...folded, groups: sorted(folded.groups), view: foldedView(s, folded.groups) };
  }
  const classifier = classifierFor(s);
  return { classifier, groups: sorted(groupSnapshot(s, { by: o.groupBy ?? STACKS_GROUP_BY, similarity: o.similarity, filter: o.filter, classifier })), view: s };
}

export function stacksJson(s: GoroutineSnapshot, o: ReportOptions): Record<string, unknown> {
  const stripped = o.stripped.length > 0 ? { stripped: o.stripped } : {};
  const { groups, classifier } = grouped(s, o);
  return snapshotJson(s, groups, { groupBy: o.groupBy ?? STACKS_GROUP_BY, lines: lineAccounting(s), ...stripped, ...(o.explainer?.json(s, classifier) ?? {}) });
}

export function stacksText(s: GoroutineSnapshot, o: TextReportOptions): string {
  const { classifier, groups, view } = grouped(s, o);
  const groupBy = o.groupBy ?? STACKS_GROUP_BY;
  // The runtime's own goroutines as one row (not when grouping by state or label: those are not places in code).
  const fold = o.runtime !== true && (groupBy === 'site' || groupBy === 'stack' || groupBy === 'top') ? foldRuntime(groups) : null;
  const paths = shortenerOf(stacksOf(view), classifier, o.fullPaths);
  const report = renderSnapshot(s, fold?.groups ?? groups, {
    ...(o.explainer?.text(s, classifier, { palette: o.palette, paths, width: o.width, biggest: groups[0] }) ?? {}),
    palette: o.palette,
    paths,
    classifier,
    groupBy: o.groupBy ?? STACKS_GROUP_BY,
    top: o.top,
    stacks: o.stacks,
    width: o.width,
    source: o.source,
    link: o.link ?? null,
    binary: o.binary === true,
    runtime: fold === null || fold.runtime === null ? null : { group: fold.runtime, groups: fold.runtimeGroups },
  });
  const kept = groups.reduce((n, g) => n + g.count, 0);
  const hint = kept === 0 && s.total > 0 && isFiltering(o.filter) ? o.palette.dim(`0 of ${plural(s.total, 'goroutine')} kept: ${FILTER_HINT}`) + '\n' : '';
  // A binary profile has no lines to account for.
  const lines = o.binary === true ? '' : renderLineSummary(lineAccounting(s), o.stripped, o.palette, s.warnings.length).join('\n') + '\n';
  return report + hint + lines;
}
