/**
 * Orders of a group list (--sort, the TUI's `o`): by count (the groups'
 * own order, biggest first), by longest wait, by name (the row's title),
 * by state (the most common wait reason, then count).
 */
import type { Group } from './group.js';

export const GROUP_SORTS = ['count', 'wait', 'name', 'state'] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

export function isGroupSort(s: string): s is GroupSort {
  return (GROUP_SORTS as readonly string[]).includes(s);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The state most of the group's goroutines are in ('' for none). */
function mainState(g: Group): string {
  let best = '';
  let most = -1;
  for (const [state, n] of g.states) {
    if (n > most) [best, most] = [state, n];
  }
  return best;
}

/**
 * A comparator of indexes into `groups` (which come biggest first: index
 * order is count order, and breaks every tie). `titles[i]` is what the row
 * of group i shows.
 */
export function groupComparator(sort: GroupSort, groups: readonly Group[], titles: readonly string[]): (a: number, b: number) => number {
  switch (sort) {
    case 'count':
      return (a, b) => a - b;
    case 'wait':
      return (a, b) => (groups[b]!.waitMax ?? -1) - (groups[a]!.waitMax ?? -1) || a - b;
    case 'name':
      return (a, b) => compareText(titles[a]!, titles[b]!) || a - b;
    case 'state':
      return (a, b) => compareText(mainState(groups[a]!).toLowerCase(), mainState(groups[b]!).toLowerCase()) || a - b;
  }
}

/** The groups in the order asked for. */
export function sortGroups(groups: readonly Group[], sort: GroupSort, titles: readonly string[]): Group[] {
  if (sort === 'count') return [...groups];
  return groups.map((_, i) => i).sort(groupComparator(sort, groups, titles)).map((i) => groups[i]!);
}
