/**
 * Which goroutines (or profile records) a report keeps: --focus, --ignore,
 * --state, --min-wait. The function filters match the function a goroutine
 * runs (its entry, the bottom frame), the one it waits in (its first frame
 * outside the runtime) and the one that started it (`created by`), not any
 * frame: every parked goroutine has
 * `runtime.gopark` on its stack, so "any frame" made `--ignore '^runtime\.'`
 * drop everything.
 */
import type { Frame } from '../model/frame.js';
import { entryFrame } from '../model/goroutine.js';
import { isRuntimePackage } from './frames.js';
import type { Member } from './members.js';

export interface MemberFilter {
  /** Keep members whose entry or waiting function matches. */
  focus?: RegExp;
  /** Drop members whose entry or waiting function matches. */
  ignore?: RegExp;
  /** Keep members whose state (wait reason) matches. */
  state?: RegExp;
  /** Keep members that had waited at least this many minutes (the runtime prints ages from 1 minute). */
  minWait?: number;
}

/** The first frame (leaf side) outside the runtime: the function the goroutine waits or runs in. */
export function waitingFrame(frames: readonly Frame[]): Frame | null {
  for (const f of frames) if (!isRuntimePackage(f.func.pkg)) return f;
  return null;
}

/** The functions the name filters look at: the entry, the waiting function and the creator. */
export function filteredFunctions(m: Pick<Member, 'frames' | 'createdBy'>): string[] {
  const names: string[] = [];
  const entry = entryFrame(m.frames);
  const waiting = waitingFrame(m.frames);
  if (entry !== null) names.push(entry.func.full);
  if (waiting !== null && waiting !== entry) names.push(waiting.func.full);
  if (m.createdBy !== null) names.push(m.createdBy.func.full);
  return names;
}

export function matchesFilter(m: Member, filter: MemberFilter): boolean {
  if (filter.focus !== undefined || filter.ignore !== undefined) {
    const names = filteredFunctions(m);
    if (filter.focus !== undefined && !names.some((n) => filter.focus!.test(n))) return false;
    if (filter.ignore !== undefined && names.some((n) => filter.ignore!.test(n))) return false;
  }
  if (filter.state !== undefined && (m.state === null || !filter.state.test(m.state))) return false;
  if (filter.minWait !== undefined && filter.minWait > 0 && (m.waitMinutes ?? 0) < filter.minWait) return false;
  return true;
}

export function isFiltering(filter: MemberFilter | undefined): boolean {
  return filter !== undefined && (filter.focus !== undefined || filter.ignore !== undefined || filter.state !== undefined || (filter.minWait ?? 0) > 0);
}

/** Why a filter can leave nothing, for the line under an empty report. */
export const FILTER_HINT =
  '--focus and --ignore match the function a goroutine runs (its bottom frame), the first function outside the runtime it is in and its creator, not every frame; --state matches the wait reason; --min-wait the age the runtime printed';
