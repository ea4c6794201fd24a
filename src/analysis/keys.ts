/**
 * Group keys: what makes two goroutines (or profile records) "the same", for
 * each --group-by mode. One module for every use: `gdump --json`, `gdump diff
 * --json`, the TUI and watch all spell a site's key the same way (README
 * "JSON output").
 *   site   the function the goroutine runs ← the function holding the `go` statement, and its file:line
 *          (`main.watchZkName ← main.FetchZkName /srv/main.go:170`)
 *   stack  identical stacks (and creator), at a --similarity level
 *   top    the first user frame (else the first outside the runtime), and its file:line
 *   state  the wait reason
 *   label:KEY  the value of one pprof label
 *
 * Every key has a loose form without file:line, which pairs a site whose
 * lines moved between two builds (src/diff). Goroutine ids, pointer
 * arguments and pc offsets are never part of a key.
 */
import type { Frame, FunctionName } from '../model/frame.js';
import { entryFrame, type Creation } from '../model/goroutine.js';
import type { FrameClassifier } from './frames.js';
import type { Member } from './members.js';
import { memoStackKey } from './stackkey.js';

export type GroupBy = 'site' | 'stack' | 'top' | 'state' | `label:${string}`;
export type Similarity = 'exact' | 'pointers' | 'values';

export const GROUP_BY_MODES = ['site', 'stack', 'top', 'state', 'label:KEY'] as const;
export const SIMILARITIES: readonly Similarity[] = ['exact', 'pointers', 'values'];

export function isGroupBy(s: string): s is GroupBy {
  return s === 'site' || s === 'stack' || s === 'top' || s === 'state' || (s.startsWith('label:') && s.length > 6);
}

/** Hex values this long are addresses that differ between runs; shorter ones are likely real values. `?` marks a value the runtime was unsure of. */
const POINTER = /0x[0-9a-f]{5,}\??/g;

export function location(f: Frame | null): string {
  return f === null ? '' : `${f.file}:${f.line}`;
}

/**
 * The frames a member stands for, normalised: count profiles print the main
 * goroutine's `runtime.main` frame, which traceback text hides, so it is
 * dropped here; otherwise the main goroutine's site would differ between
 * formats.
 */
export function normalFrames(m: Pick<Member, 'frames'>): readonly Frame[] {
  const n = m.frames.length;
  return n > 1 && m.frames[n - 1]!.func.full === 'runtime.main' ? m.frames.slice(0, n - 1) : m.frames;
}

/** The function a member runs: its bottom frame past goexit, go-statement wrappers and runtime.main (normalFrames). */
export function entryOf(m: Pick<Member, 'frames'> & Creation): Frame | null {
  return entryFrame(normalFrames(m), m);
}

/**
 * The site key of a stack and its `go` statement (`created by` frame), as
 * --group-by site spells it: also for stacks that are not members, such as
 * the ancestor blocks of GODEBUG=tracebackancestors (the spawn tree).
 */
export function siteKeyOf(frames: readonly Frame[], createdBy: Frame | null, parentId?: number | null): string {
  const fn = entryOf({ frames, createdBy, parentId })?.func.full ?? '?';
  return createdBy === null ? fn : `${fn} ← ${createdBy.func.full} ${location(createdBy)}`;
}

/** What the keys may use: what every snapshot being compared can tell. */
export interface KeyOptions {
  /** For stack keys: exact | pointers (pointer arguments masked) | values (no arguments). */
  readonly similarity: Similarity;
  /** Whether `created by` is part of site and stack keys: false when a snapshot has none to give (debug=1). */
  readonly creators: boolean;
  /** Finds the top frame for `top`. */
  readonly classifier: FrameClassifier;
}

/** A member's key, and its loose form (no file:line) that pairs moved sites. */
export interface KeyFunctions {
  readonly exact: (m: Member) => string;
  readonly loose: (m: Member) => string;
}

function argsKey(args: string, similarity: Similarity): string {
  if (similarity === 'values') return '';
  return similarity === 'pointers' ? args.replace(POINTER, '*') : args;
}

function siteKeys(creators: boolean): KeyFunctions {
  /**
   * Each key string is made once per site: a stream folds 100k goroutines
   * into a few sites, and building and hashing a new string per goroutine
   * cost more than the rest of the fold. Looked up by the parts' identity
   * (interned names and paths), so the same site gives the same string.
   */
  const exact = new Map<FunctionName | undefined, { bare?: string; at: Map<Frame['func'], Map<string, Map<number, string>>> }>();
  return {
    exact: (m) => {
      const func = entryOf(m)?.func;
      let site = exact.get(func);
      if (site === undefined) exact.set(func, (site = { at: new Map() }));
      const c = creators ? m.createdBy : null;
      if (c === null) return (site.bare ??= func?.full ?? '?');
      let files = site.at.get(c.func);
      if (files === undefined) site.at.set(c.func, (files = new Map()));
      let lines = files.get(c.file);
      if (lines === undefined) files.set(c.file, (lines = new Map()));
      let key = lines.get(c.line);
      if (key === undefined) lines.set(c.line, (key = siteKeyOf(m.frames, c, m.parentId)));
      return key;
    },
    loose: (m) => {
      const fn = entryOf(m)?.func.full ?? '?';
      const c = creators ? m.createdBy : null;
      return c === null ? fn : `${fn} ← ${c.func.full}`;
    },
  };
}

export function stackKeys(similarity: Similarity, creators: boolean): KeyFunctions {
  return {
    exact: (m) => {
      let key = '';
      for (const f of normalFrames(m)) key += `${f.func.full}(${argsKey(f.args, similarity)}) ${location(f)}\n`;
      if (creators && m.createdBy !== null) key += `created by ${m.createdBy.func.full} ${location(m.createdBy)}`;
      return key;
    },
    loose: (m) => {
      let key = '';
      for (const f of normalFrames(m)) key += `${f.func.full}\n`;
      if (creators && m.createdBy !== null) key += `created by ${m.createdBy.func.full}`;
      return key;
    },
  };
}

function sameKeys(key: (m: Member) => string): KeyFunctions {
  return { exact: key, loose: key };
}

/** The key functions of one --group-by mode. */
export function keyFunctions(by: GroupBy, o: KeyOptions): KeyFunctions {
  switch (by) {
    case 'site':
      return siteKeys(o.creators);
    case 'stack': {
      const keys = stackKeys(o.similarity, o.creators);
      return { exact: memoStackKey(keys.exact, { frames: normalFrames, creators: o.creators, similarity: o.similarity }), loose: keys.loose };
    }
    case 'top':
      return {
        exact: (m) => {
          const f = o.classifier.topFrame(normalFrames(m));
          return f === null ? '?' : `${f.func.full} ${location(f)}`;
        },
        loose: (m) => o.classifier.topFrame(normalFrames(m))?.func.full ?? '?',
      };
    case 'state':
      return sameKeys((m) => m.state ?? '(no state in debug=1 text)');
    default: {
      const label = by.slice('label:'.length);
      return sameKeys((m) => m.labels?.[label] ?? '(no label)');
    }
  }
}
