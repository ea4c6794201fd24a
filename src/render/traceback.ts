/**
 * Writes a snapshot back as the text the runtime prints (`gdump --format
 * traceback`), so a dump filtered with --focus/--ignore can be handed to
 * other tools, or to gdump again: the output parses to the same model.
 * Goroutine dumps come out as debug=2 tracebacks, count profiles as debug=1
 * records. The text is the dump's own, unescaped, like JSON: it is data;
 * but a line break inside a field is written as an escape (it would forge
 * lines: a proto function name with newlines made 2 goroutines read back as
 * a million), and on a terminal every unsafe character is escaped.
 */
import { matchesFilter, type MemberFilter } from '../analysis/group.js';
import { goroutineMember, recordMember } from '../analysis/members.js';
import type { Frame } from '../model/frame.js';
import type { Ancestor, Goroutine, Labels } from '../model/goroutine.js';
import type { CountRecord } from '../model/record.js';
import type { CountFormat, GoroutineSnapshot } from '../model/snapshot.js';
import { appendAll } from '../lists.js';
import { escapeLineBreaks, escapeTerminalLine } from './escape.js';

/** Profile names of the count formats, as their header prints them. */
const COUNT_HEADERS: Record<CountFormat, string> = {
  'goroutine-debug1': 'goroutine',
  threadcreate: 'threadcreate',
  goroutineleak: 'goroutineleak',
};

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };

/** strconv.Quote for the label text: printable characters as they are, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const simple = GO_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if ((code >= 0x80 && code <= 0x9f) || code === 0xfffd || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

function labelText(labels: Labels, sep: string): string {
  return `{${Object.entries(labels).map(([k, v]) => `${goQuote(k)}:${sep}${goQuote(v)}`).join(', ')}}`;
}

/** `goroutine 7 gp=0xc0 m=nil [chan receive (durable), 12 minutes, locked to thread, synctest bubble 1 labels:{"k": "v"}]:` */
export function headerLine(g: Goroutine): string {
  const fields: string[] = [];
  const extra: string[] = [];
  for (const [k, v] of Object.entries(g.attributes)) {
    if (k === 'synctest bubble') continue;
    if (v === '') extra.push(k);
    else fields.push(`${k}=${v}`);
  }
  let inside = g.state + g.flags.map((f) => ` (${f})`).join('');
  if (g.waitMinutes !== null) inside += `, ${g.waitMinutes} minutes`;
  if (g.locked) inside += ', locked to thread';
  const bubble = g.attributes['synctest bubble'];
  if (bubble !== undefined) inside += `, synctest bubble ${bubble}`;
  for (const e of extra) inside += `, ${e}`;
  if (g.labels !== null) inside += ` labels:${labelText(g.labels, ' ')}`;
  return `goroutine ${g.id}${fields.map((f) => ' ' + f).join('')} [${inside}]:`;
}

function location(f: Frame): string[] {
  if (f.file === '' && f.line === 0) return [];
  let loc = `\t${f.file}:${f.line}`;
  if (f.pcOffset >= 0) loc += ` +0x${f.pcOffset.toString(16)}`;
  if (f.registers !== '') loc += ` ${f.registers}`;
  return [loc];
}

function stackLines(frames: readonly Frame[], elided: number, createdBy: Frame | null, parentId: number | null): string[] {
  const lines: string[] = [];
  for (const f of frames) appendAll(lines, [`${f.func.full}(${f.args})`, ...location(f)]);
  if (elided > 0) lines.push(`...${elided} frames elided...`);
  else if (elided < 0) lines.push('...additional frames elided...');
  if (createdBy !== null) appendAll(lines, [`created by ${createdBy.func.full}${parentId === null ? '' : ` in goroutine ${parentId}`}`, ...location(createdBy)]);
  return lines;
}

function ancestorLines(a: Ancestor): string[] {
  return [`[originating from goroutine ${a.id}]:`, ...stackLines(a.frames, 0, a.createdBy, a.parentId)];
}

/** One goroutine as the runtime prints it, without the blank line after it. */
export function goroutineText(g: Goroutine): string[] {
  const lines = [headerLine(g)];
  if (g.stackUnavailable) lines.push('\tgoroutine running on other thread; stack unavailable');
  appendAll(lines, stackLines(g.frames, g.elidedFrames, g.createdBy, g.parentId));
  for (const a of g.ancestors) appendAll(lines, ancestorLines(a));
  return lines;
}

/** One debug=1 record: `N @ pcs`, its labels, its `#` frames (the frame pcs are the record's, in order, when it has them). */
export function recordText(r: CountRecord): string[] {
  const lines = [`${r.count} @${r.pcs.map((pc) => ' ' + pc).join('')}`];
  if (r.labels !== null) lines.push(`# labels: ${labelText(r.labels, '')}`);
  r.frames.forEach((f, i) => {
    const at = f.pcOffset >= 0 ? `+0x${f.pcOffset.toString(16)}` : '';
    const where = f.file === '' ? '' : `\t${f.file}:${f.line}`;
    lines.push(`#\t${r.pcs[i] ?? '0x0'}\t${f.func.full}${at}${where}`);
  });
  return lines;
}

/** A snapshot as dump text: its messages, then the goroutines (or records) the filter keeps; `terminal`: escaped for one. */
export function renderTraceback(s: GoroutineSnapshot, filter: MemberFilter = {}, terminal = false): string {
  const out: string[] = [];
  // A message may span lines of the dump (`panic: … [recovered]` and the panic under it): its own line breaks stay.
  for (const m of s.messages) appendAll(out, [...m.split('\n'), '']);
  if (s.kind === 'count') {
    const records = s.records.filter((r) => matchesFilter(recordMember(r), filter));
    const total = records.length === s.records.length ? s.total : records.reduce((n, r) => n + r.count, 0);
    out.push(`${COUNT_HEADERS[s.format]} profile: total ${total}`);
    for (const r of records) appendAll(out, recordText(r)).push('');
  } else {
    for (const g of s.goroutines) if (matchesFilter(goroutineMember(g), filter)) appendAll(out, goroutineText(g)).push('');
  }
  return out.map(terminal ? escapeTerminalLine : escapeLineBreaks).join('\n') + '\n';
}
