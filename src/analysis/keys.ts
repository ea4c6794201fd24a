/**
 * Group keys: what makes two goroutines "the same" for each --group-by mode.
 *   site   the function the goroutine runs plus the `go` statement that started it
 *   stack  identical stacks (and creator), at a --similarity level
 *   top    the first user frame (else the first outside the runtime)
 *   state  the wait reason
 *   label:KEY  the value of one pprof label
 */
import type { Frame, FunctionName } from '../model/frame.js';
import { entryFrame } from '../model/goroutine.js';
import type { FrameClassifier } from './frames.js';
import type { Member } from './members.js';

export type GroupBy = 'site' | 'stack' | 'top' | 'state' | `label:${string}`;
export type Similarity = 'exact' | 'pointers' | 'values';

export const GROUP_BY_MODES = ['site', 'stack', 'top', 'state', 'label:KEY'] as const;
export const SIMILARITIES: readonly Similarity[] = ['exact', 'pointers', 'values'];

export function isGroupBy(s: string): s is GroupBy {
  return s === 'site' || s === 'stack' || s === 'top' || s === 'state' || (s.startsWith('label:') && s.length > 6);
}

/** Hex values this long are addresses that differ between runs; shorter ones are likely real values. */
const POINTER = /0x[0-9a-f]{5,}/g;

function argsKey(args: string, similarity: Similarity): string {
  if (similarity === 'values') return '';
  return similarity === 'pointers' ? args.replace(POINTER, '*') : args;
}

export function location(f: Frame | null): string {
  return f === null ? '' : `${f.file}:${f.line}`;
}

export function entryOf(m: Member): Frame | null {
  return entryFrame(m.frames);
}

/** The creation site: entry function, and the `go` statement location when the dump has it. */
export function siteKey(m: Member): string {
  const entry = entryOf(m);
  const fn = entry?.func.full ?? '?';
  return m.createdBy === null ? fn : `${fn} @ ${location(m.createdBy)}`;
}

/**
 * siteKey with each key string made once per site: a stream folds 100k
 * goroutines into a few sites, and building and hashing a new string per
 * goroutine cost more than the rest of the fold. Looked up by the parts'
 * identity (interned names and paths), so the same site gives the same string.
 */
function siteKeyMemo(): (m: Member) => string {
  const sites = new Map<FunctionName | undefined, { bare?: string; at: Map<string, Map<number, string>> }>();
  return (m) => {
    const func = entryOf(m)?.func;
    let site = sites.get(func);
    if (site === undefined) {
      site = { at: new Map() };
      sites.set(func, site);
    }
    const c = m.createdBy;
    if (c === null) return (site.bare ??= siteKey(m));
    let lines = site.at.get(c.file);
    if (lines === undefined) {
      lines = new Map();
      site.at.set(c.file, lines);
    }
    let key = lines.get(c.line);
    if (key === undefined) {
      key = siteKey(m);
      lines.set(c.line, key);
    }
    return key;
  };
}

export function stackKey(m: Member, similarity: Similarity): string {
  let key = '';
  for (const f of m.frames) key += `${f.func.full}(${argsKey(f.args, similarity)}) ${f.file}:${f.line}\n`;
  if (m.createdBy !== null) key += `created by ${m.createdBy.func.full} ${location(m.createdBy)}`;
  return key;
}

export function keyFunction(by: GroupBy, similarity: Similarity, classifier: FrameClassifier): (m: Member) => string {
  switch (by) {
    case 'site':
      return siteKeyMemo();
    case 'stack':
      return (m) => stackKey(m, similarity);
    case 'top':
      return (m) => {
        const f = classifier.topFrame(m.frames);
        return f === null ? '?' : `${f.func.full} ${location(f)}`;
      };
    case 'state':
      return (m) => m.state ?? '(no state in debug=1 text)';
    default: {
      const label = by.slice('label:'.length);
      return (m) => m.labels?.[label] ?? '(no label)';
    }
  }
}
