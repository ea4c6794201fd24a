/**
 * The human report of one snapshot: a summary line, the groups biggest
 * first, then the stacks of the biggest groups with the user's frames
 * highlighted and the runtime's dimmed. The answer is on the first screen.
 */
import type { Frame } from '../model/frame.js';
import { skippedCount, type LineRange, type Snapshot, type Warning } from '../model/snapshot.js';
import type { FrameClassifier } from '../analysis/frames.js';
import type { Group } from '../analysis/group.js';
import { entryOf, type GroupBy } from '../analysis/keys.js';
import { escapeTerminal } from './escape.js';
import { waitRange } from '../analysis/wait.js';
import type { Linker } from './hyperlinks.js';
import type { Palette } from './palette.js';
import type { PathShortener } from './paths.js';
import { renderTable, truncate, type Cell } from './table.js';
import { formatShare, groupDigits } from '../text/numbers.js';
import { appendAll } from '../lists.js';

export interface TextOptions {
  palette: Palette;
  paths: PathShortener;
  classifier: FrameClassifier;
  groupBy: GroupBy;
  /** Rows in the table; 0 for all. */
  top: number;
  /** Groups whose stacks are printed under the table. */
  stacks: number;
  /** Terminal width, or null for no truncation (pipes). */
  width: number | null;
  /** Name of the input, for the summary line. */
  source: string;
  /** Sections above the table (the likely leaks) and after the stacks (the spawn tree), each a list of lines. */
  above?: readonly string[];
  below?: readonly string[];
  /** Read from a binary (debug=0) profile rather than text. */
  binary?: boolean;
  /** OSC 8 links on frame locations (--hyperlinks), or none. */
  link?: Linker | null;
  /** The runtime's own goroutines, folded out of `groups` into one row (analysis/runtime-fold.ts). */
  runtime?: { group: Group; groups: number } | null;
}

const FORMAT_NAMES: Record<string, string> = {
  goroutine: 'goroutine dump',
  'goroutine-debug1': 'goroutine profile (debug=1)',
  threadcreate: 'threadcreate profile',
  goroutineleak: 'goroutine leak profile',
};

