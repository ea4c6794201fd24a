/**
 * What the HTML report embeds: groups, not goroutines. Each snapshot is
 * grouped every way the CLI groups it (site, stack, top, state, each label
 * key; heap and contention sites by top, stack, site), with the same titles
 * the terminal prints, and its weighted stacks for the flame view. Frames
 * are stored once in a shared table and referenced by index, so a 100k
 * goroutine dump embeds as much as its distinct stacks, not its goroutines.
 *
 * Strings keep their dump text with terminal escaping applied (a control
 * character shows as `\x1b`, as on a terminal); the page escapes the rest.
 */
import { classifierOf, type FrameClassifier } from '../../analysis/frames.js';
import { groupSnapshot, type Group, type MemberFilter } from '../../analysis/group.js';
import { contentionSites, defaultSample, heapSites, type ContentionSite, type HeapSite } from '../../analysis/heap.js';
import type { GroupBy, Similarity } from '../../analysis/keys.js';
import { stackProfile } from '../../analysis/stacks.js';
import { siteStacks, type DiffResult } from '../../diff/diff.js';
import type { Frame } from '../../model/frame.js';
import type { Labels } from '../../model/goroutine.js';
import { HEAP_SAMPLES } from '../../model/profile.js';
import { skippedCount, stacksOf, type ContentionSnapshot, type GoroutineSnapshot, type HeapSnapshot, type Snapshot } from '../../model/snapshot.js';
import { sparkline, formatStateDeltas, siteTitle as diffSiteTitle } from '../diff.js';
import { escapeTerminal } from '../escape.js';
import { siteTitle as profileSiteTitle } from '../heap.js';
import { shortenerOf, type PathShortener } from '../paths.js';
import { groupTitle } from '../text.js';
import { formatChange } from '../../text/numbers.js';

/** A frame: function, file as shortened for display, line, kind (0 user, 1 standard library, 2 runtime). */
export type FrameRow = [fn: string, file: string, line: number, kind: 0 | 1 | 2];

export interface GroupData {
  /** The terminal's one-line title of the group. */
  t: string;
  /** Values, one per SnapshotData.columns. */
  v: number[];
  /** State → goroutines (traceback text). */
  st?: [string, number][];
  /** Wait in minutes: [min, max]. */
  w?: [number, number];
  /** Labels every member shares. */
  l?: [string, string][];
  /** Representative stack, leaf first (indexes into ReportData.frames). */
  f: number[];
  /** The `created by` frame. */
  c?: number;
  /** Goroutine ids (up to ID_LIMIT) and how many there are. */
  ids?: number[];
  n?: number;
}

export interface SnapshotData {
  source: string;
  format: string;
  kind: 'goroutine' | 'heap' | 'contention';
  total: number;
  columns: string[];
  /** Column whose value sorts the table and sizes the shares. */
  main: number;
  groupings: Record<string, GroupData[]>;
  defaultGrouping: string;
  /** Flame view: distinct stacks root first, with one value per flameColumns. */
  flame: { columns: string[]; main: number; stacks: [frames: number[], values: number[]][] };
  messages: string[];
  warnings: [number, string][];
  warningCount: number;
  skipped: number;
  estimated: boolean;
}

export interface DiffData {
  sources: string[];
  unit: string;
  totals: number[];
  sites: { t: string; counts: number[]; spark: string; delta: number; pct: string; status: string; monotonic: boolean; states: string }[];
}

export interface ReportData {
  title: string;
  generated: string;
  version: string;
  frames: FrameRow[];
  snapshots: SnapshotData[];
  diff: DiffData | null;
}

const ID_LIMIT = 50;
const WARNING_LIMIT = 200;
const KIND_CODE = { user: 0, stdlib: 1, runtime: 2 } as const;

