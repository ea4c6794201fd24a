/**
 * The human reports of heap/allocs and block/mutex profiles: a summary line,
 * a table of sites biggest first (sizes in KiB/MiB, durations in ms/s), the
 * stacks of the biggest sites, and for heap the MemStats summary.
 */
import type { HeapProfile } from '../model/profile.js';
import { stacksOf, type ContentionSnapshot, type HeapSnapshot } from '../model/snapshot.js';
import type { FrameClassifier } from '../analysis/frames.js';
import { heapTotals, isEstimate, type ContentionSite, type HeapSite } from '../analysis/heap.js';
import { type HeapSample } from '../model/profile.js';
import type { GroupBy } from '../analysis/keys.js';
import { escapeTerminal } from './escape.js';
import type { Palette } from './palette.js';
import { shortenerOf, type PathShortener } from './paths.js';
import { renderTable, type Cell, type Column } from './table.js';
import { frameLine, groupTitle, plural, renderWarnings } from './text.js';
import { formatBytes, formatShare, groupDigits } from '../text/numbers.js';
import { appendAll } from '../lists.js';

export interface ProfileTextOptions {
  palette: Palette;
  classifier: FrameClassifier;
  fullPaths: boolean;
  groupBy: GroupBy;
  top: number;
  stacks: number;
  width: number | null;
  source: string;
}


/** 0.849 → `849ms`, 12.3 → `12.3s`. */
export function formatSeconds(s: number | null): string {
  if (s === null) return '?';
  if (s >= 1) return `${s.toFixed(s >= 100 ? 0 : 2).replace(/\.?0+$/, '')}s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(s >= 0.1 ? 0 : 1).replace(/\.0$/, '')}ms`;
  return `${(s * 1e6).toFixed(0)}µs`;
}

export function siteTitle(site: HeapSite | ContentionSite, o: Pick<ProfileTextOptions, 'classifier' | 'groupBy'>, paths: PathShortener): string {
  if (o.groupBy !== 'top') return groupTitle(site.group, { groupBy: o.groupBy, classifier: o.classifier, paths });
  const f = o.classifier.topFrame(site.group.representative.frames);
  if (f === null) return '(no frames)';
  const where = paths.where(f);
  return escapeTerminal(f.func.full) + (where === '' ? '' : `  ${escapeTerminal(where)}`);
}

function stackLines(site: HeapSite | ContentionSite, facts: string, rank: number, o: ProfileTextOptions, paths: PathShortener): string[] {
  const lines = [o.palette.bold(`#${rank}  ${facts}`)];
  const m = site.group.representative;
  if (m.labels !== null) lines.push(`    labels: ${escapeTerminal(JSON.stringify(m.labels))}`);
  const fo = { classifier: o.classifier, paths, width: o.width, palette: o.palette };
  for (const f of m.frames) lines.push(frameLine(f, fo));
  if (m.frames.length === 0) lines.push(o.palette.dim('      (no frames)'));
  if (site.group.count > 1) lines.push(o.palette.dim(`    ${site.group.count} records merged (their stacks differ below the site)`));
  return lines;
}

function table(columns: Column[], rows: Cell[][], shown: number, all: number, o: ProfileTextOptions): string[] {
  const out = renderTable(columns, rows, o.width, o.palette.dim);
  if (shown < all) out.push(o.palette.dim(`  … ${plural(all - shown, 'more site')} (--top 0 shows all)`));
  return out;
}

export const SAMPLE_NAMES: Record<HeapSample, string> = {
  inuse_space: 'in-use bytes',
  inuse_objects: 'in-use objects',
  alloc_space: 'allocated bytes',
  alloc_objects: 'allocated objects',
};

const KIND_NOTES: Record<HeapProfile['kindSource'], string> = {
  'sample-type': '',
  'input-name': ' (heap or allocs: from the input name)',
  default: ' (the text does not say heap or allocs; taken as heap — name the file or URL …/allocs to read it as allocs)',
};

/** MemStats worth a glance, in this order, when present. */
const MEMSTATS_SHOWN = ['HeapInuse', 'HeapAlloc', 'HeapIdle', 'HeapReleased', 'HeapSys', 'Sys', 'StackInuse', 'StackSys', 'MaxRSS', 'NumGC', 'HeapObjects', 'TotalAlloc'];
const COUNTS = new Set(['NumGC', 'HeapObjects', 'NumForcedGC', 'Mallocs', 'Frees', 'Lookups']);

export function renderMemStats(h: HeapProfile, p: Palette): string[] {
  const parts: string[] = [];
  for (const name of MEMSTATS_SHOWN) {
    const v = h.memStats[name];
    if (v !== undefined) parts.push(`${name} ${COUNTS.has(name) ? groupDigits(v) : formatBytes(v)}`);
  }
  if (parts.length === 0) return [];
  return [p.bold('runtime.MemStats') + p.dim(` (${Object.keys(h.memStats).length} values; --json lists them all)`), '  ' + parts.join(' · ')];
}

