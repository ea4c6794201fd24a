/**
 * The `/` filter of the TUI's lists (groups, diff sites, heap sites): a
 * regex over the function and file names of a row's stacks, its goroutines'
 * states (`/IO wait`) and their pprof labels (`/tenant=acme`).
 */
import type { Member } from '../analysis/members.js';

/**
 * The `/` filter as typed: a regex over function and file names, one per
 * line (so `^` and `$` anchor to a name), case-insensitive unless the
 * pattern has a capital letter (smart case, as in less and vim).
 */
export function compileFilter(text: string): { regex: RegExp | null; error: string | null } {
  if (text === '') return { regex: null, error: null };
  try {
    return { regex: new RegExp(text, /[A-Z]/.test(text) ? 'm' : 'im'), error: null };
  } catch (e) {
    return { regex: null, error: (e as Error).message };
  }
}

/** Distinct function names and files of some goroutines' stacks and creators, their states and labels (`key=value`), one per line (interned strings make the set small). */
export function searchTextOf(members: readonly Member[]): string {
  const seen = new Set<string>();
  for (const m of members) {
    for (const f of m.frames) {
      seen.add(f.func.full);
      seen.add(f.file);
    }
    if (m.createdBy !== null) {
      seen.add(m.createdBy.func.full);
      seen.add(m.createdBy.file);
    }
    if (m.state !== null) seen.add(m.state);
    if (m.labels !== null) for (const [k, v] of Object.entries(m.labels)) seen.add(`${k}=${v}`);
  }
  return [...seen].join('\n');
}

/** Indexes of the rows whose search text (searchTextOf) the `/` filter matches: all of them without a filter. */
export function passingFilter(searchText: readonly string[], filter: RegExp | null): number[] {
  const order: number[] = [];
  for (let i = 0; i < searchText.length; i++) {
    if (filter !== null) {
      filter.lastIndex = 0;
      if (!filter.test(searchText[i]!)) continue;
    }
    order.push(i);
  }
  return order;
}
