/**
 * A big dump file parsed on every core: the file is cut at goroutine headers
 * (input/cuts.ts), the main thread loads and folds the first part while
 * parse workers (parse-worker.ts) load and fold the others, and their groups
 * are merged into the main thread's fold (Grouper.absorb), as if the whole
 * file had been read in one pass.
 *
 * Only a plain traceback dump takes this path: each part must read as one
 * traceback snapshot with nothing stripped or skipped, and no goroutine id
 * may repeat across parts (a repeat starts a new snapshot in a one-pass
 * read). Anything else, and any worker failure, returns null and the caller
 * reads the file in one pass. Small files are read in one pass anyway: a
 * worker costs ~50 ms to start.
 *
 * Not yet on the CLI's path: the likely-leak facts (analysis/site-facts.ts)
 * are gathered per goroutine on the main thread and have no merge across
 * parts, and the one ES module bundle has no worker entry. Until both exist,
 * only test/speed/parallel.test.ts runs it (against the one-pass read).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { isFullBuffer } from '../../../grammar/parse.js';
import type { GoroutineFolder } from '../../analysis/fold.js';
import { groupFromWire } from '../../analysis/wire.js';
import { fileHead, goroutineCuts } from '../../input/cuts.js';
import { looksBinary, type Loaded, type LoadOptions } from '../../input/load.js';
import type { InputSource } from '../../input/source.js';
import { loadPart, readParts, type FoldSpec, type PartsRequest, type PartWire } from './parallel-part.js';
import type { WorkerReply } from './parse-worker.js';

/** Files from this size are cut into parts. */
export const PARALLEL_MIN_BYTES = 8 << 20;

export interface ParallelSettings {
  /** Parts to cut the file into; 1 turns the parallel parse off. Default: one per core (at most 2 cores' worth on 2). */
  parts: number;
  /** Files smaller than this are read in one pass. */
  minBytes: number;
  /** False: the parts after the first are read on this thread, one after the other (tests of the cutting and merging). */
  threads?: boolean;
}

/**
 * The settings, from GDUMP_PARTS when set: a number of parts, applied to
 * files of any size (tests use it to cut small fixtures into many parts;
 * GDUMP_PARTS=1 reads every file in one pass). Otherwise one part per core
 * (up to 4), unless the machine is busy: a worker costs CPU time of its own
 * (its start, its own JIT warm-up, ~40% more in all on a 100 MB dump), which
 * only pays when it runs beside the main thread on a free core. Busy means
 * a 1-minute load average above the cores + 0.5 (the average counts runs of
 * gdump itself, such as a script's or the bench's one after the other).
 */
export function parallelSettings(env: NodeJS.ProcessEnv = process.env): ParallelSettings {
  const forced = Number(env.GDUMP_PARTS);
  if (Number.isInteger(forced) && forced >= 1) return { parts: forced, minBytes: 0 };
  const cores = os.availableParallelism();
  const busy = os.loadavg()[0]! > cores + 0.5;
  return { parts: busy ? 1 : Math.min(cores, 4), minBytes: PARALLEL_MIN_BYTES };
}

/** The worker's entry file, beside this module (tsc's dist/src/; the CLI's bundle does not use the parallel parse yet). */
function workerFile(): URL {
  return new URL('./parse-worker.js', import.meta.url);
}

function askWorker(request: PartsRequest): Promise<PartWire[] | null> {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile());
    const done = (parts: PartWire[] | null): void => {
      resolve(parts);
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply) => done('parts' in reply ? reply.parts : null));
    worker.once('error', () => done(null));
    worker.once('exit', () => done(null));
    worker.postMessage(request);
  });
}

/** Byte ranges of the parts: [0, cut1), [cut1, cut2), …, [cutN, size). */
function ranges(size: number, cuts: readonly number[]): [number, number][] {
  const bounds = [0, ...cuts, size];
  return bounds.slice(1).map((end, i) => [bounds[i]!, end]);
}

/**
 * Loads `source` in parts on worker threads, folding into `folder`; null when
 * the file does not qualify (the caller then loads it in one pass).
 */
export async function loadParallel(source: InputSource, spec: FoldSpec, folder: GoroutineFolder, options: LoadOptions, settings = parallelSettings()): Promise<Loaded | null> {
  const path = source.path;
  const size = source.size;
  if (path === undefined || size === null || settings.parts < 2 || size < Math.max(settings.minBytes, 1)) return null;
  // --group-by top keys on GOROOT, which each part would find on its own; a full buffer's size is a warning on the whole input.
  // A filter drops goroutines before their ids are seen, and ids that repeat across parts must be seen.
  if (spec.by === 'top' || spec.focus !== null || spec.ignore !== null || isFullBuffer(size) || options.strip != null || looksBinary(fileHead(path, 64))) return null;
  const cuts = goroutineCuts(path, size, Array.from({ length: settings.parts }, () => 1));
  if (cuts.length === 0) return null;
  const [first, ...rest] = ranges(size, cuts);
  const workers = Math.max(1, Math.min(rest.length, os.availableParallelism() - 1));
  const requests: PartsRequest[] = Array.from({ length: workers }, () => ({ path, ranges: [], spec }));
  rest.forEach((r, i) => requests[i % workers]!.ranges.push(r));
  const replies = settings.threads === false ? requests.map(readParts) : requests.map(askWorker);
  const part0 = await loadPart(path, first![0], first![1], { ...options, onGoroutine: folder.onGoroutine });
  const answered = await Promise.all(replies);
  if (answered.some((a) => a === null)) return null;
  // Back in file order: worker w has parts w, w + workers, …
  const later: PartWire[] = rest.map((_, i) => answered[i % workers]![Math.floor(i / workers)]!);
  return merge(source, part0, later, folder);
}

function merge(source: InputSource, part0: Awaited<ReturnType<typeof loadPart>>, later: readonly PartWire[], folder: GoroutineFolder): Loaded | null {
  const s = part0.snapshot;
  const firstLine = part0.firstGoroutineLine;
  if (!part0.simple || s === null || firstLine === null) return null;
  // Lines after the goroutines began (a crash line, prose) can change how the next part reads.
  if (s.warnings.length > 0 || s.skipped.some((r) => r.last >= firstLine)) return null;
  for (const p of later) {
    if (!p.simple || p.firstGoroutineLine !== 1 || p.messages.length > 0 || p.warnings.length > 0 || p.skipped.length > 0) return null;
  }
  const seen = new Set<number>();
  const folded = folder.result(s)?.groups ?? [];
  for (const g of folded) for (let i = 0; i < g.ids.length; i++) seen.add(g.ids.at(i));
  for (const p of later) {
    for (const g of p.groups) for (const id of g.ids) if (seen.has(id)) return null;
    for (const g of p.groups) for (const id of g.ids) seen.add(id);
  }
  let offset = part0.loaded.result.lines;
  for (const p of later) {
    folder.absorb(s, p.groups.map((g) => groupFromWire(g, offset)));
    s.total += p.total;
    s.lastLine = offset + p.lastLine;
    offset += p.lines;
  }
  part0.loaded.result.lines = offset;
  return { source, result: part0.loaded.result, stripped: [] };
}
