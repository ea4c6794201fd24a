/**
 * What makes a goroutine in one snapshot "the same" as one in another.
 * Every member gets two keys:
 *   exact  the --by key with what differs between processes removed
 *          (goroutine ids, pointer arguments, pc offsets are never in it)
 *   loose  the same key without file:line, so a site whose lines moved
 *          between builds (a deploy, a blank line added) can still be paired
 * What the snapshots cannot all tell is left out of both keys: a debug=1
 * profile has no `created by` and no arguments, so when one takes part, the
 * site key falls back to the entry function alone (and stacks lose args).
 */
import type { Frame } from '../model/frame.js';
import { entryFrame } from '../model/goroutine.js';
import type { Snapshot } from '../model/snapshot.js';
import type { FrameClassifier } from '../analysis/frames.js';
import { location } from '../analysis/keys.js';
import type { Member } from '../analysis/members.js';

/** The --by modes of `diff`: --group-by's, except state (a state is not a place in code). */
export type DiffBy = 'site' | 'stack' | 'top' | `label:${string}`;

export function isDiffBy(s: string): s is DiffBy {
  return s === 'site' || s === 'stack' || s === 'top' || (s.startsWith('label:') && s.length > 6);
}

/** What every snapshot of the comparison can tell, so keys only use that. */
export interface KeyDetail {
  /** Every snapshot has `created by` lines (traceback text). */
  readonly creators: boolean;
  /** Every snapshot prints call arguments (traceback text). */
  readonly args: boolean;
}

export function keyDetailOf(snapshots: readonly Snapshot[]): KeyDetail {
  const traceback = snapshots.every((s) => s.format === 'goroutine');
  return { creators: traceback, args: traceback };
}

export interface MemberKeys {
  readonly exact: string;
  readonly loose: string;
}

/**
 * The frames a member stands for, normalised: debug=1 profiles print the
 * main goroutine's `runtime.main` frame, which traceback text hides, so it
 * is dropped here; otherwise the main goroutine's entry would differ between
 * formats.
 */
export function normalFrames(m: Member): readonly Frame[] {
  const n = m.frames.length;
  return n > 1 && m.frames[n - 1]!.func.full === 'runtime.main' ? m.frames.slice(0, n - 1) : m.frames;
}

/** The function the goroutine runs (entryFrame: past goexit and go-statement wrappers), on the normalised frames. */
export function normalEntry(m: Member): Frame | null {
  return entryFrame(normalFrames(m));
}

/** Hex values this long are addresses that differ between runs; shorter ones are likely real values. */
const POINTER = /0x[0-9a-f]{5,}\??/g;

function creatorOf(m: Member, detail: KeyDetail): Frame | null {
  return detail.creators ? m.createdBy : null;
}

function siteKeys(m: Member, detail: KeyDetail): MemberKeys {
  const fn = normalEntry(m)?.func.full ?? '?';
  const creator = creatorOf(m, detail);
  if (creator === null) return { exact: fn, loose: fn };
  return { exact: `${fn} ← ${creator.func.full} ${location(creator)}`, loose: `${fn} ← ${creator.func.full}` };
}

function stackKeys(m: Member, detail: KeyDetail): MemberKeys {
  let exact = '';
  let loose = '';
  for (const f of normalFrames(m)) {
    const args = detail.args ? f.args.replace(POINTER, '*') : '';
    exact += `${f.func.full}(${args}) ${location(f)}\n`;
    loose += `${f.func.full}\n`;
  }
  const creator = creatorOf(m, detail);
  if (creator !== null) {
    exact += `created by ${creator.func.full} ${location(creator)}`;
    loose += `created by ${creator.func.full}`;
  }
  return { exact, loose };
}

export type KeysFunction = (m: Member) => MemberKeys;

/** The key pair of each member under one --by mode; `classifier` finds the top frame for `top`. */
export function keysFunction(by: DiffBy, detail: KeyDetail, classifier: FrameClassifier): KeysFunction {
  switch (by) {
    case 'site':
      return (m) => siteKeys(m, detail);
    case 'stack':
      return (m) => stackKeys(m, detail);
    case 'top':
      return (m) => {
        const f = classifier.topFrame(normalFrames(m));
        return f === null ? { exact: '?', loose: '?' } : { exact: `${f.func.full} ${location(f)}`, loose: f.func.full };
      };
    default: {
      const label = by.slice('label:'.length);
      return (m) => {
        const value = m.labels?.[label] ?? '(no label)';
        return { exact: value, loose: value };
      };
    }
  }
}
