/**
 * `gdump watch`'s loop: take a snapshot every interval (saving its bytes
 * when asked), line the series up with src/diff, and show it live; on
 * --count or Ctrl-C print the diff of the first and last snapshot.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { classifierFor } from '../../analysis/group.js';
import { diffSnapshots, type DiffResult } from '../../diff/diff.js';
import type { Group } from '../../analysis/group.js';
import { DiffFolder } from '../../diff/stream.js';
import type { HttpSettings } from '../../input/http.js';
import { load } from '../../input/load.js';
import { openSource } from '../../input/open.js';
import type { InputSource } from '../../input/source.js';
import { holdsGoroutines, stacksOf, type GoroutineSnapshot, type Snapshot } from '../../model/snapshot.js';
import { diffJson, renderDiff } from '../../render/diff.js';
import { seriesSuspects } from '../../diff/suspects.js';
import { renderSuspects, suspectsJson } from '../../render/suspects.js';
import { escapeTerminal } from '../../text/escape.js';
import { JSON_SCHEMA } from '../../render/json.js';
import { paletteFor } from '../../render/palette.js';
import { shortenerOf } from '../../render/paths.js';
import { LiveRegion, renderWatchLine, renderWatchTable, type WatchViewOptions } from '../../render/watch.js';
import type { WatchArgs } from '../commands/watch-args.js';
import { GdumpError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { checkRowArgs, httpSettingsOf, outputWidth, parseDuration } from '../options.js';
import { maskUserinfo } from '../../text/secrets.js';
import { printable } from '../exit.js';
import { SnapshotFiles } from './snapshot-files.js';


/**
 * Snapshots kept in memory: the first (growth is measured from it) and the
 * latest ones. An unbounded watch of a big service would otherwise grow
 * without end, which is the very thing gdump hunts.
 */
const KEPT_SNAPSHOTS = 60;

interface Captured {
  snapshot: GoroutineSnapshot;
  time: Date;
  file: string | null;
}

/**
 * One snapshot: fetch or read the target, keep its bytes for --out, parse it.
 * With a `folder`, its goroutines are folded into sites as they are parsed
 * and the snapshot keeps one representative per site (its groups into `folded`).
 */
async function capture(target: string, keepBytes: boolean, http: HttpSettings, signal: AbortSignal, folder: DiffFolder | null, folded: Map<Snapshot, readonly Group[]>): Promise<{ captured: Captured; bytes: Buffer | null }> {
  const taken = new Date();
  const source = await openSource(target, { http, signal });
  const bytes: Buffer[] = [];
  const tee: InputSource = {
    ...source,
    async *chunks() {
      for await (const chunk of source.chunks()) {
        if (keepBytes) bytes.push(chunk);
        yield chunk;
      }
    },
  };
  const { result } = await load(tee, folder === null ? {} : { onGoroutine: folder.onGoroutine });
  // A target holding several dumps (a log) stands for its latest one.
  const last = result.snapshots[result.snapshots.length - 1];
  const snapshot = last === undefined || folder === null ? last : folder.settle(last, folded);
  if (snapshot === undefined) {
    throw new GdumpError(`${source.name}: ${result.lines === 0 ? 'it is empty' : 'no goroutine dump or profile was found in it'}`, 'no-dump');
  }
  if (!holdsGoroutines(snapshot)) {
    throw new GdumpError(`${source.name}: a ${snapshot.format} profile; watch follows goroutine dumps (…/debug/pprof/goroutine?debug=2)`, 'usage');
  }
  return { captured: { snapshot, time: taken, file: null }, bytes: keepBytes ? Buffer.concat(bytes) : null };
}

function checkArgs(args: WatchArgs): { every: number; count: number | null } {
  // yargs reads a lone `-` for a string positional as an empty string.
  if (args.target === '-' || args.target === '') throw new GdumpError('watch reads its target again and again; standard input can be read only once (give a URL or a file)', 'usage');
  const count = args.count ?? null;
  if (count !== null && !(Number.isInteger(count) && count >= 1)) throw new GdumpError(`--count: expected a whole number of snapshots (1 or more), got "${count}"`, 'usage');
  return { every: parseDuration('every', args.every), count };
}

