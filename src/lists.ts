/**
 * Array helpers for lists whose length the input decides. `a.push(...b)` and
 * `Math.max(...b)` pass every item as a call argument, and V8 throws a
 * RangeError past ~120 k of them (a `--top 0` table of many groups, a
 * million-frame stack): these loop instead.
 */

/** Appends `items` to `target` (as target.push(...items), for any length); returns target. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** The largest of `values` (as Math.max(...values), for any length); -Infinity when empty. */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/** The smallest of `values`; Infinity when empty. */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}
