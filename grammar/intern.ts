/**
 * String interning for names that repeat across goroutines (function names,
 * file paths). Substrings of a big input keep the whole input alive in V8;
 * an interned copy is flat, so only the distinct names stay in memory.
 *
 * Lookups take a range of the chunk text and hash it in place, so the hot
 * path (two lookups per frame) cuts no string unless the name is new.
 */
import { splitFunctionName, type FunctionName } from '../src/model/frame.js';

/** A flat copy: a slice of the chunk would keep the whole chunk alive. */
export function flatCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** FNV-1a over the UTF-16 code units of [start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** text[start, end) is `s`: a slice and a native comparison, many times faster than startsWith at an offset. */
export function sameText(s: string, text: string, start: number, end: number): boolean {
  return s.length === end - start && text.slice(start, end) === s;
}

interface Entry<V> {
  text: string;
  value: V;
}

const RECENT = 4096;

/**
 * A cheap slot for a range: its length and five of its characters. Names
 * that repeat (most of them) are found there and confirmed by one native
 * comparison, without hashing every character.
 */
function recentSlot(text: string, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  const h = n * 31 + text.charCodeAt(end - 1) * 961 + text.charCodeAt(end - 1 - (n >> 2)) * 29791;
  return (h + text.charCodeAt(start + (n >> 1)) * 17 + text.charCodeAt(start + (n >> 2)) * 7 + text.charCodeAt(end - 2 < start ? start : end - 2)) & (RECENT - 1);
}

/** A table of distinct values keyed by their text, looked up by a range of another string. */
class RangeTable<V> {
  /** Hash → the values with that hash (almost always one). */
  private readonly byHash = new Map<number, Entry<V>[]>();
  private readonly recent: (Entry<V> | undefined)[] = new Array<Entry<V> | undefined>(RECENT).fill(undefined);

  constructor(private readonly make: (flat: string) => V) {}

  get(text: string, start: number, end: number): V {
    const slot = recentSlot(text, start, end);
    const seen = this.recent[slot];
    if (seen !== undefined && sameText(seen.text, text, start, end)) return seen.value;
    const e = this.lookup(text, start, end);
    this.recent[slot] = e;
    return e.value;
  }

  private lookup(text: string, start: number, end: number): Entry<V> {
    const h = hashRange(text, start, end);
    let bucket = this.byHash.get(h);
    if (bucket !== undefined) {
      for (const e of bucket) if (sameText(e.text, text, start, end)) return e;
    } else {
      bucket = [];
      this.byHash.set(h, bucket);
    }
    const flat = flatCopy(text.slice(start, end));
    const e = { text: flat, value: this.make(flat) };
    bucket.push(e);
    return e;
  }
}

export class Interner {
  private readonly strings = new RangeTable<string>((s) => s);
  private readonly functions = new RangeTable<FunctionName>(splitFunctionName);

  /** The interned copy of text[start, end) (the whole string by default). */
  string(text: string, start = 0, end = text.length): string {
    return this.strings.get(text, start, end);
  }

  /** The split, interned function name of text[start, end) (the whole string by default). */
  functionName(text: string, start = 0, end = text.length): FunctionName {
    return this.functions.get(text, start, end);
  }
}
