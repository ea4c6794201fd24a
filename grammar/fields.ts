/**
 * Reads the fields of one line whose kind is already known (lines.ts). These
 * are the embedded actions' helpers: plain scans over the line text, no
 * regular expressions on the per-frame path. Each returns null when the line
 * does not hold what its kind promised, so the caller can warn and go on.
 */
import type { Frame, FunctionName } from '../src/model/frame.js';
import type { Labels } from '../src/model/goroutine.js';
import { flatCopy, type Interner } from './intern.js';

/** V8 copies slices shorter than this (SlicedString::kMinLength); longer ones point into their parent string. */
const SLICE_MIN = 13;
import { findIn, headerStart, lastIn, locationStop } from './lines.js';
import { readLabels } from './labels.js';

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads a decimal integer at `at` (before `end`); returns [value, end] or null. */
function readInt(text: string, at: number, end = text.length): [number, number] | null {
  let i = at;
  let v = 0;
  while (i < end && isDigitCode(text.charCodeAt(i))) {
    v = v * 10 + (text.charCodeAt(i) - 48);
    i++;
  }
  return i === at ? null : [v, i];
}

export interface CallFields {
  func: FunctionName;
  args: string;
}

/** `net/http.(*conn).serve(0xc000010000, {0x5?, 0x2?})` in text[start, end) → name and argument text. */
export function readCall(text: string, start: number, end: number, names: Interner): CallFields | null {
  const open = lastIn(text, 40 /* ( */, start, end);
  if (open <= start || text.charCodeAt(end - 1) !== 41 /* ) */) return null;
  // Arguments are copied: a frame is shared and cached (pairs.ts), and a slice would hold the whole chunk in memory.
  return { func: names.functionName(text, start, open), args: end - 1 - (open + 1) < SLICE_MIN ? text.slice(open + 1, end - 1) : flatCopy(text.slice(open + 1, end - 1)) };
}

export interface LocationFields {
  file: string;
  line: number;
  pcOffset: number;
  registers: string;
}

/** `\t/x/y.go:12 +0x1d fp=0xc0 sp=0xc0 pc=0x4a` in text[start, end) → file, line, offset, register suffix. */
export function readLocation(text: string, start: number, end: number, names: Interner): LocationFields | null {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 9 || text.charCodeAt(i) === 32)) i++;
  const stop = locationStop(text, i, end);
  const colon = lastIn(text, 58 /* : */, i, stop);
  if (colon <= i) return null;
  const lineNo = readInt(text, colon + 1, stop);
  if (lineNo === null || lineNo[1] !== stop) return null;
  let pcOffset = -1;
  let registers = '';
  if (stop < end) {
    let at = stop;
    if (text.startsWith(' +0x', at)) {
      pcOffset = 0;
      at += 4;
      for (; at < end; at++) {
        const d = hexDigit(text.charCodeAt(at));
        if (d < 0) break;
        pcOffset = pcOffset * 16 + d;
      }
      if (at === stop + 4) pcOffset = -1;
    }
    const fp = findIn(text, ' fp=', at, end);
    if (fp >= 0) registers = text.slice(fp + 1, end);
  }
  return { file: names.string(text, i, colon), line: lineNo[0], pcOffset, registers };
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export function makeFrame(call: CallFields, loc: LocationFields | null): Frame {
  return {
    func: call.func,
    args: call.args,
    file: loc?.file ?? '',
    line: loc?.line ?? 0,
    pcOffset: loc?.pcOffset ?? -1,
    inlined: call.args === '...' && (loc === null || loc.pcOffset < 0),
    registers: loc?.registers ?? '',
  };
}

export interface CreatedByFields {
  func: FunctionName;
  parentId: number | null;
}

/** `created by main.fetchName in goroutine 6` (1.21+) or `created by main.fetchName` (≤1.20), in text[start, end). */
export function readCreatedBy(text: string, start: number, end: number, names: Interner): CreatedByFields | null {
  const from = start + 'created by '.length;
  let inG = -1;
  for (let at = findIn(text, ' in goroutine ', from, end); at >= 0; at = findIn(text, ' in goroutine ', at + 1, end)) inG = at;
  if (inG < 0) {
    return end > from && findIn(text, ' ', from, end) < 0 ? { func: names.functionName(text, from, end), parentId: null } : null;
  }
  const id = readInt(text, inG + ' in goroutine '.length, end);
  if (id === null) return null;
  return { func: names.functionName(text, from, inG), parentId: id[0] };
}

/** `...53 frames elided...` → 53; `...additional frames elided...` → -1 (count unknown). */
export function readElided(text: string): number {
  const n = readInt(text, 3);
  return n === null ? -1 : n[0];
}

/** `[originating from goroutine 5]:` → 5. */
export function readAncestorId(text: string): number | null {
  const n = readInt(text, '[originating from goroutine '.length);
  return n === null ? null : n[0];
}

export interface HeaderFields {
  /** Text glued before the header on the same line (`…dumping all stacks`). */
  prefix: string;
  id: number;
  state: string;
  waitMinutes: number | null;
  locked: boolean;
  flags: string[];
  attributes: Record<string, string>;
  labels: Labels | null;
}

/** Parenthesised header flags that are not part of a wait reason (traceback.go goroutineheader). */
const HEADER_FLAGS = new Set(['scan', 'durable', 'leaked']);