export function renderHeap(s: HeapSnapshot, sites: HeapSite[], sample: HeapSample, o: ProfileTextOptions): string {
  const h = s.heap;
  const p = o.palette;
  const paths = shortenerOf(stacksOf(s), o.classifier, o.fullPaths);
  const t = heapTotals(sites);
  const kind = s.format === 'allocs' ? 'allocs profile' : 'heap profile';
  const out: string[] = [];
  out.push(p.bold(`${escapeTerminal(o.source)}: ${kind}${KIND_NOTES[h.kindSource]}, ${plural(h.records.length, 'record')} in ${plural(sites.length, 'site')} (by ${o.groupBy}), sorted by ${SAMPLE_NAMES[sample]}`));
  out.push(`  in use ${formatBytes(t.inuseBytes)} in ${plural(t.inuseObjects, 'object')} · allocated ${formatBytes(t.allocBytes)} in ${plural(t.allocObjects, 'object')}`);
  if (isEstimate(h)) {
    out.push(p.warn(`  estimates: sampled about every ${formatBytes(h.sampleRate)} allocated (MemProfileRate=${h.sampleRate}); values are scaled as pprof does${h.scaled ? ' (by the runtime)' : ''}`));
  }
  out.push('');
  const shown = o.top > 0 ? sites.slice(0, o.top) : sites;
  const columns: Column[] = [
    { title: 'INUSE', align: 'right' },
    { title: 'OBJECTS', align: 'right' },
    { title: 'ALLOC', align: 'right' },
    { title: 'OBJECTS', align: 'right' },
    { title: `SITE (${o.groupBy === 'top' ? 'allocating function' : o.groupBy})`, align: 'left', flexible: true },
  ];
  const rows = shown.map((x): Cell[] => [
    { text: formatBytes(x.inuseBytes), style: sample === 'inuse_space' ? p.count : undefined },
    { text: groupDigits(x.inuseObjects), style: sample === 'inuse_objects' ? p.count : undefined },
    { text: formatBytes(x.allocBytes), style: sample === 'alloc_space' ? p.count : undefined },
    { text: groupDigits(x.allocObjects), style: sample === 'alloc_objects' ? p.count : undefined },
    { text: siteTitle(x, o, paths) },
  ]);
  appendAll(out, table(columns, rows, shown.length, sites.length, o));
  sites.slice(0, o.stacks).forEach((x, i) => {
    const facts = `in use ${formatBytes(x.inuseBytes)} (${plural(x.inuseObjects, 'object')}) · allocated ${formatBytes(x.allocBytes)} (${plural(x.allocObjects, 'object')})`;
    appendAll(out, ['', ...stackLines(x, facts, i + 1, o, paths)]);
  });
  const mem = renderMemStats(h, p);
  if (mem.length > 0) appendAll(out, ['', ...mem]);
  const notes = renderWarnings(s.warnings, s.skipped, p);
  if (notes.length > 0) appendAll(out, ['', ...notes]);
  return out.join('\n') + '\n';
}

/**
 * The site column's title: a block profile charges the delay to the waiting
 * goroutine's stack, a mutex profile to the unlocker's (runtime/pprof: the
 * stack that released the lock).
 */
export function contentionSiteTitle(format: string, groupBy: string): string {
  if (groupBy !== 'top') return `SITE (${groupBy})`;
  return format === 'mutex' ? 'SITE (unlocking function)' : 'SITE (waiting function)';
}

export function renderContention(s: ContentionSnapshot, sites: ContentionSite[], o: ProfileTextOptions): string {
  const c = s.contention;
  const p = o.palette;
  const paths = shortenerOf(stacksOf(s), o.classifier, o.fullPaths);
  const delay = sites.reduce<number | null>((a, x) => (a === null || x.delaySeconds === null ? null : a + x.delaySeconds), 0);
  const events = sites.reduce((a, x) => a + x.contentions, 0);
  const kind = s.format === 'mutex' ? 'mutex profile (time waiting for locks others held, charged to the unlocker)' : 'block profile (time goroutines spent blocked)';
  const note = c.kindSource === 'header' ? '' : c.kindSource === 'input-name' ? ' (block or mutex: from the input name)' : ' (a binary profile does not say block or mutex; taken as block — name the file or URL …/mutex to read it as mutex)';
  const out: string[] = [];
  out.push(p.bold(`${escapeTerminal(o.source)}: ${kind}${note}, ${plural(c.records.length, 'record')} in ${plural(sites.length, 'site')} (by ${o.groupBy})`));
  out.push(`  total delay ${formatSeconds(delay)} over ${plural(events, 'event')}${c.samplingPeriod !== null && c.samplingPeriod > 1 ? ` · sampling period ${c.samplingPeriod}` : ''}`);
  out.push('');
  const shown = o.top > 0 ? sites.slice(0, o.top) : sites;
  const columns: Column[] = [
    { title: 'DELAY', align: 'right' },
    { title: 'SHARE', align: 'right' },
    { title: 'EVENTS', align: 'right' },
    { title: contentionSiteTitle(s.format, o.groupBy), align: 'left', flexible: true },
  ];
  const rows = shown.map((x): Cell[] => [
    { text: formatSeconds(x.delaySeconds), style: p.count },
    { text: delay !== null && x.delaySeconds !== null ? formatShare(x.delaySeconds, delay) : '' },
    { text: groupDigits(x.contentions) },
    { text: siteTitle(x, o, paths) },
  ]);
  appendAll(out, table(columns, rows, shown.length, sites.length, o));
  sites.slice(0, o.stacks).forEach((x, i) => {
    appendAll(out, ['', ...stackLines(x, `${formatSeconds(x.delaySeconds)} delay · ${plural(x.contentions, 'event')}`, i + 1, o, paths)]);
  });
  const notes = renderWarnings(s.warnings, s.skipped, p);
  if (notes.length > 0) appendAll(out, ['', ...notes]);
  return out.join('\n') + '\n';
}
