/**
 * The report of `gdump diff`: a summary line (total before → after), the
 * sites present on both ends biggest growth first, then new and vanished
 * sites, then the stacks of the sites that grew most, with what changed in
 * a moved stack highlighted. Heap diffs read the same, in bytes (or
 * objects), with the MemStats deltas. Also the JSON contract of the diff (README
 * "JSON output") and the message of a failed --fail-on-growth check.
 */
import type { FrameClassifier } from '../analysis/frames.js';
import type { Group } from '../analysis/group.js';
import { waitJson } from '../analysis/wait.js';
import { IdList } from '../analysis/idlist.js';
import type { DiffResult, DiffSite, SitePoint } from '../diff/diff.js';
import { stackChange, type TextChange } from '../diff/stackdiff.js';
import { escapeTerminal } from './escape.js';
import { frameJson, JSON_SCHEMA, type FrameJson } from './json.js';
import type { Palette } from './palette.js';
import type { PathShortener } from './paths.js';
import { renderTable, truncate, type Cell, type Column } from './table.js';
import { formatWait, plural, renderStack } from './text.js';
import { formatBytes, formatChange, groupDigits } from '../text/numbers.js';
import { appendAll, maxOf, minOf } from '../lists.js';

export interface DiffTextOptions {
  palette: Palette;
  paths: PathShortener;
  classifier: FrameClassifier;
  /** Rows per table; 0 for all. */
  top: number;
  /** Sites that grew whose stacks are printed. */
  stacks: number;
  /** Terminal width, or null for no truncation. */
  width: number | null;
  /** One name per snapshot. */
  sources: readonly string[];
  /** Lines under the summary, above the tables (the likely leaks of the last snapshot). */
  above?: readonly string[];
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** The counts as a bar per snapshot, lowest to highest of the series. */
export function sparkline(counts: readonly number[]): string {
  const min = minOf(counts);
  const max = maxOf(counts);
  return counts.map((c) => SPARKS[max === min ? 0 : Math.round(((c - min) / (max - min)) * (SPARKS.length - 1))]).join('');
}

export function signed(n: number, format: (n: number) => string = groupDigits): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `-${format(-n)}` : format(0);
}

/** How a diff's values print: goroutine counts, bytes, or objects. */
export function valueFormat(result: Pick<DiffResult, 'sample'>): (n: number) => string {
  return result.sample !== null && result.sample.endsWith('_space') ? formatBytes : groupDigits;
}

/** What the values count, for sentences: `goroutines`, `bytes in use`, `objects allocated`. */
export function unitOf(result: Pick<DiffResult, 'sample'>): string {
  switch (result.sample) {
    case null:
      return 'goroutines';
    case 'inuse_space':
      return 'in use';
    case 'inuse_objects':
      return 'objects in use';
    case 'alloc_space':
      return 'allocated';
    case 'alloc_objects':
      return 'objects allocated';
  }
}