/** The report's frame table: one row per function, file and line, shared by every snapshot (each with its own path shortening). */
class FrameTable {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly rows: FrameRow[],
    private readonly classifier: FrameClassifier,
    private readonly paths: PathShortener,
  ) {}

  id(f: Frame): number {
    const key = `${f.func.full}\u0000${f.file}\u0000${f.line}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.rows.length;
      this.rows.push([escapeTerminal(f.func.full), escapeTerminal(this.paths.where(f)), f.line, KIND_CODE[this.classifier.kind(f)]]);
      this.ids.set(key, id);
    }
    return id;
  }
}

/** Every label key of the records or goroutines: one grouping each. */
function labelKeys(items: Iterable<{ readonly labels: Labels | null }>): string[] {
  const keys = new Set<string>();
  for (const { labels } of items) if (labels !== null) for (const k in labels) keys.add(k);
  return [...keys].sort();
}

function groupData(g: Group, title: string, values: number[], frames: FrameTable, traceback: boolean): GroupData {
  const m = g.representative;
  const out: GroupData = { t: title, v: values, f: m.frames.map((f) => frames.id(f)) };
  if (g.states.size > 0) out.st = [...g.states].sort((a, b) => b[1] - a[1]).map(([s, n]) => [escapeTerminal(s), n]);
  if (g.waitMin !== null && g.waitMax !== null) out.w = [g.waitMin, g.waitMax];
  if (g.labels !== null) out.l = Object.entries(g.labels).map(([k, v]) => [escapeTerminal(k), escapeTerminal(v)]);
  if (m.createdBy !== null) out.c = frames.id(m.createdBy);
  if (traceback && g.ids.length > 0) {
    out.ids = g.ids.slice(0, ID_LIMIT);
    out.n = g.ids.length;
  }
  return out;
}

function flameOf(s: Snapshot, frames: FrameTable): SnapshotData['flame'] {
  const p = stackProfile(s);
  const stacks: [number[], number[]][] = [];
  for (const w of p.stacks) {
    if (w.values.every((v) => v === 0)) continue;
    const ids: number[] = [];
    for (let i = w.frames.length - 1; i >= 0; i--) ids.push(frames.id(w.frames[i]!));
    stacks.push([ids, w.values]);
  }
  return { columns: p.sampleTypes.map((t) => t.type), main: p.defaultType, stacks };
}

function common(s: Snapshot, source: string): Pick<SnapshotData, 'source' | 'format' | 'total' | 'messages' | 'warnings' | 'warningCount' | 'skipped'> {
  return {
    source: escapeTerminal(source),
    format: s.format,
    total: s.total,
    messages: s.messages.map(escapeTerminal),
    warnings: s.warnings.slice(0, WARNING_LIMIT).map((w) => [w.line, escapeTerminal(w.message)]),
    warningCount: s.warnings.length,
    skipped: skippedCount(s),
  };
}

export interface GroupingOptions {
  similarity: Similarity;
  filter: MemberFilter;
}

function goroutineData(s: GoroutineSnapshot, source: string, rows: FrameRow[], o: GroupingOptions): SnapshotData {
  const classifier = classifierOf(stacksOf(s));
  const paths = shortenerOf(stacksOf(s), classifier, false);
  const frames = new FrameTable(rows, classifier, paths);
  const traceback = s.kind === 'traceback';
  const group = (by: GroupBy): GroupData[] =>
    groupSnapshot(s, { by, similarity: o.similarity, filter: o.filter, classifier }).map((g) => groupData(g, groupTitle(g, { groupBy: by, classifier, paths }), [g.count], frames, traceback));
  const groupings: Record<string, GroupData[]> = {};
  const modes: GroupBy[] = traceback ? ['site', 'stack', 'top', 'state'] : ['site', 'stack', 'top'];
  for (const by of modes) groupings[by] = group(by);
  for (const key of labelKeys(s.kind === 'traceback' ? s.goroutines : s.records)) groupings[`label:${key}`] = group(`label:${key}`);
  return { ...common(s, source), kind: 'goroutine', columns: ['goroutines'], main: 0, groupings, defaultGrouping: 'site', flame: flameOf(s, frames), estimated: false };
}

function profileData(s: HeapSnapshot | ContentionSnapshot, source: string, rows: FrameRow[], o: GroupingOptions): SnapshotData {
  const records = s.kind === 'heap' ? s.heap.records : s.contention.records;
  const classifier = classifierOf(records);
  const paths = shortenerOf(records, classifier, false);
  const frames = new FrameTable(rows, classifier, paths);
  const modes: GroupBy[] = ['top', 'stack', 'site', ...labelKeys(records).map((k): GroupBy => `label:${k}`)];
  const groupings: Record<string, GroupData[]> = {};
  for (const by of modes) {
    const site = { by, filter: o.filter, classifier };
    const title = (x: HeapSite | ContentionSite) => profileSiteTitle(x, { classifier, groupBy: by }, paths);
    groupings[by] =
      s.kind === 'heap'
        ? heapSites(s, { ...site, sample: defaultSample(s.format) }).map((x) => groupData(x.group, title(x), [x.inuseBytes, x.inuseObjects, x.allocBytes, x.allocObjects], frames, false))
        : contentionSites(s, site).map((x) => groupData(x.group, title(x), [x.delaySeconds ?? 0, x.contentions], frames, false));
  }
  const heap = s.kind === 'heap';
  return {
    ...common(s, source),
    kind: heap ? 'heap' : 'contention',
    columns: heap ? ['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects'] : ['delay_seconds', 'contentions'],
    main: s.kind === 'heap' ? HEAP_SAMPLES.indexOf(defaultSample(s.format)) : 0,
    groupings,
    defaultGrouping: 'top',
    flame: flameOf(s, frames),
    estimated: s.kind === 'heap' && s.heap.sampleRate > 1 && !s.heap.scaled,
  };
}

function diffData(result: DiffResult, sources: readonly string[]): DiffData {
  const stacks = siteStacks(result);
  const classifier = classifierOf(stacks);
  const paths = shortenerOf(stacks, classifier, false);
  return {
    sources: sources.map(escapeTerminal),
    unit: result.sample ?? 'goroutines',
    totals: [...result.totals],
    sites: result.sites.map((site) => ({
      t: diffSiteTitle(site, result.by, { paths, classifier }),
      counts: [...site.counts],
      spark: sparkline(site.counts),
      delta: site.delta,
      pct: formatChange(site.deltaPercent),
      status: site.status,
      monotonic: site.monotonic && site.counts.length > 2,
      states: formatStateDeltas(site.states),
    })),
  };
}

export interface ReportInput {
  snapshots: readonly { snapshot: Snapshot; source: string }[];
  /** The diff of the snapshots, when there are several of one kind. */
  diff: DiffResult | null;
  title: string;
  version: string;
  now: Date;
}

export function reportData(input: ReportInput, o: GroupingOptions): ReportData {
  const frames: FrameRow[] = [];
  const snapshots = input.snapshots.map(({ snapshot, source }) =>
    snapshot.kind === 'heap' || snapshot.kind === 'contention' ? profileData(snapshot, source, frames, o) : goroutineData(snapshot, source, frames, o),
  );
  return {
    title: escapeTerminal(input.title),
    generated: input.now.toISOString(),
    version: input.version,
    frames,
    snapshots,
    diff: input.diff === null ? null : diffData(input.diff, input.snapshots.map((s) => s.source)),
  };
}