/** Splits on `, ` outside braces and quotes. */
function splitParts(text: string): string[] {
  if (!text.includes(', ')) return [text];
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0 && text[i + 1] === ' ') {
      parts.push(text.slice(from, i));
      from = i + 2;
      i++;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * `goroutine 7 gp=0xc0 m=0 mp=0xb0 [chan receive (durable), 12 minutes, locked to thread, synctest bubble 1 labels:{"k": "v"}]:`
 * Unknown parts are kept in `attributes` under their own text.
 */
export function readHeader(text: string, names: Interner | null = null): HeaderFields | null {
  const at = headerStart(text, 0, text.length);
  if (at < 0) return null;
  const id = readInt(text, at + 'goroutine '.length);
  if (id === null) return null;
  const open = text.indexOf('[', id[1]);
  const close = text.lastIndexOf(']');
  if (open < 0 || close < open) return null;
  const attributes: Record<string, string> = {};
  // `goroutine 7 [`: no fields between the id and the bracket (all but GOTRACEBACK=system dumps).
  if (open > id[1] + 1) for (const field of text.slice(id[1], open).trim().split(' ')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    if (eq > 0) attributes[field.slice(0, eq)] = field.slice(eq + 1);
    else attributes[field] = '';
  }
  let inside = text.slice(open + 1, close);
  let labels: Labels | null = null;
  const labelsAt = inside.indexOf(' labels:{');
  if (labelsAt >= 0) {
    const parsed = readLabels(inside, labelsAt + ' labels:'.length);
    if (parsed !== null) {
      labels = parsed.labels;
      inside = inside.slice(0, labelsAt) + inside.slice(parsed.end);
    }
  }
  const parts = splitParts(inside);
  let state = parts[0]!.trim();
  const flags: string[] = [];
  while (state.endsWith(')')) {
    const m = / \(([a-z]+)\)$/.exec(state);
    if (m === null || !HEADER_FLAGS.has(m[1]!)) break;
    flags.unshift(m[1]!);
    state = state.slice(0, m.index);
  }
  let waitMinutes: number | null = null;
  let locked = false;
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k]!.trim();
    const minutes = / ?(\d+) minutes?$/.exec(part);
    if (minutes !== null && minutes.index === 0) waitMinutes = Number(minutes[1]);
    else if (part === 'locked to thread') locked = true;
    else if (part.startsWith('synctest bubble ')) attributes['synctest bubble'] = part.slice(16);
    else if (part !== '') attributes[part] = '';
  }
  // Interned: a state kept by a group would otherwise be a slice holding the whole chunk in memory.
  return { prefix: text.slice(0, at), id: id[0], state: names === null ? state : names.string(state), waitMinutes, locked, flags, attributes, labels };
}

/** `goroutine profile: total 414` → kind and total; `--- mutex:` → kind. */
export interface ProfileHeaderFields {
  name: string;
  total: number | null;
  rest: string;
}

export function readProfileHeader(text: string): ProfileHeaderFields {
  if (text.startsWith('--- ')) return { name: text.slice(4, text.length - 1).trim(), total: null, rest: '' };
  const p = text.indexOf(' profile: ');
  const name = text.slice(0, p);
  const rest = text.slice(p + ' profile: '.length);
  const total = rest.startsWith('total ') ? readInt(rest, 6) : null;
  return { name, total: total === null ? null : total[0], rest };
}

/** `395 @ 0x43a1b6 0x44b0c5` → count and pcs (the values before `@` are returned as numbers). */
export function readRecord(text: string): { values: number[]; pcs: string[] } | null {
  const at = text.indexOf(' @');
  const values: number[] = [];
  for (const v of text.slice(0, at).split(/[\s:[\]]+/)) {
    if (v === '') continue;
    const n = Number(v);
    if (!Number.isFinite(n)) return null;
    values.push(n);
  }
  const pcs = text.slice(at + 2).trim();
  return { values, pcs: pcs === '' ? [] : pcs.split(/\s+/) };
}

/** `#\t0x6a2f30\tmain.fetchName.func2+0x50\t/srv/app/main.go:96`, or a bare `#\t0x6a2f30`. */
export function readProfileFrame(text: string, names: Interner): Frame | null {
  const fields = text.slice(1).trim().split(/[\t ]+/);
  if (fields.length < 3) {
    // Unsymbolized (`#\t0x4a`, threadcreate's `#\t0x0`): the pc stands for the function.
    if (!fields[0]?.startsWith('0x')) return null;
    return { func: names.functionName(fields[0]), args: '', file: '', line: 0, pcOffset: -1, inlined: false, registers: '' };
  }
  const fn = fields[1]!;
  const plus = fn.lastIndexOf('+0x');
  const where = fields.slice(2).join(' ');
  const colon = where.lastIndexOf(':');
  const lineNo = colon > 0 ? readInt(where, colon + 1) : null;
  return {
    func: names.functionName(plus > 0 ? fn.slice(0, plus) : fn),
    args: '',
    file: names.string(colon > 0 ? where.slice(0, colon) : where),
    line: lineNo === null ? 0 : lineNo[0],
    pcOffset: plus > 0 ? parseInt(fn.slice(plus + 3), 16) : -1,
    inlined: false,
    registers: '',
  };
}

/** `# labels: {"worker":"zk"}` */
export function readProfileLabels(text: string): Labels | null {
  const brace = text.indexOf('{');
  if (brace < 0) return null;
  return readLabels(text, brace)?.labels ?? null;
}