function rate(perHour: number | null, value: (n: number) => string): string {
  if (perHour === null) return '';
  const r = Math.abs(perHour) >= 10 ? Math.round(perHour) : Math.round(perHour * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '-' : ''}${value(Math.abs(r))}/h`;
}

/** `chan receive +34, select -2`. */
export function formatStateDeltas(states: ReadonlyMap<string, number> | null): string {
  if (states === null) return '';
  return [...states].map(([s, d]) => `${escapeTerminal(s)} ${signed(d)}`).join(', ');
}

function pointWait(p: SitePoint | null): string {
  return p === null ? '' : formatWait(p.waitMin, p.waitMax);
}

/** How long the site's goroutines had waited, first → last snapshot: `<1 min → 12-25 min`. */
export function waitShift(site: DiffSite): string {
  const first = pointWait(site.points[0] ?? null);
  const last = pointWait(site.points[site.points.length - 1] ?? null);
  if (first === '' && last === '') return '';
  return `${first === '' ? '<1 min' : first} → ${last === '' ? '<1 min' : last}`;
}

/** What a site is, in one line: entry ← `go` statement, the top frame, or the label value. */
export function siteTitle(site: DiffSite, by: DiffResult['by'], o: Pick<DiffTextOptions, 'paths' | 'classifier'>): string {
  const m = site.latest.representative;
  if (by.startsWith('label:')) return escapeTerminal(site.key);
  const head = by === 'top' ? o.classifier.topFrame(m.frames) : by === 'stack' ? m.frames[0] ?? null : site.entry;
  let text = head === null ? '(no frames)' : escapeTerminal(head.func.full);
  if (by !== 'site' && head !== null) text += ` ${escapeTerminal(o.paths.where(head))}`;
  if (site.createdBy !== null && by !== 'top') text += `  ← ${escapeTerminal(site.createdBy.func.full)} ${escapeTerminal(o.paths.where(site.createdBy))}`;
  if (site.moved) text += '  (moved)';
  return text;
}

/** A diff as text: colours on a terminal, wdiff's `[-old-]{+new+}` markers without. */
export function renderTextChanges(changes: readonly TextChange[], p: Palette): string {
  return changes
    .map(({ op, text }) => {
      const t = text.split('\n').map(escapeTerminal).join('\n');
      if (op === 0) return t;
      if (p.enabled) return op < 0 ? p.bad(t) : p.good(t);
      return op < 0 ? `[-${t}-]` : `{+${t}+}`;
    })
    .join('');
}

function siteTable(sites: readonly DiffSite[], result: DiffResult, o: DiffTextOptions): string[] {
  const p = o.palette;
  const value = valueFormat(result);
  const series = result.totals.length > 2;
  const hasStates = sites.some((s) => s.states !== null && s.states.size > 0);
  const hasWait = sites.some((s) => waitShift(s) !== '');
  const hasRate = sites.some((s) => s.growthPerHour !== null);
  const columns: Column[] = [
    ...(series
      ? [{ title: 'COUNTS', align: 'left' as const }, { title: 'TREND', align: 'left' as const }]
      : [{ title: 'BEFORE', align: 'right' as const }, { title: 'AFTER', align: 'right' as const }]),
    { title: 'Δ', align: 'right' },
    { title: 'Δ%', align: 'right' },
    ...(hasRate ? [{ title: 'RATE', align: 'right' as const }] : []),
    ...(hasStates ? [{ title: 'STATES', align: 'left' as const }] : []),
    ...(hasWait ? [{ title: 'WAIT', align: 'left' as const }] : []),
    { title: result.by === 'site' ? 'SITE (function run ← where it was started)' : result.by.toUpperCase(), align: 'left', flexible: true },
  ];
  const rows = sites.map((s): Cell[] => {
    const style = s.delta > 0 ? p.bad : s.delta < 0 ? p.good : undefined;
    return [
      ...(series
        ? [{ text: s.counts.map(value).join(' ') }, { text: sparkline(s.counts) + (s.monotonic ? ' ↑ every interval' : ''), style: s.monotonic ? p.bad : undefined }]
        : [{ text: value(s.before) }, { text: value(s.after), style: p.count }]),
      { text: signed(s.delta, value), style },
      { text: cameAndWent(s) ? '' : formatChange(s.deltaPercent), style },
      ...(hasRate ? [{ text: rate(s.growthPerHour, value) }] : []),
      ...(hasStates ? [{ text: truncate(formatStateDeltas(s.states), 40) }] : []),
      ...(hasWait ? [{ text: waitShift(s) }] : []),
      { text: siteTitle(s, result.by, o) },
    ];
  });
  return renderTable(columns, rows, o.width, p.dim);
}

function section(title: string, sites: readonly DiffSite[], result: DiffResult, o: DiffTextOptions): string[] {
  if (sites.length === 0) return [];
  const shown = o.top > 0 ? sites.slice(0, o.top) : sites;
  const out = ['', o.palette.bold(`${title} (${sites.length})`), ...siteTable(shown, result, o)];
  if (shown.length < sites.length) out.push(o.palette.dim(`  … ${plural(sites.length - shown.length, 'more site')} (--top 0 shows all)`));
  return out;
}

/** A point as a Group, so the analyze report's stack printer serves the diff too. */
function pointGroup(p: SitePoint): Group {
  return { key: p.key, count: p.count, states: p.states, waitMin: p.waitMin, waitMax: p.waitMax, ids: new IdList(), representative: p.representative, members: [], labels: p.representative.labels };
}

/** Heap diffs: the NumGC every snapshot shares, when no GC ran between them (null otherwise, or when MemStats are missing). */
export function noGcBetween(result: DiffResult): number | null {
  if (result.kind !== 'heap') return null;
  const values = result.memStats.find((m) => m.name === 'NumGC')?.values ?? [];
  const first = values[0];
  if (values.length < 2 || first === null || first === undefined) return null;
  return values.every((v) => v === first) ? first : null;
}

/** A site seen only between the first and the last snapshot of a series: neither in both, new nor vanished. */
function cameAndWent(s: DiffSite): boolean {
  return s.before === 0 && s.after === 0;
}

function summary(result: DiffResult, o: DiffTextOptions): string {
  const totals = result.totals;
  const before = totals[0] ?? 0;
  const after = totals[totals.length - 1] ?? 0;
  const count = (status: DiffSite['status']): number => result.sites.filter((s) => s.status === status).length;
  const names = escapeTerminal(o.sources.length > 3 ? `${o.sources[0]} … ${o.sources[o.sources.length - 1]}` : o.sources.join(' → '));
  const pct = before === 0 ? '' : `, ${formatChange((100 * (after - before)) / before)}`;
  const transient = result.sites.filter(cameAndWent).length;
  const parts = [`${count('grew')} grew`, `${count('shrank')} shrank`, `${count('same') - transient} unchanged`, `${count('new')} new`, `${count('vanished')} vanished`];
  if (transient > 0) parts.push(`${transient} came and went`);
  const moved = result.sites.filter((s) => s.moved).length;
  if (moved > 0) parts.push(`${moved} moved`);
  if (result.ignored > 0) parts.push(`${result.ignored} ignored`);
  const value = valueFormat(result);
  return `${escapeTerminal(names)}: ${totals.map(value).join(' → ')} ${unitOf(result)} (${signed(after - before, value)}${pct}); ${plural(result.sites.length, 'site')}: ${parts.join(', ')}`;
}

export function renderDiff(result: DiffResult, o: DiffTextOptions): string {
  const p = o.palette;
  const out: string[] = [p.bold(summary(result, o))];
  const noGc = noGcBetween(result);
  if (noGc !== null) {
    out.push(p.warn(`no garbage collection between the snapshots (NumGC ${noGc} in each): a heap profile changes only at a GC, so growth since then is not in it yet; fetch …/debug/pprof/heap?gc=1 to run one first`));
  }
  if (result.runtimeLeftOut.some((n) => n > 0)) {
    out.push(p.dim(`(the runtime's own goroutines, GC workers, signal loop, pprof's handler, are left out: ${result.runtimeLeftOut.join(' → ')}; --runtime counts them)`));
  }
  if (!result.keys.creators && result.by === 'site') {
    out.push(p.dim('(a debug=1 profile has no `created by` lines: sites are matched on the function they run)'));
  }
  if (o.above !== undefined && o.above.length > 0) appendAll(out, ['', ...o.above]);
  const both = result.sites.filter((s) => s.before > 0 && s.after > 0);
  appendAll(out, section('Sites in both', both, result, o));
  appendAll(out, section('New sites', result.sites.filter((s) => s.status === 'new'), result, o));
  appendAll(out, section('Vanished sites', result.sites.filter((s) => s.status === 'vanished'), result, o));
  appendAll(out, section('Came and went between the first and last snapshot', result.sites.filter(cameAndWent), result, o));
  const grew = result.sites.filter((s) => s.delta > 0).slice(0, o.stacks);
  const textOptions = { palette: p, paths: o.paths, classifier: o.classifier, groupBy: result.by, top: o.top, stacks: o.stacks, width: o.width, source: '' };
  const value = valueFormat(result);
  grew.forEach((s, i) => {
    const stack = renderStack(pointGroup(s.latest), i + 1, textOptions);
    // A heap site's representative is an allocation record, not goroutines: its own headline replaces the goroutine one.
    if (result.kind === 'heap') stack[0] = p.bold(`#${i + 1}  ${value(s.after)} ${unitOf(result)}${s.objects === null ? '' : ` in ${plural(s.objects[s.objects.length - 1]!, 'object')}`}`);
    appendAll(out, ['', ...stack]);
    const states = formatStateDeltas(s.states);
    out.push(`    ${signed(s.delta, value)} since the first snapshot${states === '' ? '' : ` (${states})`}`);
  });
  appendAll(out, memStatsLines(result));
  const moved = result.sites.filter((s) => s.moved);
  const changes = moved.slice(0, Math.max(o.stacks, 1)).map((s) => ({ s, change: stackChange(s, (f) => o.paths.where(f)) }));
  if (moved.length > 0) out.push('', p.bold(`Moved between builds (${moved.length}): same functions, other lines; matched, not new + vanished`));
  for (const { s, change } of changes) {
    out.push(`  ${siteTitle(s, result.by, o)}`);
    if (change !== null) appendAll(out, renderTextChanges(change, p).split('\n').map((l) => `      ${l}`));
  }
  if (moved.length > changes.length) out.push(p.dim(`  … ${plural(moved.length - changes.length, 'more moved site')}`));
  return out.join('\n') + '\n';
}

