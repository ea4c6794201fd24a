/**
 * What every view builder is given: the immutable model and the settings
 * the keys change. Views are pure functions of these.
 */
import type { GroupBy } from '../../analysis/keys.js';
import type { PathShortener } from '../../render/paths.js';
import type { SortOrder, TuiModel } from '../model.js';
import type { StackOptions } from './stack.js';

export interface ViewSettings {
  readonly groupBy: GroupBy;
  readonly sort: SortOrder;
  /** The last filter that compiled, or null. */
  readonly filter: RegExp | null;
  readonly hideRuntime: boolean;
  readonly fullPaths: boolean;
}

export function pathsOf(model: TuiModel, s: ViewSettings): PathShortener {
  return s.fullPaths ? model.fullPaths : model.shortPaths;
}

export function stackOptions(model: TuiModel, s: ViewSettings): StackOptions {
  return { classifier: model.classifier, paths: pathsOf(model, s), hideRuntime: s.hideRuntime };
}

export function percent(n: number, total: number): string {
  return total > 0 ? `${((100 * n) / total).toFixed(1)}%` : '';
}
