/**
 * After the grammar: puts the input's line numbers back into snapshots'
 * warnings and ranges (an envelope may have joined or dropped lines;
 * goroutines and records got theirs as they were read), adds what the unwrapper found (dropped event
 * lines, cut lines), and makes a dump's snapshots cover every input line, so
 * each line is counted once as parsed, skipped or warned (lineAccounting).
 */
import type { ParseResult } from '../../grammar/parse.js';
import type { LineRange, Snapshot, Warning } from '../model/snapshot.js';
import type { LineMap, UnwrapReport } from './unwrap.js';

/** Sorted, merged copy of `ranges`. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const out: LineRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.first <= last.last + 1) {
      if (r.last > last.last) out[out.length - 1] = { first: last.first, last: r.last };
    } else out.push(r);
  }
  return out;
}

/** The part of `ranges` within [first, last]. */
function clip(ranges: readonly LineRange[], first: number, last: number): LineRange[] {
  const out: LineRange[] = [];
  for (const r of ranges) {
    const a = Math.max(r.first, first);
    const b = Math.min(r.last, last);
    if (a <= b) out.push({ first: a, last: b });
  }
  return out;
}

class Remap {
  constructor(
    private readonly map: LineMap,
    private readonly inputLines: number,
  ) {}

  line(given: number): number {
    return this.map.origin(given);
  }

  /** The last input line a given line stands for: up to the next given line's start. */
  lastOf(given: number): number {
    return given >= this.map.lines ? this.inputLines : this.map.origin(given + 1) - 1;
  }

  range(r: LineRange): LineRange {
    return { first: this.line(r.first), last: Math.max(this.line(r.first), this.lastOf(r.last)) };
  }

  warning(w: Warning): Warning {
    return { line: this.line(w.line), message: w.message };
  }

  snapshot(s: Snapshot): void {
    // Goroutines and records got their input lines as they were read (ParseOptions.origin).
    s.warnings.splice(0, s.warnings.length, ...s.warnings.map((w) => this.warning(w)));
    s.skipped.splice(0, s.skipped.length, ...s.skipped.map((r) => this.range(r)));
    s.firstLine = this.line(s.firstLine);
  }
}

/** Puts input line numbers into `result` and adds the unwrapper's findings; `result.lines` becomes the input's line count. */
export function settleLines(result: ParseResult, report: UnwrapReport): void {
  const remap = report.map === null ? null : new Remap(report.map, report.lines);
  const snapshots = result.snapshots;
  if (remap !== null) {
    for (const s of snapshots) remap.snapshot(s);
    result.skipped = result.skipped.map((r) => remap.range(r));
    result.warnings = result.warnings.map((w) => remap.warning(w));
  }
  result.lines = Math.max(report.lines, result.lines);
  const cut = report.unterminated;
  const warned = (line: number): boolean => result.warnings.concat(report.warnings, ...snapshots.map((s) => s.warnings)).some((w) => w.line === line);
  if (cut !== null && !report.unterminatedWhole && !warned(cut)) {
    report.warnings.push({ line: cut, message: 'the input ends in the middle of this line without a newline: the dump may be cut off here' });
  }
  if (snapshots.length === 0) {
    result.skipped = mergeRanges(result.skipped.concat(report.dropped));
    result.warnings = result.warnings.concat(report.warnings).sort((a, b) => a.line - b.line);
    return;
  }
  // Each snapshot owns the lines from its first to the next one's first.
  snapshots.sort((a, b) => a.firstLine - b.firstLine);
  snapshots[0]!.firstLine = 1;
  snapshots.forEach((s, i) => {
    s.lastLine = i + 1 < snapshots.length ? snapshots[i + 1]!.firstLine - 1 : result.lines;
    const own = clip(report.dropped, s.firstLine, s.lastLine);
    s.skipped.splice(0, s.skipped.length, ...mergeRanges(s.skipped.concat(own)));
  });
  // The grammar reports a frame's warning before the goroutine that starts a new snapshot,
  // so warnings go to the snapshot that owns their line.
  const warnings = snapshots.flatMap((s) => s.warnings.splice(0)).concat(report.warnings);
  warnings.sort((a, b) => a.line - b.line);
  let k = 0;
  for (const w of warnings) {
    while (k + 1 < snapshots.length && w.line >= snapshots[k + 1]!.firstLine) k++;
    snapshots[k]!.warnings.push(w);
  }
}
