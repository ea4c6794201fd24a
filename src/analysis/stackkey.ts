/**
 * Stack keys (--group-by stack, diff --by stack) without building a stack's
 * text per goroutine. keys.ts's stack key spells a whole stack out (every
 * frame's function, args and location) and the grouper hashed that string:
 * a 100k-goroutine dump built and dropped a kilobyte per goroutine, and ran
 * a RegExp over every frame's arguments at the pointers level. Here a
 * goroutine's stack is hashed from its frames' parts (interned names and
 * paths are hashed once each), its arguments normalised as they are read (no
 * string made), and the stack compared frame by frame with the one stack
 * already seen under that hash: only a stack never seen before gets its key
 * text, from keys.ts, once. The keys are the same strings, so output does
 * not change.
 */
import type { Frame } from '../model/frame.js';
import type { Member } from './members.js';

/** The similarity levels (keys.ts's Similarity; repeated here, as keys.ts imports this module). */
type Similarity = 'exact' | 'pointers' | 'values';

/**
 * Arguments as the similarity level compares them, one unit at a time: a
 * character code, or POINTER for a run that keys.ts's argsKey replaces by `*`
 * (`0x`, five or more lowercase hex digits, the whole run, and a `?` after it).
 */
const POINTER = -1;
const END = -2;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

/** Length of the pointer run at `i` (`0x` + ≥ 5 hex digits + an optional `?`), or 0. */
function pointerAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 48 || s.charCodeAt(i + 1) !== 120) return 0;
  let j = i + 2;
  while (j < s.length && isHex(s.charCodeAt(j))) j++;
  if (j - (i + 2) < 5) return 0;
  return (s.charCodeAt(j) === 63 ? j + 1 : j) - i;
}

/** Calls `unit` for each unit of `args` under `similarity`; values: none. */
function eachUnit(args: string, similarity: Similarity, unit: (u: number) => void): void {
  if (similarity === 'values') return;
  for (let i = 0; i < args.length; ) {
    const run = similarity === 'pointers' ? pointerAt(args, i) : 0;
    if (run > 0) {
      unit(POINTER);
      i += run;
    } else unit(args.charCodeAt(i++));
  }
}

/** Whether `a` and `b` are the same arguments at `similarity` (argsKey(a) === argsKey(b)), without making either. */
export function sameArgs(a: string, b: string, similarity: Similarity): boolean {
  if (similarity === 'values' || a === b) return true;
  if (similarity === 'exact') return false;
  let i = 0;
  let j = 0;
  for (;;) {
    const ra = i < a.length ? pointerAt(a, i) : 0;
    const rb = j < b.length ? pointerAt(b, j) : 0;
    const ua = i >= a.length ? END : ra > 0 ? POINTER : a.charCodeAt(i);
    const ub = j >= b.length ? END : rb > 0 ? POINTER : b.charCodeAt(j);
    if (ua !== ub) return false;
    if (ua === END) return true;
    i += ra > 0 ? ra : 1;
    j += rb > 0 ? rb : 1;
  }
}

function sameFrame(a: Frame, b: Frame, similarity: Similarity): boolean {
  if (a === b) return true;
  return a.line === b.line && a.file === b.file && a.func.full === b.func.full && sameArgs(a.args, b.args, similarity);
}

function sameCreator(a: Frame | null, b: Frame | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || (a.line === b.line && a.file === b.file && a.func.full === b.func.full);
}

/** What the stack key reads of a member: its (normalised) frames, and its creator when the key has creators. */
export interface StackParts {
  readonly frames: (m: Member) => readonly Frame[];
  readonly creators: boolean;
  readonly similarity: Similarity;
}

/** Whether two members have the same stack key. */
export function sameStack(a: Member, b: Member, parts: StackParts): boolean {
  const fa = parts.frames(a);
  const fb = parts.frames(b);
  if (fa.length !== fb.length || (parts.creators && !sameCreator(a.createdBy, b.createdBy))) return false;
  for (let i = 0; i < fa.length; i++) if (!sameFrame(fa[i]!, fb[i]!, parts.similarity)) return false;
  return true;
}

/** Two 32-bit FNV-style lanes, read as one 53-bit number. */
class StackHash {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  reset(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
  }

  add(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    this.b = Math.imul(this.b ^ x, 0x5bd1e995);
    this.b ^= this.b >>> 13;
  }

  value(): number {
    return (this.a >>> 0) * 2 ** 21 + (this.b >>> 11);
  }
}

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `spell`, the stack key, made once per distinct stack: equal stacks (sameStack) get the first one's string. */
export function memoStackKey(spell: (m: Member) => string, parts: StackParts): (m: Member) => string {
  const similarity = parts.similarity;
  /** Hashes of interned strings (function names, paths): few, each hashed once. */
  const strings = new Map<string, number>();
  const hashOf = (s: string): number => {
    let h = strings.get(s);
    if (h === undefined) {
      h = stringHash(s);
      strings.set(s, h);
    }
    return h;
  };
  /** Stack hash → the stacks seen with it (almost always one), each with its key. */
  const seen = new Map<number, { member: Member; key: string }[]>();
  const hash = new StackHash();
  const addUnit = (u: number): void => hash.add(u);
  return (m) => {
    const h = hash;
    h.reset();
    for (const f of parts.frames(m)) {
      h.add(hashOf(f.func.full));
      eachUnit(f.args, similarity, addUnit);
      h.add(hashOf(f.file));
      h.add(f.line);
    }
    const c = parts.creators ? m.createdBy : null;
    if (c !== null) {
      h.add(hashOf(c.func.full));
      h.add(hashOf(c.file));
      h.add(c.line);
    }
    const value = h.value();
    let stacks = seen.get(value);
    if (stacks === undefined) {
      stacks = [];
      seen.set(value, stacks);
    }
    for (const s of stacks) if (sameStack(s.member, m, parts)) return s.key;
    const key = spell(m);
    stacks.push({ member: m, key });
    return key;
  };
}
