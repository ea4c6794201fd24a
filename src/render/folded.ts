/**
 * Brendan Gregg's folded stacks, the input of flamegraph.pl, inferno and
 * speedscope: one line per distinct stack, functions root first joined by
 * `;`, a space, and the stack's value. Lines are sorted (what
 * stackcollapse scripts print) and stacks with a zero value are left out
 * (a flame graph cannot draw them); a goroutine without a printed stack is
 * counted under `(stack unavailable)`.
 */
import type { Frame } from '../model/frame.js';
import type { StackProfile } from '../analysis/stacks.js';
import { escapeTerminal } from './escape.js';

/** A function name as one folded field: no `;` (the separator) and no control characters (the line's end). */
function foldedName(f: Frame): string {
  return escapeTerminal(f.func.full).replaceAll(';', ':');
}

const NO_STACK = '(stack unavailable)';

/** The folded lines of `profile`, weighing each stack by its value at `valueIndex`. */
export function foldedLines(profile: StackProfile, valueIndex: number = profile.defaultType): string[] {
  const sums = new Map<string, number>();
  for (const s of profile.stacks) {
    const value = s.values[valueIndex] ?? 0;
    if (value === 0) continue;
    const names: string[] = [];
    for (let i = s.frames.length - 1; i >= 0; i--) names.push(foldedName(s.frames[i]!));
    // A goroutine whose stack the runtime could not print still counts.
    const key = names.length > 0 ? names.join(';') : NO_STACK;
    sums.set(key, (sums.get(key) ?? 0) + value);
  }
  return [...sums.keys()].sort().map((k) => `${k} ${sums.get(k)!}`);
}

export function renderFolded(profile: StackProfile, valueIndex?: number): string {
  const lines = foldedLines(profile, valueIndex);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
