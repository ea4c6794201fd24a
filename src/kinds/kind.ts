/**
 * What each kind of snapshot (traceback, count, heap, contention) provides
 * to the commands and the TUI: its default grouping, its JSON, its text
 * report and the first page of its interactive view. One module per kind
 * implements it; src/kinds/index.ts lists them.
 */
import type { GoroutineFolder } from '../analysis/fold.js';
import type { MemberFilter } from '../analysis/group.js';
import type { HeapSample } from '../model/profile.js';
import type { GroupBy, Similarity } from '../analysis/keys.js';
import type { GroupSort } from '../analysis/sort.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Linker } from '../render/hyperlinks.js';
import type { Palette } from '../render/palette.js';
import type { Explainer } from './explain.js';

/** What a report of any kind is asked for (the default command's options). */
export interface ReportOptions {
  /** --group-by, or undefined for the kind's default. */
  readonly groupBy: GroupBy | undefined;
  readonly similarity: Similarity;
  readonly filter: MemberFilter;
  /** --sample for heap profiles, or undefined for the profile's default. */
  readonly sample: HeapSample | undefined;
  /** Traceback goroutines folded into groups as they were read; null when every goroutine was kept. */
  readonly folder: GoroutineFolder | null;
  /** Log prefixes and wrappers taken off the input (empty for a clean dump). */
  readonly stripped: readonly string[];
  /** The likely leaks, the spawn tree and source lines of goroutine snapshots; none when absent. */
  readonly explainer?: Explainer;
  /** --sort: the order of the groups (default: count). */
  readonly sort?: GroupSort;
  /** --runtime: list the runtime's own goroutines as groups rather than one folded row (default: folded). */
  readonly runtime?: boolean;
  /** The input was a binary (debug=0) profile: no lines to count (default: text). */
  readonly binary?: boolean;
}

export interface TextReportOptions extends ReportOptions {
  readonly palette: Palette;
  readonly fullPaths: boolean;
  /** Rows in the table; 0 for all. */
  readonly top: number;
  /** Groups whose stacks are printed under the table. */
  readonly stacks: number;
  /** Terminal width, or null for no truncation (pipes). */
  readonly width: number | null;
  /** Name of the input, for the summary line. */
  readonly source: string;
  /** OSC 8 links on frame locations (--hyperlinks), or none. */
  readonly link?: Linker | null;
}

/** The first page of the interactive view: the group list, or a profile's sites. */
export type FirstPage = 'list' | 'heap' | 'contention';

export interface Kind<S extends Snapshot> {
  /** The --group-by used when none is given. */
  readonly defaultGroupBy: GroupBy;
  readonly firstPage: FirstPage;
  /** The JSON object of one snapshot (README "JSON output"). */
  json(s: S, o: ReportOptions): Record<string, unknown>;
  /** The text report of one snapshot. */
  text(s: S, o: TextReportOptions): string;
}
