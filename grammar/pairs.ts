/**
 * Frames shared across goroutines. A big dump repeats the same frames over
 * and over (100k goroutines started by a handful of `go` statements), and a
 * frame is two adjacent lines: the call (or `created by`) line and its
 * location line. Both lines' text is one contiguous range of the chunk, so a
 * frame seen before is found by that range: the lexer then gives the two
 * lines their kinds without classifying them, and the parser takes the
 * frame without reading its fields or allocating, so goroutines share
 * Frame objects.
 *
 * The table is a bounded, two-way set-associative cache, not a map: a dump
 * whose frames all differ (pointer arguments) keeps a few thousand recent
 * pairs, never one per goroutine. A miss only costs a fresh read.
 */
import type { TokenType } from 'chevrotain';
import type { Frame } from '../src/model/frame.js';
import { flatCopy, sameText } from './intern.js';

export interface FramePair {
  /** The two lines as they appeared, joined by their line break. */
  readonly text: string;
  /** The first line's token type (CallLine or CreatedByLine); the second is always a LocationLine. */
  readonly first: TokenType;
  readonly frame: Frame;
  /** `created by … in goroutine N`: N; null for call lines and older creator lines. */
  readonly parentId: number | null;
}

const SLOTS = 1 << 13;

/**
 * A cheap hash of text[start, end): its length and a few characters, most
 * near the end, where repeated frames differ (line number, pc offset). Two
 * frames that collide only cost a miss.
 */
function slotOf(text: string, start: number, end: number): number {
  const n = end - start;
  if (n < 16) return (n << 1) & (SLOTS - 2);
  let h = Math.imul(n, 0x9e3779b1);
  h = Math.imul(h ^ text.charCodeAt(end - 1), 31) + text.charCodeAt(end - 2);
  h = Math.imul(h ^ text.charCodeAt(end - 4), 31) + text.charCodeAt(end - 7);
  h = Math.imul(h ^ text.charCodeAt(end - 10), 31) + text.charCodeAt(end - 13);
  h = Math.imul(h ^ text.charCodeAt(start + (n >> 1)), 31) + text.charCodeAt(start + (n >> 2));
  h ^= h >>> 15;
  return (Math.imul(h, 0x2c1b3c6d) >>> 18) & (SLOTS - 2);
}

export class FramePairs {
  /** Sets of two: slot (most recent) and slot + 1. */
  private readonly table: (FramePair | undefined)[] = new Array<FramePair | undefined>(SLOTS).fill(undefined);

  /** The pair whose text is text[start, end), or undefined. */
  find(text: string, start: number, end: number): FramePair | undefined {
    const slot = slotOf(text, start, end);
    const a = this.table[slot];
    if (a !== undefined && sameText(a.text, text, start, end)) return a;
    const b = this.table[slot + 1];
    if (b !== undefined && sameText(b.text, text, start, end)) return b;
    return undefined;
  }

  /** Remembers the frame read from text[start, end) (two lines; only frames read without a warning). */
  add(text: string, start: number, end: number, first: TokenType, frame: Frame, parentId: number | null): void {
    const slot = slotOf(text, start, end);
    this.table[slot + 1] = this.table[slot];
    this.table[slot] = { text: flatCopy(text.slice(start, end)), first, frame, parentId };
  }
}