/** MemStats first → last snapshot, for heap diffs. */
function memStatsLines(result: DiffResult): string[] {
  const shown = result.memStats.filter((m) => m.values[0] != null && m.values[m.values.length - 1] != null);
  if (shown.length === 0) return [];
  const lines = ['', 'runtime.MemStats (first → last snapshot)'];
  for (const m of shown) {
    const a = m.values[0]!;
    const b = m.values[m.values.length - 1]!;
    const f = /^(NumGC|HeapObjects)$/.test(m.name) ? groupDigits : formatBytes;
    lines.push(`  ${m.name.padEnd(12)} ${f(a)} → ${f(b)}  (${signed(b - a, f)})`);
  }
  return lines;
}

export interface DiffSiteJson {
  key: string;
  entry: FrameJson | null;
  createdBy: FrameJson | null;
  counts: number[];
  before: number;
  after: number;
  delta: number;
  deltaPercent: number | null;
  states: Record<string, number>;
  monotonic: boolean;
  status: DiffSite['status'];
  moved: boolean;
  growthPerHour: number | null;
  /** Per snapshot, the shortest and longest wait of the site's goroutines in minutes; null where none printed an age (under a minute) or the site is absent. */
  waitMinutes: ({ min: number; max: number } | null)[];
  /** Heap sites only. */
  bytes?: number[];
  objects?: number[];
}