export function plural(n: number, word: string): string {
  return `${groupDigits(n)} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStates(states: Map<string, number>): string {
  if (states.size === 0) return '';
  const sorted = [...states].sort((a, b) => b[1] - a[1]);
  if (sorted.length === 1) return escapeTerminal(sorted[0]![0]);
  return sorted.map(([s, n]) => `${escapeTerminal(s)} ${n}`).join(', ');
}

/** `12 min`, `3-12 min`, `<1-12 min` (some had waited under a minute: no age printed); empty when none had an age. */
export function formatWait(min: number | null, max: number | null): string {
  const range = waitRange(min, max);
  return range === '' ? '' : `${range} min`;
}

export function formatRanges(ranges: readonly LineRange[], limit = 6): string {
  const parts = ranges.slice(0, limit).map((r) => (r.first === r.last ? `${r.first}` : `${r.first}-${r.last}`));
  if (ranges.length > limit) parts.push(`… (${ranges.length - limit} more ranges)`);
  return parts.join(', ');
}

/**
 * A frame the runtime wrote as a bare `0x0`: threadcreate records threads
 * the runtime started with no stack it could record (all 32 pcs zero).
 */
function isUnrecorded(f: Frame): boolean {
  return f.file === '' && /^0x0+$/.test(f.func.full);
}

/** What a group is, in one line: its site, stack head, state or label value. */
export function groupTitle(g: Group, o: Pick<TextOptions, 'groupBy' | 'classifier' | 'paths'>): string {
  const m = g.representative;
  if (o.groupBy === 'state' || o.groupBy.startsWith('label:')) return escapeTerminal(g.key);
  const head = o.groupBy === 'top' ? o.classifier.topFrame(m.frames) : o.groupBy === 'stack' ? m.frames[0] ?? null : entryOf(m);
  let text = head === null ? '(no frames)' : isUnrecorded(head) ? '(no stack recorded)' : escapeTerminal(head.func.full);
  if (o.groupBy !== 'site' && head !== null) text += ` ${escapeTerminal(o.paths.where(head))}`;
  // By top frame, the group is that frame: goroutines from several `go` statements share it, so no creator is named.
  if (m.createdBy !== null && o.groupBy !== 'top') text += `  ← ${escapeTerminal(m.createdBy.func.full)} ${escapeTerminal(o.paths.where(m.createdBy))}`;
  return text;
}

export function frameLine(f: Frame, o: Pick<TextOptions, 'classifier' | 'paths' | 'width' | 'palette' | 'link'>): string {
  // Your frames stand out; the runtime's and the standard library's step back.
  const kind = o.classifier.kind(f);
  const name = escapeTerminal(f.func.full) + (f.args === '' ? '' : `(${escapeTerminal(f.args)})`);
  const shown = escapeTerminal(o.paths.where(f));
  const where = o.link === undefined || o.link === null ? shown : o.link(f, shown);
  const text = `      ${name}${where === '' ? '' : '  ' + where}`;
  const cut = o.width === null ? text : truncate(text, o.width);
  return kind === 'user' ? o.palette.user(cut) : o.palette.dim(cut);
}

/** `what`: what a member is (threadcreate profiles count threads). */
/** Runs shorter than this are printed in full. */
const MIN_COLLAPSED_RUN = 3;

/** The frames with each run of one function calling itself (recursion) as its first frame and how many more follow. */
export function frameRuns(frames: readonly Frame[]): { frame: Frame; more: number; next?: Frame }[] {
  const out: { frame: Frame; more: number; next?: Frame }[] = [];
  for (let i = 0; i < frames.length; ) {
    let j = i + 1;
    while (j < frames.length && frames[j]!.func.full === frames[i]!.func.full) j++;
    if (j - i >= MIN_COLLAPSED_RUN) out.push({ frame: frames[i]!, more: j - i - 1, next: frames[i + 1]! });
    else for (let k = i; k < j; k++) out.push({ frame: frames[k]!, more: 0 });
    i = j;
  }
  return out;
}

export function renderStack(g: Group, rank: number, o: TextOptions, what = 'goroutine'): string[] {
  const m = g.representative;
  const p = o.palette;
  const lines: string[] = [];
  const states = formatStates(g.states);
  const wait = formatWait(g.waitMin, g.waitMax);
  const facts = [plural(g.count, what), states, wait === '' ? '' : `waiting ${wait}`].filter((s) => s !== '');
  lines.push(p.bold(`#${rank}  ${facts.join(' · ')}`));
  if (g.labels !== null) lines.push(`    labels: ${escapeTerminal(JSON.stringify(g.labels))}`);
  const source = m.source;
  if ('elidedFrames' in source && source.stackUnavailable) lines.push(p.dim('      (stack unavailable: running on another thread)'));
  for (const run of frameRuns(m.frames)) {
    lines.push(frameLine(run.frame, o));
    // Recursion: one line for the rest of a run of the same function.
    if (run.more > 0 && run.next !== undefined) {
      const where = escapeTerminal(o.paths.where(run.next));
      lines.push(p.dim(`      … ${groupDigits(run.more)} × ${escapeTerminal(run.frame.func.full)}${where === '' ? '' : `  ${where}`}`));
    }
  }
  if ('elidedFrames' in source && source.elidedFrames !== 0) {
    lines.push(p.dim(source.elidedFrames > 0 ? `      … ${source.elidedFrames} frames elided by the runtime` : '      … more frames elided by the runtime'));
  }
  if (m.createdBy !== null) {
    const parent = m.parentId === null ? '' : ` in goroutine ${m.parentId}`;
    const at = escapeTerminal(o.paths.where(m.createdBy));
    lines.push(`    created by ${escapeTerminal(m.createdBy.func.full)}${parent}  ${o.link === undefined || o.link === null ? at : o.link(m.createdBy, at)}`);
  }
  if (g.ids.length > 1) {
    const shown = g.ids.slice(0, 12).join(' ');
    lines.push(p.dim(`    ids: ${shown}${g.ids.length > 12 ? ` … (${g.ids.length - 12} more)` : ''}`));
  }
  return lines;
}

