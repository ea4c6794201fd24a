/**
 * What `gdump watch` shows while it samples: a table of sites (count now,
 * trend, growth since the first snapshot; sites that grew in every interval
 * marked) redrawn in place on a terminal, or one summary line per snapshot
 * when the output is a pipe or a file. The series itself comes from
 * src/diff; this module only lays it out.
 */
import type { FrameClassifier } from '../analysis/frames.js';
import type { DiffResult, DiffSite } from '../diff/diff.js';
import { signed, siteTitle, sparkline } from './diff.js';
import { escapeTerminal } from './escape.js';
import type { Palette } from './palette.js';
import type { PathShortener } from './paths.js';
import { renderTable, truncate, type Cell, type Column } from './table.js';
import { plural } from './text.js';
import { groupDigits } from '../text/numbers.js';
import { fitToWidth } from './width.js';

export interface WatchViewOptions {
  palette: Palette;
  paths: PathShortener;
  classifier: FrameClassifier;
  /** What is watched, as the user gave it. */
  target: string;
  /** Rows in the table; 0 for all. */
  top: number;
  /** Terminal width, or null for no truncation. */
  width: number | null;
}

/** The trend shows at most this many of the latest snapshots. */
const TREND_POINTS = 24;
export const EVERY_INTERVAL = '↑ every interval';

function clock(t: Date | null): string {
  return t === null ? '' : t.toISOString().slice(11, 19);
}

function totalLine(result: DiffResult): string {
  const totals = result.totals;
  const first = totals[0] ?? 0;
  const last = totals[totals.length - 1] ?? 0;
  return `${plural(last, 'goroutine')} (${signed(last - first)} since the first)`;
}

/** `snapshot 4 at 12:00:31` (number counts every snapshot taken, not only those kept). */
function snapshotName(taken: number, result: DiffResult): string {
  const at = clock(result.times[result.times.length - 1] ?? null);
  return `snapshot ${taken}${at === '' ? '' : ` at ${at}`}`;
}

/** The live table, header included. */
export function renderWatchTable(result: DiffResult, taken: number, o: WatchViewOptions): string[] {
  const p = o.palette;
  const sites = o.top > 0 ? result.sites.slice(0, o.top) : result.sites;
  const columns: Column[] = [
    { title: 'NOW', align: 'right' },
    { title: 'TREND', align: 'left' },
    { title: 'Δ FIRST', align: 'right' },
    { title: 'SITE (function run ← where it was started)', align: 'left', flexible: true },
  ];
  const rows = sites.map((s): Cell[] => {
    const style = s.delta > 0 ? p.bad : s.delta < 0 ? p.good : undefined;
    return [
      { text: groupDigits(s.after), style: p.count },
      { text: sparkline(s.counts.slice(-TREND_POINTS)) + (s.monotonic ? ` ${EVERY_INTERVAL}` : ''), style: s.monotonic ? p.bad : undefined },
      { text: signed(s.delta), style },
      { text: siteTitle(s, result.by, o) },
    ];
  });
  // Every line must fit the terminal: a wrapped line would throw off the next redraw.
  const title = `${escapeTerminal(o.target)}: ${snapshotName(taken, result)}, ${totalLine(result)}`;
  const lines = [p.bold(o.width === null ? title : truncate(title, o.width)), ...renderTable(columns, rows, o.width, p.dim)];
  if (sites.length < result.sites.length) lines.push(p.dim(`  … ${plural(result.sites.length - sites.length, 'more site')}`));
  lines.push(p.dim('  Ctrl-C stops and prints the diff of the first and last snapshot'));
  return lines;
}

function growthText(s: DiffSite): string {
  const name = s.entry === null ? escapeTerminal(s.key) : escapeTerminal(s.entry.func.full);
  return `${name} ${signed(s.delta)}${s.monotonic ? ` ${EVERY_INTERVAL}` : ''}`;
}

/** One line per snapshot for pipes and files: totals, then the sites that grew most. */
export function renderWatchLine(result: DiffResult, taken: number, limit = 3): string {
  const grew = result.sites.filter((s) => s.delta > 0);
  const growth =
    result.totals.length < 2 ? 'first snapshot' : grew.length === 0 ? 'no site grew' : `grew: ${grew.slice(0, limit).map(growthText).join(', ')}${grew.length > limit ? `, … ${grew.length - limit} more` : ''}`;
  return `${snapshotName(taken, result)}: ${totalLine(result)}; ${growth}`;
}

/** Lines drawn on a terminal that the next draw replaces. */
export class LiveRegion {
  private drawn = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  draw(lines: readonly string[]): void {
    // Cursor to the start of the first drawn line, clear to the end of the screen, draw.
    const back = this.drawn > 0 ? `\u001b[${this.drawn}F\u001b[J` : '';
    // A line that wrapped would take two rows while counted as one: the next draw would leave its top row behind.
    const width = this.stream.columns;
    const fitted = width === undefined || width <= 0 ? lines : lines.map((l) => fitToWidth(l, width));
    this.stream.write(back + fitted.join('\n') + '\n');
    this.drawn = lines.length;
  }
}
