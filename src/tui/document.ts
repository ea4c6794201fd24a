/**
 * Every view is a document: a few fixed heading lines and a body of lines
 * that scrolls under a cursor. Lines are produced on demand (`line(i)`), so
 * a group of 100,000 members costs nothing until its rows are on screen.
 * Text in segments is already escaped (escapeTerminal) by the view that
 * made it; styles are names, turned into colours by the renderer.
 */
import type { GroupBy } from '../analysis/keys.js';
import type { DiffBy } from '../diff/diff.js';
import { truncate } from '../render/table.js';

export type Style = 'plain' | 'bold' | 'dim' | 'user' | 'heading' | 'count' | 'accent' | 'warn' | 'bad' | 'good';

export interface Segment {
  readonly text: string;
  readonly style?: Style;
}

/** Where Enter (or `p`) on a line leads: indexes into the model's groups, diff sites or heap sites for that key. */
export type Target =
  | { readonly kind: 'group'; readonly by: GroupBy; readonly index: number }
  | { readonly kind: 'goroutine'; readonly id: number }
  | { readonly kind: 'diffSite'; readonly by: DiffBy; readonly index: number }
  | { readonly kind: 'heapSite'; readonly by: GroupBy; readonly index: number }
  | { readonly kind: 'contentionSite'; readonly by: GroupBy; readonly index: number }
  | { readonly kind: 'chain'; readonly site: string };

export interface Line {
  readonly segments: readonly Segment[];
  readonly target?: Target;
}

export interface Doc {
  /** Title bar text (escaped). */
  readonly title: string;
  /** Lines that stay on top while the body scrolls (column headings). */
  readonly fixed: readonly Line[];
  readonly length: number;
  line(i: number): Line;
  /** Body line the cursor starts on. */
  readonly initialCursor: number;
}

export function text(s: string, style?: Style): Segment {
  return style === undefined ? { text: s } : { text: s, style };
}

export function plainLine(s: string, style?: Style): Line {
  return { segments: [text(s, style)] };
}

export const BLANK: Line = { segments: [] };

/** A document over a fixed array of lines. */
export function arrayDoc(title: string, lines: readonly Line[], fixed: readonly Line[] = [], initialCursor = 0): Doc {
  return { title, fixed, length: lines.length, line: (i) => lines[i] ?? BLANK, initialCursor };
}

/** A document of `head` lines followed by `count` lines made on demand. */
export function lazyDoc(title: string, fixed: readonly Line[], head: readonly Line[], count: number, row: (i: number) => Line, initialCursor: number): Doc {
  return {
    title,
    fixed,
    length: head.length + count,
    line: (i) => (i < head.length ? head[i]! : row(i - head.length)),
    initialCursor,
  };
}

/** The first body line with a target at or after `from`, or -1. */
export function nextTarget(doc: Doc, from: number, limit = 10_000): number {
  for (let i = Math.max(0, from); i < doc.length && i < from + limit; i++) if (doc.line(i).target !== undefined) return i;
  return -1;
}

/** Cuts a line's segments to `width` columns, ending in an ellipsis when something was cut. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const s of segments) {
    const room = width - used;
    if (room <= 0) {
      // Something did not fit: make sure the last shown character says so.
      const last = out[out.length - 1];
      if (last !== undefined && !last.text.endsWith('…') && s.text !== '') out[out.length - 1] = { ...last, text: truncate(last.text + ' ', last.text.length) };
      break;
    }
    const cut = truncate(s.text, room);
    out.push(cut === s.text ? s : { ...s, text: cut });
    used += cut.length;
  }
  return out;
}

/** A share bar of `width` cells: full blocks and one partial eighth block. */
export function shareBar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partial = part === 0 ? '' : ' ▏▎▍▌▋▊▉'[part]!;
  return ('█'.repeat(full) + partial).padEnd(width, ' ');
}
