/**
 * One part of a parallel parse: bytes [start, end) of a file, cut at a
 * goroutine header, loaded and folded like a whole input. The main thread
 * loads the first part this way and the parse workers the others; what a
 * part sends back is plain data (PartWire) the main thread can check and
 * merge.
 */
import { GoroutineFolder } from '../../analysis/fold.js';
import type { GroupBy, Similarity } from '../../analysis/keys.js';
import { groupToWire, type GroupWire } from '../../analysis/wire.js';
import { load, type Loaded, type LoadOptions } from '../../input/load.js';
import { fileRangeSource } from '../../input/source.js';
import type { Goroutine } from '../../model/goroutine.js';
import type { LineRange, TracebackSnapshot, Warning } from '../../model/snapshot.js';

/** The fold's options as they cross to a worker: regular expressions as their sources. */
export interface FoldSpec {
  by: GroupBy;
  similarity: Similarity;
  focus: string | null;
  ignore: string | null;
}

export function foldOptions(spec: FoldSpec): ConstructorParameters<typeof GoroutineFolder>[0] {
  return {
    by: spec.by,
    similarity: spec.similarity,
    filter: { focus: spec.focus === null ? undefined : new RegExp(spec.focus), ignore: spec.ignore === null ? undefined : new RegExp(spec.ignore) },
  };
}

/** What a part tells about its one snapshot, and whether it is that simple. */
export interface PartWire {
  /** Lines in the part. */
  lines: number;
  /**
   * Exactly one traceback snapshot, nothing stripped (no log prefixes or
   * envelopes), no input-level warnings or skipped lines: the only parts
   * the main thread merges. Anything else makes it parse the whole input in
   * one pass, as it would without workers.
   */
  simple: boolean;
  total: number;
  messages: string[];
  warnings: Warning[];
  skipped: LineRange[];
  lastLine: number;
  /** Line of the part's first goroutine header (within the part), or null. */
  firstGoroutineLine: number | null;
  groups: GroupWire[];
}

export interface Part {
  loaded: Loaded;
  snapshot: TracebackSnapshot | null;
  simple: boolean;
  firstGoroutineLine: number | null;
}

/** Loads bytes [start, end) of `path` through the usual input path, folding with `options.onGoroutine`. */
export async function loadPart(path: string, start: number, end: number, options: LoadOptions): Promise<Part> {
  let firstGoroutineLine: number | null = null;
  const fold = options.onGoroutine;
  const loaded = await load(fileRangeSource(path, start, end), {
    ...options,
    onGoroutine: (g: Goroutine, s: TracebackSnapshot) => {
      firstGoroutineLine ??= g.line;
      return fold === undefined || fold(g, s);
    },
  });
  const { result, stripped = [] } = loaded;
  const only = result.snapshots.length === 1 ? result.snapshots[0]! : null;
  const snapshot = only !== null && only.kind === 'traceback' ? only : null;
  const simple = snapshot !== null && stripped.length === 0 && result.warnings.length === 0 && result.skipped.length === 0;
  return { loaded, snapshot, simple, firstGoroutineLine };
}

/** A worker's part: loaded, folded with its own folder, and put in wire form. */
export async function partWire(path: string, start: number, end: number, spec: FoldSpec): Promise<PartWire> {
  const folder = new GoroutineFolder(foldOptions(spec));
  const part = await loadPart(path, start, end, { onGoroutine: folder.onGoroutine });
  const s = part.snapshot;
  const groups = s === null ? [] : (folder.result(s)?.groups ?? []).map(groupToWire);
  return {
    lines: part.loaded.result.lines,
    simple: part.simple,
    total: s?.total ?? 0,
    messages: s?.messages ?? [],
    warnings: s?.warnings ?? [],
    skipped: s?.skipped ?? [],
    lastLine: s?.lastLine ?? 0,
    firstGoroutineLine: part.firstGoroutineLine,
    groups,
  };
}

/** What a parse worker is sent: a file and the byte ranges of its parts. */
export interface PartsRequest {
  path: string;
  ranges: [number, number][];
  spec: FoldSpec;
}

/** Reads the parts of a request one after the other. */
export async function readParts(request: PartsRequest): Promise<PartWire[]> {
  const parts: PartWire[] = [];
  for (const [start, end] of request.ranges) parts.push(await partWire(request.path, start, end, request.spec));
  return parts;
}