export async function runWatch(args: WatchArgs): Promise<number> {
  const http = httpSettingsOf(args);
  checkRowArgs(args);
  const { every, count } = checkArgs(args);
  const files = args.out === undefined ? null : await SnapshotFiles.open(args.out);

  // The first Ctrl-C (or SIGTERM, SIGHUP: a service manager, a closed
  // terminal) stops the watch (the fetch in flight is abandoned) and leads to
  // the final diff; a second one kills gdump as usual.
  const stop = new AbortController();
  const onInterrupt = (): void => {
    for (const signal of STOP_SIGNALS) process.off(signal, onInterrupt);
    stop.abort();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onInterrupt);

  const kept: Captured[] = [];
  const saved: string[] = [];
  const palette = paletteFor(process.stdout, args.color);
  const live = !args.json && process.stdout.isTTY === true ? new LiveRegion(process.stdout) : null;
  // On a terminal the table must fit the screen to be redrawn in place (header, column titles, 2 footers, a spare line).
  const top = live === null ? args.top : Math.max(1, Math.min(args.top > 0 ? args.top : Infinity, (process.stdout.rows || 24) - 5));
  let result: DiffResult | null = null;
  let view: WatchViewOptions | null = null;
  let taken = 0;
  // Each snapshot is folded into its sites as it is parsed (flat memory over a long watch), unless the TUI needs every goroutine.
  const folder = args.interactive ? null : new DiffFolder('site');
  const folded = new Map<Snapshot, readonly Group[]>();
  let saveFailures = 0;
  let code: number = EXIT.ok;
  try {
    while (count === null || taken < count) {
      const started = Date.now();
      let c: Captured | null = null;
      try {
        const got = await capture(args.target, files !== null, http, stop.signal, folder, folded);
        c = got.captured;
        if (files !== null && got.bytes !== null) c.file = await saveOrCount(files, c.time, got.bytes, saveFailures === 0);
        saveFailures = files !== null && c.file === null ? saveFailures + 1 : 0;
      } catch (e) {
        if (stop.signal.aborted) break;
        // The first snapshot failing means a wrong target: stop. Later ones are a hiccup of a live service.
        if (taken === 0 || !(e instanceof GdumpError)) throw e;
        process.stderr.write(`gdump: snapshot ${taken + 1} skipped: ${printable(e.message)}\n`);
      }
      if (saveFailures >= MAX_SAVE_FAILURES) {
        process.stderr.write(`gdump: ${MAX_SAVE_FAILURES} snapshots in a row could not be saved in ${printable(args.out ?? '')}: the watch stops\n`);
        code = EXIT.inputError;
      }
      if (c !== null) {
        taken++;
        if (c.file !== null) saved.push(c.file);
        kept.push(c);
        if (kept.length > KEPT_SNAPSHOTS) folded.delete(kept.splice(1, 1)[0]!.snapshot);
        result = diffSnapshots(kept.map((k) => k.snapshot), { times: kept.map((k) => k.time), folded, runtime: args.runtime });
        const classifier = classifierFor(c.snapshot);
        view = { palette, paths: shortenerOf(stacksOf(c.snapshot), classifier, args['full-paths']), classifier, target: maskUserinfo(args.target), top, width: outputWidth(process.stdout) };
        if (live !== null) live.draw(renderWatchTable(result, taken, view));
        else if (!args.json) process.stdout.write(renderWatchLine(result, taken) + '\n');
      }
      if (code !== EXIT.ok || (count !== null && taken >= count)) break;
      try {
        // Intervals run from the start of each snapshot; a slow fetch shortens the wait, never below zero.
        await sleep(Math.max(0, started + every - Date.now()), undefined, { signal: stop.signal });
      } catch {
        break; // Ctrl-C while waiting
      }
    }
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onInterrupt);
  }
  const finished = await finish(args, kept, saved, result, view, folder);
  return code !== EXIT.ok ? code : finished;
}

/** Signals that end a watch the way Ctrl-C does: with the final diff. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Consecutive snapshots that could not be saved before the watch gives up (exit 4). */
const MAX_SAVE_FAILURES = 3;

/** Saves a snapshot; a failure is said once per run of failures (`loud`), and the snapshot is kept in memory unsaved. */
async function saveOrCount(files: SnapshotFiles, taken: Date, bytes: Buffer, loud: boolean): Promise<string | null> {
  try {
    return await files.save(taken, bytes);
  } catch (e) {
    if (!(e instanceof GdumpError)) throw e;
    if (loud) process.stderr.write(`gdump: ${printable(e.message)}; the watch goes on, without saving\n`);
    return null;
  }
}

async function finish(args: WatchArgs, kept: readonly Captured[], saved: readonly string[], result: DiffResult | null, view: WatchViewOptions | null, folder: DiffFolder | null): Promise<number> {
  // The terminal UI first (it gives the screen back when it quits); the final diff is printed either way.
  if (args.interactive && kept.length > 0) await explore(args, kept);
  const suspects = result === null ? [] : seriesSuspects(result, kept.map((k) => k.snapshot), undefined, folder?.factsOf(kept[kept.length - 1]!.snapshot));
  if (args.json) {
    const series = result === null ? null : { ...diffJson(result), suspects: suspectsJson(suspects) };
    process.stdout.write(JSON.stringify({ schema: JSON_SCHEMA, ...series, snapshots: kept.length, saved }, null, 2) + '\n');
  } else if (result !== null && view !== null && kept.length >= 2) {
    const sources = kept.map((k) => k.file ?? k.time.toISOString());
    const above = renderSuspects(suspects, view);
    process.stdout.write('\n' + renderDiff(result, { ...view, top: args.top, stacks: args.stacks, sources, above }));
  } else {
    process.stdout.write(`${kept.length === 0 ? 'no snapshot was taken' : 'one snapshot only'}: nothing to compare\n`);
  }
  if (saved.length > 0 && !args.json) process.stderr.write(`gdump: ${saved.length} snapshots saved in ${escapeTerminal(args.out ?? '')}\n`);
  return EXIT.ok;
}

/** The diff view of the watched series (one snapshot: that snapshot's groups). */
async function explore(args: WatchArgs, kept: readonly Captured[]): Promise<void> {
  const { startTui } = await import('../../tui/start.js');
  const series = kept.length >= 2;
  await startTui({
    snapshots: kept.map((k) => k.snapshot),
    groupBy: 'site',
    similarity: 'pointers',
    filter: {},
    fullPaths: args['full-paths'],
    source: maskUserinfo(args.target),
    ...(series ? { diff: { sources: kept.map((k) => k.file ?? k.time.toISOString()), options: { times: kept.map((k) => k.time) } } } : {}),
  });
}