export function renderWarnings(warnings: readonly Warning[], skipped: readonly LineRange[], p: Palette, limit = 10): string[] {
  const lines: string[] = [];
  const n = skipped.reduce((a, r) => a + r.last - r.first + 1, 0);
  if (n > 0) lines.push(p.dim(`skipped ${plural(n, 'non-dump line')}: ${formatRanges(skipped)}`));
  // Binary profiles have no lines: their warnings carry line 0.
  for (const w of warnings.slice(0, limit)) lines.push(p.warn(`warning: ${w.line > 0 ? `line ${w.line}: ` : ''}${escapeTerminal(w.message)}`));
  if (warnings.length > limit) lines.push(p.warn(`warning: … ${warnings.length - limit} more (--json lists them all)`));
  return lines;
}

export function renderSnapshot(s: Snapshot, groups: Group[], o: TextOptions): string {
  const p = o.palette;
  const out: string[] = [];
  const unit = o.groupBy === 'site' ? 'site' : 'group';
  const runtime = o.runtime ?? null;
  const counted = groups.reduce((a, g) => a + g.count, 0) + (runtime?.group.count ?? 0);
  const what = s.format === 'threadcreate' ? 'thread' : 'goroutine';
  const name = FORMAT_NAMES[s.format] ?? s.format;
  const form = o.binary === true ? `${name.replace(/ \(debug=1\)$/, '')} (binary)` : name;
  let summary = `${escapeTerminal(o.source)}: ${form}, ${plural(s.total, what)} in ${plural(groups.length, unit)}${runtime === null ? '' : ' + the runtime'}`;
  if (o.groupBy !== 'site') summary += ` (by ${o.groupBy})`;
  if (counted !== s.total) summary += `, ${plural(counted, what)} shown`;
  out.push(p.bold(summary));
  for (const m of s.messages) out.push(p.bad(escapeTerminal(m.split('\n')[0]!)));
  out.push('');
  if (o.above !== undefined && o.above.length > 0) appendAll(out, [...o.above, '']);
  const shown = o.top > 0 ? groups.slice(0, o.top) : groups;
  const total = s.total > 0 ? s.total : counted;
  // Grouped by state, the group's title is its state: no second STATE column.
  const hasStates = o.groupBy !== 'state' && groups.some((g) => g.states.size > 0);
  const hasWait = groups.some((g) => g.waitMax !== null);
  const columns = [
    { title: 'COUNT', align: 'right' as const },
    { title: 'SHARE', align: 'right' as const },
    ...(hasStates ? [{ title: 'STATE', align: 'left' as const }] : []),
    ...(hasWait ? [{ title: 'WAIT', align: 'left' as const }] : []),
    { title: o.groupBy === 'site' ? 'SITE (function run ← where it was started)' : o.groupBy.toUpperCase(), align: 'left' as const, flexible: true },
  ];
  const row = (g: Group, title: string, style?: (s: string) => string): Cell[] => [
    { text: groupDigits(g.count), style: p.count },
    { text: formatShare(g.count, total) },
    ...(hasStates ? [{ text: truncate(formatStates(g.states), 32) }] : []),
    ...(hasWait ? [{ text: formatWait(g.waitMin, g.waitMax) }] : []),
    { text: title, ...(style === undefined ? {} : { style }) },
  ];
  const rows = shown.map((g) => row(g, groupTitle(g, o)));
  if (runtime !== null) rows.push(row(runtime.group, `runtime (GC, finalizers, signals, pprof: ${plural(runtime.groups, unit)}; --runtime lists them)`, p.dim));
  appendAll(out, renderTable(columns, rows, o.width, p.dim));
  if (shown.length < groups.length) out.push(p.dim(`  … ${plural(groups.length - shown.length, 'more ' + unit)} (--top 0 shows all)`));
  const stacks = groups.slice(0, o.stacks);
  for (let i = 0; i < stacks.length; i++) {
    out.push('');
    appendAll(out, renderStack(stacks[i]!, i + 1, o, what));
  }
  if (o.below !== undefined && o.below.length > 0) appendAll(out, ['', ...o.below]);
  const notes = renderWarnings(s.warnings, s.skipped, p);
  if (notes.length > 0) appendAll(out, ['', ...notes]);
  else if (skippedCount(s) === 0 && s.warnings.length === 0 && s.format === 'goroutine' && groups.length === 0) out.push(p.dim('no goroutines matched'));
  return out.join('\n') + '\n';
}
