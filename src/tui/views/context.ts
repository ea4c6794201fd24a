/**
 * What every view builder is given: the immutable model and the settings
 * the keys change. Views are pure functions of these.
 */
import type { HeapSample } from '../../model/profile.js';
import type { GroupBy } from '../../analysis/keys.js';
import type { DiffBy } from '../../diff/diff.js';
import type { ContentionSort } from '../contention-model.js';
import type { DiffSort } from '../diff-model.js';
import { escapeTerminal } from '../../render/escape.js';
import type { PathShortener } from '../../render/paths.js';
import type { SortOrder, TuiModel } from '../model.js';
import type { StackOptions } from './stack.js';
import { groupDigits } from '../../text/numbers.js';

export interface ViewSettings {
  readonly groupBy: GroupBy;
  readonly sort: SortOrder;
  /** The last filter that compiled, or null. */
  readonly filter: RegExp | null;
  readonly hideRuntime: boolean;
  readonly fullPaths: boolean;
  /** The diff view's matching key and order (`g`, `o` there). */
  readonly diffBy: DiffBy;
  readonly diffSort: DiffSort;
  /** The heap view's grouping key and the value it sorts by (`g`, `o` there). */
  readonly heapBy: GroupBy;
  readonly heapSample: HeapSample;
  /** The contention view's grouping key and order (`g`, `o` there). */
  readonly contentionBy: GroupBy;
  readonly contentionSort: ContentionSort;
}

export function pathsOf(model: TuiModel, s: ViewSettings): PathShortener {
  return s.fullPaths ? model.fullPaths : model.shortPaths;
}

export function stackOptions(model: TuiModel, s: ViewSettings): StackOptions {
  return { classifier: model.classifier, paths: pathsOf(model, s), hideRuntime: s.hideRuntime };
}

/** The title's note of an active `/` filter: ` · /regex/ 3 of 40`. */
export function filterNote(filter: RegExp, shown: number, all: number): string {
  return ` · /${escapeTerminal(filter.source)}/ ${groupDigits(shown)} of ${groupDigits(all)}`;
}
