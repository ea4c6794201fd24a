/**
 * How long a group's goroutines had waited, as a range of minutes. The
 * runtime prints a wait age (`[chan receive, 12 minutes]`) only from one
 * minute on: a goroutine without one has waited under a minute (or is
 * running), so it counts as 0 in the minimum. The maximum stays null while
 * no member has an age: then the group shows no wait at all.
 */
export interface WaitRange {
  waitMin: number | null;
  waitMax: number | null;
}

/** Widens the range by one member's age (null: no age printed). */
export function addWait(range: WaitRange, minutes: number | null): void {
  const age = minutes ?? 0;
  if (range.waitMin === null || age < range.waitMin) range.waitMin = age;
  if (minutes !== null && (range.waitMax === null || minutes > range.waitMax)) range.waitMax = minutes;
}

/** The range for JSON: `{min, max}` (min 0: some goroutines had waited under a minute), or null when none had an age. */
export function waitJson(range: WaitRange): { min: number; max: number } | null {
  return range.waitMax === null ? null : { min: range.waitMin ?? 0, max: range.waitMax };
}

/** The range in words, without the unit: `12`, `3-12`, `<1-12` (some had no age yet); '' when none had an age. */
export function waitRange(min: number | null, max: number | null): string {
  if (max === null) return '';
  const low = min === null || min === 0 ? '<1' : String(min);
  return low === String(max) ? String(max) : `${low}-${max}`;
}