export function diffSiteJson(s: DiffSite): DiffSiteJson {
  return {
    key: s.key,
    entry: s.entry === null ? null : frameJson(s.entry),
    createdBy: s.createdBy === null ? null : frameJson(s.createdBy),
    counts: [...s.counts],
    before: s.before,
    after: s.after,
    delta: s.delta,
    deltaPercent: s.deltaPercent,
    states: Object.fromEntries(s.states ?? []),
    monotonic: s.monotonic,
    status: s.status,
    moved: s.moved,
    growthPerHour: s.growthPerHour,
    waitMinutes: s.points.map((p) => (p === null ? null : waitJson(p))),
    ...(s.bytes === null ? {} : { bytes: [...s.bytes] }),
    ...(s.objects === null ? {} : { objects: [...s.objects] }),
  };
}

export function diffJson(result: DiffResult): Record<string, unknown> {
  return {
    schema: JSON_SCHEMA,
    kind: result.kind,
    by: result.by,
    ...(result.kind === 'heap' ? { sample: result.sample, memStats: Object.fromEntries(result.memStats.map((m) => [m.name, m.values])) } : {}),
    sites: result.sites.map(diffSiteJson),
    runtimeLeftOut: [...result.runtimeLeftOut],
    totals: { before: result.totals[0] ?? 0, after: result.totals[result.totals.length - 1] ?? 0, counts: [...result.totals] },
    times: result.times.map((t) => (t === null ? null : t.toISOString())),
    ignored: result.ignored,
  };
}

/** The sites that failed --fail-on-growth, for stderr. */
export function renderGrowthFailure(sites: readonly DiffSite[], limit: number, result: DiffResult, o: Pick<DiffTextOptions, 'paths' | 'classifier'>): string {
  const value = valueFormat(result);
  const what = result.kind === 'heap' ? `${value(limit)} ${unitOf(result)}` : plural(limit, 'goroutine');
  const lines = [`${plural(sites.length, 'site')} grew by more than ${what}:`];
  for (const s of sites) lines.push(`  ${signed(s.delta, value)}  ${value(s.before)} → ${value(s.after)}  ${siteTitle(s, result.by, o)}`);
  return lines.join('\n');
}
